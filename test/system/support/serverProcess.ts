import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../support/engineHarness.js';

// The real server, as `npm start` runs it, in a child process: what a crash,
// a kill -9 or a database fault does to the process itself can only be seen
// from outside it. One process (node --import tsx), not the tsx CLI, which
// runs the script in a second process that SIGKILL of the first would orphan.

export const ADMIN = 'test-admin-token-0123456789';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: string[];
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<string>;
}

export async function startServer(env: { DATABASE_URL: string; DATA_DIR: string } & Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'api/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ONESTOP_ADMIN_TOKEN: ADMIN, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(String(signal ?? code))));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join('')}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /Server: (http:\/\/[^\s]+)/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output.join('')}`)));
  });
  return { child, url, output, exited };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

export async function call(server: { url: string }, method: string, route: string, token: string | null, body?: unknown, timeoutMs = 30_000): Promise<Answer> {
  const res = await fetch(server.url + route, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

export async function kill(server: ServerProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill(signal);
  await server.exited;
}

export function stillRunning(server: ServerProcess): boolean {
  return server.child.exitCode === null && server.child.signalCode === null;
}
