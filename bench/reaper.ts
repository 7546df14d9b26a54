import { spawn } from 'node:child_process';

// Runs in a detached plain-node process (no tsx, no imports of ours), so it
// outlives a bench that is killed outright: tsx SIGKILLs its child when a
// busy event loop answers a Ctrl-C late, and then no handler of ours runs.
const REAPER_SOURCE = `
const fs = require('node:fs');
const path = require('node:path');
const [owner, tempDir, dataDir] = process.argv.slice(1);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  for (;;) {
    if (!fs.existsSync(tempDir)) return;          // the bench cleaned up itself
    if (!alive(Number(owner))) break;             // the bench is gone, the folder is not
    await sleep(500);
  }
  let pid = 0;
  try { pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\\n')[0]); } catch {}
  if (pid > 0 && alive(pid)) {
    try { process.kill(pid, 'SIGINT'); } catch {}  // fast shutdown
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
    if (alive(pid)) { try { process.kill(pid, 'SIGQUIT'); } catch {} await sleep(1000); }
  }
  fs.rmSync(tempDir, { recursive: true, force: true });
})();
`;

/**
 * Makes sure the embedded cluster is stopped and its folder removed even if
 * this process dies without running any handler. The reaper polls twice a
 * second and exits by itself as soon as the folder is gone.
 */
export function startReaper(tempDir: string, dataDir: string): void {
  const child = spawn(process.execPath, ['-e', REAPER_SOURCE, String(process.pid), tempDir, dataDir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
}
