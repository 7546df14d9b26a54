import type { Server } from 'node:http';
import { readConfig, startEngine, type AppConfig, type Engine } from '../engine/index.js';
import { applyServerTimeouts, createApp } from './app.js';
import { mountApi } from './mountApi.js';
import { mountDesigner } from './designerRoutes.js';

export interface RunningSystem {
  url: string;
  databaseUrl: string;
  config: AppConfig;
  engine: Engine;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

/**
 * Starts everything a service center needs: the engine (database, migrations,
 * the sample procedures, timers) and the HTTP server around it.
 */
export async function startSystem(config: AppConfig = readConfig(), log: Log = console.log): Promise<RunningSystem> {
  const running = await startEngine(config, log);
  const { engine } = running;

  const app = createApp({ pool: running.pool, scheduler: running.scheduler }, config.edges);
  mountApi(app, { engine, log });
  mountDesigner(app);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    applyServerTimeouts(s, config.edges);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  log(`Server: ${url} (health: ${url}/health, API reference: ${url}/api/docs)`);
  log(`Designer: ${url}/designer (sign in with your username and password as an analyst, or a system key)`);
  log(`Workspace: ${url}/ (sign in with your username and password, or a system key)`);
  log(`Citizen page: ${url}/tra-cuu (no sign-in)`);

  return {
    url,
    databaseUrl: running.databaseUrl,
    config,
    engine,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running.stop();
    },
  };
}
