import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// feelin evaluates synchronously and cannot be interrupted: an analyst's
// `for i in 1..100000000` or a backtracking `matches()` would hold the event
// loop (and every other request) for as long as it runs. Expressions that can
// run long are evaluated in a worker thread that is terminated when the time
// budget is spent; the others, nearly all conditions, stay in-process (a
// round trip to the worker costs a fraction of a millisecond, but creating
// one costs tens).

export class FeelBudgetExceeded extends Error {}

/** Loops, ranges, regular expressions and user functions: what can make an expression slow. */
const MAY_RUN_LONG = /\b(for|some|every|function|matches|replace|split)\b|\.\./;

export function mayRunLong(expression: string): boolean {
  return MAY_RUN_LONG.test(expression);
}

export function feelTimeBudgetMs(): number {
  const value = Number(process.env.FEEL_TIME_BUDGET_MS);
  return Number.isFinite(value) && value > 0 ? value : 500;
}

const feelinUrl = pathToFileURL(createRequire(import.meta.url).resolve('@bpmn-io/feelin')).href;

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const feelin = import(${JSON.stringify(feelinUrl)});
feelin.then(() => parentPort.postMessage({ ready: true }), (err) => parentPort.postMessage({ failed: String(err && err.message || err) }));
parentPort.on('message', async ({ id, expression, data }) => {
  try {
    const { evaluate } = await feelin;
    const result = evaluate(expression, data);
    const value = result && typeof result === 'object' && 'value' in result ? result.value : result;
    parentPort.postMessage({ id, value: value === true });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});
`;

interface Pending {
  resolve(value: boolean): void;
  reject(err: Error): void;
}

interface StartedWorker {
  thread: Worker;
  /** Settles once feelin is loaded: the budget counts evaluation, not a worker's start. */
  ready: Promise<void>;
}

let worker: StartedWorker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): StartedWorker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 256 } });
  w.unref();
  let markReady!: () => void;
  let markFailed!: (err: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // A failed start is reported to the evaluation that awaits it, never unhandled.
  ready.catch(() => {});
  const started: StartedWorker = { thread: w, ready };
  w.on('message', ({ id, value, error, ready: isReady, failed }: { id: number; value?: boolean; error?: string; ready?: boolean; failed?: string }) => {
    if (isReady) return markReady();
    if (failed !== undefined) return markFailed(new Error(failed));
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (error !== undefined) p.reject(new Error(error));
    else p.resolve(value === true);
  });
  const fail = (err: Error) => {
    if (worker === started) worker = null;
    markFailed(err);
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(err);
    }
  };
  w.on('error', fail);
  w.on('exit', () => fail(new FeelBudgetExceeded('the FEEL evaluator stopped')));
  worker = started;
  return started;
}

/** Evaluates a FEEL boolean in the worker; rejects with FeelBudgetExceeded after `budgetMs`. */
export async function evaluateInWorker(expression: string, data: unknown, budgetMs = feelTimeBudgetMs()): Promise<boolean> {
  const w = getWorker();
  try {
    await w.ready;
  } catch (err) {
    throw new FeelBudgetExceeded(`it could not be evaluated: ${(err as Error).message}`);
  }
  const id = nextId++;
  return new Promise<boolean>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      // The only way to stop a running evaluation: the next one gets a new worker.
      if (worker === w) worker = null;
      void w.thread.terminate();
      reject(new FeelBudgetExceeded(`it ran longer than ${budgetMs} ms`));
    }, budgetMs);
    pending.set(id, {
      resolve: (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      reject: (e) => {
        clearTimeout(timer);
        reject(e instanceof FeelBudgetExceeded ? e : new FeelBudgetExceeded(`it could not be evaluated: ${e.message}`));
      },
    });
    w.thread.postMessage({ id, expression, data });
  });
}
