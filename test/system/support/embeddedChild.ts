// Run by embeddedRestart.test.ts in a child process: starts the embedded
// PostgreSQL on the folder given and waits to be killed.
import { startEmbeddedPostgres } from '../../../engine/store/embeddedPostgres.js';

const db = await startEmbeddedPostgres({ dataDir: process.argv[2] });
console.log(`ready ${db.port}`);
setInterval(() => {}, 60_000);
