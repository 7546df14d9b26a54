import os from 'node:os';

export interface CpuReading {
  /** This process's CPU milliseconds (user + system, every thread). */
  processMs: number;
  /** Busy share of the whole machine over the window, 0..100 (every process: PostgreSQL too). */
  machineBusyPct: number;
}

function machineTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    const t = cpu.times;
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, total };
}

/**
 * Starts a CPU window. On a 2-core machine the question is who uses the
 * cores: the engine's single Node thread, or PostgreSQL's backends. The
 * machine figure includes whatever else runs on the host, so it is read with
 * that in mind.
 */
export function startCpuMeter(): () => CpuReading {
  const proc = process.cpuUsage();
  const machine = machineTimes();
  return () => {
    const used = process.cpuUsage(proc);
    const now = machineTimes();
    const total = now.total - machine.total;
    return {
      processMs: (used.user + used.system) / 1000,
      machineBusyPct: total > 0 ? (100 * (now.busy - machine.busy)) / total : 0,
    };
  };
}
