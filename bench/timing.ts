import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Monotonic milliseconds, sub-millisecond precise. */
export function nowMs(): number {
  return performance.now();
}

/** The value below which `p` (0..1) of the samples fall; 0 for no samples. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** The middle value (the mean of the two middle ones for an even count); 0 for no samples. */
export function median(samples: number[]): number {
  if (!samples.length) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// `npm run bench` starts node through tsx, so --expose-gc cannot be passed on
// the command line; the flag set at runtime exposes gc to a new context.
setFlagsFromString('--expose-gc');
const gcFunction = runInNewContext('gc') as () => void;

/** A full collection, so heap figures measure what is retained, not garbage. */
export function collectGarbage(): void {
  gcFunction();
  gcFunction();
}
