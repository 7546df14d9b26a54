import { startSystem } from './startSystem.js';

const system = await startSystem().catch((err) => {
  console.error(`Start-up failed: ${err instanceof Error ? err.message : String(err)}`);
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
