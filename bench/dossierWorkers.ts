import type { OnestopEngine } from '../engine/onestopEngine.js';
import { benchApplicant } from './benchEngine.js';
import { nowMs } from './timing.js';

/** A dossier a worker moves on: the id of the one task it waits on, or null once resolved. */
export interface BenchDossier {
  code: string;
  taskId: string | null;
}

/**
 * Submits `count` dossiers through `concurrency` parallel callers; with
 * `stopAt` (epoch ms), no new one after it once `atLeast` are in: on a busy
 * host the run keeps its time for measuring rather than for receiving.
 */
export async function submitMany(
  engine: OnestopEngine,
  procedureCode: string,
  count: number,
  concurrency: number,
  until?: { stopAt: number; atLeast: number },
): Promise<BenchDossier[]> {
  const dossiers: BenchDossier[] = [];
  let next = 0;
  const more = () => next < count && (!until || next < until.atLeast || Date.now() < until.stopAt);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (more()) {
        const i = next++;
        const submitted = await engine.submit(procedureCode, { applicant: benchApplicant, data: { seq: i } });
        if (submitted.tasks.length !== 1) throw new Error(`dossier ${submitted.code} opened ${submitted.tasks.length} tasks, expected 1`);
        dossiers.push({ code: submitted.code, taskId: submitted.tasks[0].id });
      }
    }),
  );
  return dossiers;
}

export interface CompletionRun {
  steps: number;
  ms: number;
  /** Wall milliseconds of each completeTask call. */
  latencies: number[];
  resolved: number;
}

/**
 * `workers` concurrent officers. Worker w owns every w-th dossier and goes
 * round them completing the one open task of each, so no two workers ever
 * wait on the same dossier lock: what is measured is throughput, not
 * contention. The next task id comes from completeTask's own answer, as a
 * client would use it, so the loop adds no query of its own. Stops starting
 * new completions at `stopAt` (epoch ms) or after `maxSteps`; a later call
 * carries on where this one stopped.
 */
export async function completeAll(
  engine: OnestopEngine,
  dossiers: BenchDossier[],
  workers: number,
  stopAt: number,
  maxSteps = Infinity,
): Promise<CompletionRun> {
  const latencies: number[] = [];
  let started = 0;
  const more = () => Date.now() < stopAt && started < maxSteps;
  const t0 = nowMs();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      let pending = dossiers.filter((d, i) => i % workers === w && d.taskId);
      while (pending.length && more()) {
        for (const d of pending) {
          if (!more()) break;
          started++;
          const t = nowMs();
          const result = await engine.completeTask(d.taskId!, { actor: `officer-${w}` });
          latencies.push(nowMs() - t);
          d.taskId = result.openTasks[0]?.id ?? null;
        }
        pending = pending.filter((d) => d.taskId);
      }
    }),
  );
  return { steps: latencies.length, ms: nowMs() - t0, latencies, resolved: dossiers.filter((d) => !d.taskId).length };
}
