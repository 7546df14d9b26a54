import { randomUUID } from 'node:crypto';
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
}

interface Kept extends WarmEngine {
  keptAt: number;
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
 * A warm engine holds its own copy of every element of the definition: about
 * 1 MB for the bench's 10-task model (bench/stateSize, measured 2026-11-30).
 * "The last few": a dossier's next step rarely follows within minutes on the
 * same server, so a large cache mostly holds memory (1,000 waiting dossiers
 * must cost the heap under 20 MB). The bench's 400 dossiers gone round by 8
 * officers need ENGINE_CACHE_SIZE=500 to stay warm; the bench reports both.
 */
const DEFAULT_SIZE = 16;
/** An engine not taken for this long is dropped: a dossier's next step seldom comes later from the same server. */
const DEFAULT_IDLE_S = 600;

function configured(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/**
 * The last engines of the last dossiers moved in this process, least recently
 * used dropped first (ENGINE_CACHE_SIZE, 16 by default, 0 turns it off), and
 * any not taken within ENGINE_CACHE_IDLE_S (600 s) dropped at the next keep.
 * An engine is taken out while an operation uses it, so two operations never
 * share one, and put back under the revision of the state its run wrote.
 */
export class WarmEngines {
  private readonly engines = new Map<string, Kept>();
  /** Operations that found their engine warm, and that recovered it from the row. */
  readonly taken = { warm: 0, recovered: 0 };

  constructor(
    private readonly size = configured('ENGINE_CACHE_SIZE', DEFAULT_SIZE),
    private readonly idleMs = configured('ENGINE_CACHE_IDLE_S', DEFAULT_IDLE_S) * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The engine that wrote exactly `state`, running `sourceContext`, taken out of
   * the cache; null when this process has none (another engine in the same
   * process, with a definition cache of its own, is another server).
   */
  take(state: unknown, sourceContext: unknown): WarmEngine | null {
    const revision = (state as Record<string, unknown> | null)?.[REVISION];
    const warm = typeof revision === 'string' ? this.engines.get(revision) : undefined;
    if (!warm || warm.sourceContext !== sourceContext) {
      this.taken.recovered++;
      return null;
    }
    this.engines.delete(revision as string);
    this.taken.warm++;
    const { keptAt: _keptAt, ...engine } = warm;
    return engine;
  }

  /** Names `state` (the run's, about to be stored) and keeps the engine that wrote it. */
  keep(state: unknown, warm: WarmEngine): void {
    if (!this.size || !state || typeof state !== 'object') return;
    const revision = randomUUID();
    (state as Record<string, unknown>)[REVISION] = revision;
    const now = this.now();
    this.engines.set(revision, { ...warm, keptAt: now });
    // Oldest first (Map order): over the size, or idle too long.
    for (const [key, kept] of this.engines) {
      if (this.engines.size <= this.size && now - kept.keptAt < this.idleMs) break;
      this.engines.delete(key);
    }
  }

  get count(): number {
    return this.engines.size;
  }

  /** How many engines this cache keeps at most (ENGINE_CACHE_SIZE). */
  get capacity(): number {
    return this.size;
  }

  clear(): void {
    this.engines.clear();
  }
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
