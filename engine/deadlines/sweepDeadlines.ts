import type { EngineContext, OutboundEvent } from '../engineContext.js';
import { recordTaskBreaches, type RecordedBreach } from '../store/deadlines/recordTaskBreaches.js';
import type { SweepBatch } from '../store/deadlines/sweepBatch.js';
import { recordDossierBreaches } from '../store/deadlines/recordDossierBreaches.js';
import { recordWarnings, type RecordedWarning } from '../store/deadlines/recordWarnings.js';

export interface SweepResult {
  breaches: RecordedBreach[];
  warnings: RecordedWarning[];
}

export function breachNotices(breaches: RecordedBreach[]): OutboundEvent[] {
  return breaches.map((b) => ({
    event: b.taskId ? 'task.breached' : 'dossier.breached',
    department: b.department,
    dossierCode: b.dossierCode,
    taskId: b.taskId ?? undefined,
    at: b.detectedAt,
    payload: { breachId: b.id, taskId: b.taskId, elementId: b.elementId, name: b.name, dueAt: b.dueAt, detectedAt: b.detectedAt },
  }));
}

export function warningNotices(warnings: RecordedWarning[], at: Date): OutboundEvent[] {
  return warnings.map((w) => ({
    event: w.taskId ? 'task.warning' : 'dossier.warning',
    department: w.department,
    dossierCode: w.dossierCode,
    taskId: w.taskId ?? undefined,
    at,
    payload: { taskId: w.taskId, name: w.name, dueAt: w.dueAt, warnAt: w.warnAt },
  }));
}

async function publish(ctx: EngineContext, events: OutboundEvent[]) {
  if (!events.length) return;
  try {
    await ctx.notifier.publish(events);
  } catch (err) {
    ctx.log(`deadline notifications not published: ${(err as Error).message}`);
  }
}

/**
 * How many due rows a sweep's first statement takes. A sweep records in
 * batches until a batch comes back short: right after a restart on a big
 * database (a cold cache, a backlog of a stopped night) each statement stays
 * well within the statement timeout, however much there is to record.
 */
export const SWEEP_BATCH = 500;

/**
 * A batch that took less than this grows the next one (twice as large, up to
 * four times the first). On a warm cache a statement's own cost (planning,
 * the statement triggers, the round trip, the commit) is a large share of a
 * small batch: on the kept year, 5,000 due steps cost twice as much in ten
 * statements of 500 as in five of 1,000. A slow batch (a cold cache) keeps
 * the size it has, so a statement still stays far below the timeout.
 */
const GROW_BELOW_MS = 1_000;
const GROWTH_LIMIT = 4;

/** Runs one kind of batch until a batch takes fewer rows than it could. */
async function inBatches<T>(batch: (limit: number) => Promise<SweepBatch<T>>, first = SWEEP_BATCH): Promise<T[]> {
  const recorded: T[] = [];
  for (let size = first; ; ) {
    const started = performance.now();
    const b = await batch(size);
    recorded.push(...b.recorded);
    if (b.taken < size) return recorded;
    if (performance.now() - started < GROW_BELOW_MS) size = Math.min(size * 2, first * GROWTH_LIMIT);
  }
}

/**
 * Records every breach and warning that is due now and not yet recorded.
 * Timers make detection punctual; this makes it certain: it runs at start-up
 * and every minute, and catches what a stopped server or a lost job missed.
 */
export async function sweepDeadlines(ctx: EngineContext, batchSize = SWEEP_BATCH): Promise<SweepResult> {
  const now = ctx.time.now();
  // One connection for every batch (each statement still commits on its own):
  // its caches, warmed by the first batch, serve the others.
  const db = await ctx.pool.connect();
  let breaches: RecordedBreach[];
  let warnings: RecordedWarning[];
  try {
    breaches = [
      ...(await inBatches((limit) => recordTaskBreaches(db, now, {}, limit), batchSize)),
      ...(await inBatches((limit) => recordDossierBreaches(db, now, limit), batchSize)),
    ];
    warnings = await inBatches((limit) => recordWarnings(db, now, {}, limit), batchSize);
  } finally {
    db.release();
  }
  await publish(ctx, [...warningNotices(warnings, now), ...breachNotices(breaches)]);
  return { breaches, warnings };
}

/**
 * How far back a fired timer looks. Due times come in bursts (a morning's
 * dossiers share their deadlines): the first timer of a burst records all of
 * it and the others find nothing left to do.
 */
const TIMER_WINDOW_MS = 60_000;

/** A breach timer fired: record the breaches due around its time that are not recorded yet. */
export async function checkBreach(ctx: EngineContext, at: Date, kind: 'task' | 'dossier'): Promise<RecordedBreach[]> {
  const now = ctx.time.now();
  const since = new Date(at.getTime() - TIMER_WINDOW_MS);
  const breaches = await inBatches((limit) =>
    kind === 'task' ? recordTaskBreaches(ctx.pool, now, { dueSince: since }, limit) : recordDossierBreaches(ctx.pool, now, limit, null, since));
  await publish(ctx, breachNotices(breaches));
  return breaches;
}

export async function checkWarning(ctx: EngineContext, at: Date): Promise<RecordedWarning[]> {
  const now = ctx.time.now();
  const warnings = await inBatches((limit) => recordWarnings(ctx.pool, now, { warnSince: new Date(at.getTime() - TIMER_WINDOW_MS) }, limit));
  await publish(ctx, warningNotices(warnings, now));
  return warnings;
}
