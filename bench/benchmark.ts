import type { BenchDatabase } from './benchDatabase.js';

/**
 * One figure of a run: a number, or a short label such as a model name; null
 * when the module could not measure it (a `<id>_not_measured` figure says why).
 */
export type Metric = number | string | null;
export type Metrics = Record<string, Metric>;

/**
 * What every benchmark module gets. The database is started lazily and only
 * once, so modules that need none (the in-memory baseline) never pay for it,
 * and run.ts owns its cleanup whatever a module does.
 */
export interface BenchContext {
  /** Epoch milliseconds by which the whole run must be done. */
  deadline: number;
  database(): Promise<BenchDatabase>;
  log(message: string): void;
}

/** A benchmark module: adding one to run.ts is adding it to its list. */
export interface Benchmark {
  name: string;
  /** Short prefix of its figures: `<id>_not_measured` carries the reason when it fails. */
  id: string;
  /** Its headline figures, reported as null when it fails, so a reader of the JSON sees the gap. */
  headline: string[];
  run(ctx: BenchContext): Promise<Metrics>;
}

/** Milliseconds left before the run's deadline, less a safety margin for cleanup. */
export function remainingMs(ctx: BenchContext, marginMs = 5_000): number {
  return Math.max(0, ctx.deadline - Date.now() - marginMs);
}
