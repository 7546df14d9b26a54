import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';

/** Clock ticks per second of /proc's CPU times. */
function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; everything after its ')' splits cleanly.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU ticks of the postmaster (its exited children included) and of every live child. */
function serverTicks(postmaster: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const f = statFields(pid);
    if (!f) continue;
    // After the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
    if (pid === postmaster) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    else if (Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks;
}

/**
 * Starts measuring the CPU time of the PostgreSQL server behind `pool`:
 * the other half of a step's cost on a 2-core machine. Works when the server
 * runs on this host (embedded, or a local DATABASE_URL) and returns null
 * otherwise; the stop function gives CPU milliseconds.
 */
export async function startPgServerCpu(pool: pg.Pool): Promise<(() => number) | null> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const backend = statFields(rows[0].pid);
  if (!backend) return null;
  const postmaster = Number(backend[1]);
  const hz = clockTicks();
  const before = serverTicks(postmaster);
  return () => ((serverTicks(postmaster) - before) * 1000) / hz;
}
