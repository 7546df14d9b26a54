import { Session } from 'node:inspector/promises';
import type { Profiler } from 'node:inspector';

/**
 * Samples the main thread's stacks while `work` runs, through the inspector
 * (no command-line flag needed under tsx). Only the window of interest is
 * profiled: deploy, submissions and warm-up stay out of the figures.
 */
export async function profileCpu<T>(work: () => Promise<T>, intervalUs = 1_000): Promise<{ result: T; profile: Profiler.Profile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await session.post('Profiler.start');
    const outcome = await work().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const { profile } = await session.post('Profiler.stop');
    if (!outcome.ok) throw outcome.error;
    return { result: outcome.value, profile };
  } finally {
    session.disconnect();
  }
}
