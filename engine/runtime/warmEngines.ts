import { randomUUID } from 'node:crypto';
import { getHeapStatistics } from 'node:v8';
import type { RecordingTimers } from './durableTimers.js';
import type { DossierData } from './feelConditions.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * An engine left where its last run stopped: waiting on steps, timers or
 * messages, with nothing scheduled (its timers only record, see
 * durableTimers.ts), so it is inert until the next operation moves it.
 */
export interface WarmEngine {
  engine: any;
  /** The definition it runs: only an operation with the same one (the same engine's definition cache) takes it. */
  sourceContext: unknown;
  timers: RecordingTimers;
  /** What the engine's scripts and multi-instance loops read: set to the dossier's data at each operation. */
  data: { current: DossierData };
  /** Operations this engine has run (its start or recovery included): each leaves a little more in it. */
  runs: number;
}

interface Kept extends WarmEngine {
  keptAt: number;
  bytes: number;
}

/**
 * The stored state names the run that wrote it; the engine that run left is
 * kept under that name. The next operation of the dossier, given the state it
 * read under the dossier's lock, takes the engine only when the names match:
 * exactly that state, committed. Any other writer (another server, a run whose
 * transaction rolled back, an older copy) leaves another name or none, and the
 * engine is recovered from the row as always, so a stale engine is never used.
 */
const REVISION = 'runRevision';

/**
 * What a kept engine costs the heap, from its definition: bpmn-engine gives
 * every activity and flow its own smqp broker, and smqp gives every queue,
 * exchange and consumer of a broker its own event exchange, listener queue and
 * consumer (each with a queue of its own): about 1,500 queues for the bench's
 * 10-task model, none of them removable without bpmn-elements breaking. Heap
 * after GC per engine, measured 2026-11-30 (bench/warmEngineSize.ts): 450 KB
 * for a 1-task model (5 elements), 1,044 KB for 10 tasks (23), 2,400 KB for 30
 * (63), 627 KB for one task with a boundary timer (8), 2,345 KB for ten (53),
 * 1,216 KB for the building-permit sample (27). The estimate below is at or
 * above each of them.
 */
const ENGINE_BASE_BYTES = 320 * 1024;
const ELEMENT_BYTES = 40 * 1024;
/** Each operation an engine runs leaves an execution queue and a temporary one behind (about 20 KB measured). */
const RUN_BYTES = 20 * 1024;

const elementCounts = new WeakMap<object, number>();

function elementsOf(sourceContext: unknown): number {
  if (!sourceContext || typeof sourceContext !== 'object') return 0;
  let count = elementCounts.get(sourceContext);
  if (count === undefined) {
    const context = sourceContext as { getActivities?: () => unknown[]; getSequenceFlows?: () => unknown[] };
    count = (context.getActivities?.().length ?? 0) + (context.getSequenceFlows?.().length ?? 0);
    elementCounts.set(sourceContext, count);
  }
  return count;
}

/** The heap a kept engine of this definition holds after `runs` operations (an estimate, see above). */
export function estimatedEngineBytes(sourceContext: unknown, runs: number): number {
  return ENGINE_BASE_BYTES + elementsOf(sourceContext) * ELEMENT_BYTES + Math.max(0, runs - 1) * RUN_BYTES;
}

/**
 * A budget of heap, not a number of engines: a 30-task engine costs six
 * 1-task ones. By default an eighth of the process's heap limit, at most
 * 512 MB (this 23 GB machine: 512 MB, about 480 engines of the bench's 10-task
 * model): the cache only ever holds engines of dossiers that are being worked
 * on (see `keep`), and gives them back after ENGINE_CACHE_IDLE_S. A dossier
 * received and left waiting, on a P3D timer or for its department, holds no
 * engine, so issue 10's figure (1,000 such dossiers grow the heap under
 * 20 MB) holds whatever the budget.
 */
const DEFAULT_MB = Math.min(512, Math.floor(getHeapStatistics().heap_size_limit / 8 / 1_048_576));
/**
 * Revisions remembered without an engine (about 100 bytes each), so that a
 * dossier's second operation within the idle time is recognised: 20,000 is
 * more operations than a server runs in ten minutes.
 */
const MAX_REMEMBERED = 20_000;
/** An engine not taken for this long is dropped: a dossier's next step seldom comes later from the same server. */
const DEFAULT_IDLE_S = 600;

function configured(name: string, fallback: number, integer = true): number {
  const raw = process.env[name];
  const value = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isFinite(value) && value >= 0 && (!integer || Number.isInteger(value)) ? value : fallback;
}

export interface CacheBounds {
  /** Heap budget in MB (ENGINE_CACHE_MB; an eighth of the heap limit, at most 512, by default; 0 turns the cache off). */
  mb?: number;
  /** At most this many engines (ENGINE_CACHE_SIZE, unbounded by default; 0 turns the cache off). */
  size?: number;
  /** Dropped when not taken within this many seconds (ENGINE_CACHE_IDLE_S, 600 by default). */
  idleS?: number;
  now?: () => number;
}

