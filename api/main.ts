import { inspect } from 'node:util';
import { startSystem } from './startSystem.js';

const system = await startSystem().catch((err: unknown) => {
  // Whatever was thrown, say what it was: never "undefined".
  const why = err instanceof Error ? err.message || err.name : err === undefined ? 'an unknown error (nothing was thrown with it)' : inspect(err);
  console.error(`Start-up failed: ${why}`);
  process.exit(1);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    system.stop().then(() => process.exit(0), (err) => {
      console.error(err);
      process.exit(1);
    });
  });
}
