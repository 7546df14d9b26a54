import type { Benchmark } from './benchmark.js';
import { formatReport, mergeResults, writeJson, type ModuleResult } from './report.js';
import { createSession } from './session.js';
import { baseline } from './baseline.js';
import { runtimeSteps } from './runtimeSteps.js';
import { engineSteps } from './engineSteps.js';
import { stateSize } from './stateSize.js';

// The benchmarks, in order; a new one is one more line here. The in-memory
// ones run first, before PostgreSQL starts competing for the two cores.
const BENCHMARKS: Benchmark[] = [
  baseline,
  runtimeSteps,
  engineSteps,
  stateSize,
];

/** Whole-run budget; modules size their loops from what is left of it. */
const BUDGET_MS = 110_000;

const log = (message: string) => console.error(`[bench] ${message}`);

async function main(): Promise<number> {
  const started = Date.now();
  const session = createSession(started + BUDGET_MS, log);
  // Ctrl-C or a kill still stops the database and removes its folder.
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: cleaning up`);
    void session.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const results: ModuleResult[] = [];
  try {
    for (const benchmark of BENCHMARKS) {
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

  const merged = { ...mergeResults(results), total_s: Math.round((Date.now() - started) / 100) / 10 };
  console.log(formatReport(results, merged));
  console.log(`\ntotal ${merged.total_s} s`);
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