/**
 * The last engines of the last dossiers moved in this process, least recently
 * kept dropped first, within a heap budget (ENGINE_CACHE_MB) and optionally a
 * count (ENGINE_CACHE_SIZE); any not taken within ENGINE_CACHE_IDLE_S dropped
 * at the next keep. An engine is taken out while an operation uses it, so two
 * operations never share one, and put back under the revision of the state
 * its run wrote.
 */
export class WarmEngines {
  private readonly engines = new Map<string, Kept>();
  /** Revisions whose run kept no engine, with when they were written. */
  private readonly remembered = new Map<string, number>();
  private heldBytes = 0;
  private readonly budgetBytes: number;
  private readonly size: number;
  private readonly idleMs: number;
  private readonly now: () => number;
  /** Operations that found their engine warm, and that recovered it from the row. */
  readonly taken = { warm: 0, recovered: 0 };

  constructor(bounds: CacheBounds = {}) {
    this.budgetBytes = (bounds.mb ?? configured('ENGINE_CACHE_MB', DEFAULT_MB, false)) * 1_048_576;
    this.size = bounds.size ?? configured('ENGINE_CACHE_SIZE', Number.POSITIVE_INFINITY);
    this.idleMs = (bounds.idleS ?? configured('ENGINE_CACHE_IDLE_S', DEFAULT_IDLE_S)) * 1000;
    this.now = bounds.now ?? Date.now;
  }

  /**
   * The engine that wrote exactly `state`, running `sourceContext`, taken out of
   * the cache; null when this process has none (another engine in the same
   * process, with a definition cache of its own, is another server).
   */
  take(state: unknown, sourceContext: unknown): WarmEngine | null {
    const revision = revisionOf(state);
    const warm = revision !== undefined ? this.engines.get(revision) : undefined;
    if (!warm || warm.sourceContext !== sourceContext) {
      this.taken.recovered++;
      return null;
    }
    this.drop(revision as string, warm);
    this.taken.warm++;
    const { keptAt: _keptAt, bytes: _bytes, ...engine } = warm;
    return engine;
  }

  /**
   * Names `state` (the run's, about to be stored) and keeps the engine that
   * wrote it, when it fits the budget and the dossier is being worked on: its
   * run followed another operation of the same dossier within the idle time
   * (`previous`, the state the run started from, was written by a warm engine
   * or is remembered). A dossier's first operation in a while (its reception,
   * a step after days of waiting) keeps no engine, only its revision: most
   * dossiers then wait for hours, and their engines would only hold memory.
   */
  keep(state: unknown, warm: WarmEngine, previous?: unknown): void {
    if (!this.size || !this.budgetBytes || !state || typeof state !== 'object') return;
    const now = this.now();
    this.forget(now);
    const revision = randomUUID();
    (state as Record<string, unknown>)[REVISION] = revision;
    const before = revisionOf(previous);
    const worked = warm.runs > 1 || (before !== undefined && this.remembered.delete(before));
    const bytes = estimatedEngineBytes(warm.sourceContext, warm.runs);
    if (!worked || bytes > this.budgetBytes) {
      this.remembered.set(revision, now);
      return;
    }
    this.engines.set(revision, { ...warm, keptAt: now, bytes });
    this.heldBytes += bytes;
    // Oldest first (Map order): over the budget or the size, or idle too long.
    for (const [key, kept] of this.engines) {
      if (this.heldBytes <= this.budgetBytes && this.engines.size <= this.size && now - kept.keptAt < this.idleMs) break;
      this.drop(key, kept);
    }
  }

  /** Remembered revisions past the idle time or over the count, oldest first. */
  private forget(now: number): void {
    for (const [key, at] of this.remembered) {
      if (this.remembered.size < MAX_REMEMBERED && now - at < this.idleMs) break;
      this.remembered.delete(key);
    }
  }

  private drop(revision: string, kept: Kept): void {
    this.engines.delete(revision);
    this.heldBytes -= kept.bytes;
  }

  get count(): number {
    return this.engines.size;
  }

  /** The heap the kept engines hold, estimated (MB). */
  get megabytes(): number {
    return this.heldBytes / 1_048_576;
  }

  /** The bounds this cache runs with (ENGINE_CACHE_MB, ENGINE_CACHE_SIZE; null: no count bound). */
  get bounds(): { mb: number; size: number | null } {
    return { mb: this.budgetBytes / 1_048_576, size: Number.isFinite(this.size) ? this.size : null };
  }

  clear(): void {
    this.engines.clear();
    this.remembered.clear();
    this.heldBytes = 0;
  }
}

function revisionOf(state: unknown): string | undefined {
  const revision = (state as Record<string, unknown> | null | undefined)?.[REVISION];
  return typeof revision === 'string' ? revision : undefined;
}

/** The process's cache (engine/runtime/processRun.ts). */
export const warmEngines = new WarmEngines();

/**
 * Points a warm engine's events at this operation's listener: bpmn-engine reads
 * the listener from each definition's environment at every event.
 */
export function listenTo(engine: any, listener: { emit(...args: unknown[]): unknown }): any {
  const execution = engine.execution;
  for (const definition of execution?.definitions ?? []) definition.environment.options.listener = listener;
  return execution;
}
