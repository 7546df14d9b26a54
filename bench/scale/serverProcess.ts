import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './templateRuns.js';

export interface ServerProcess {
  url: string;
  /** What the server printed (its start-up report). */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The real server, as `npm start` runs it (api/main.ts in a process of its
 * own, on 127.0.0.1), on the given database: what a load balancer would put
 * several of in front of one PostgreSQL.
 */
export async function startServerProcess(options: { databaseUrl: string; adminToken: string; receivingAgency: string; log: (m: string) => void }): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onestop-scale-server-'));
  let output = '';
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'api', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ONESTOP_ADMIN_TOKEN: options.adminToken,
      RECEIVING_AGENCY: options.receivingAgency,
      // The 8 clients stand for many citizens; from one address the public
      // lookup's per-address limit would answer 429 after 30.
      PUBLIC_RATE_LIMIT: process.env.PUBLIC_RATE_LIMIT ?? '1000000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  };
  const until = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} while starting:\n${output}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > until) {
      await stop();
      throw new Error(`the server did not answer /health within 180 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  options.log(`server pid ${child.pid} at ${url}`);
  return { url, output: () => output, stop };
}
