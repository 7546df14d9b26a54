import type { EngineContext, OutboundEvent } from '../engineContext.js';
import { recordTaskBreaches, type RecordedBreach } from '../store/deadlines/recordTaskBreaches.js';
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
 * Records every breach and warning that is due now and not yet recorded.
 * Timers make detection punctual; this makes it certain: it runs at start-up
 * and every minute, and catches what a stopped server or a lost job missed.
 */
export async function sweepDeadlines(ctx: EngineContext): Promise<SweepResult> {
  const now = ctx.time.now();
  const breaches = [...(await recordTaskBreaches(ctx.pool, now)), ...(await recordDossierBreaches(ctx.pool, now))];
  const warnings = await recordWarnings(ctx.pool, now);
  await publish(ctx, [...warningNotices(warnings, now), ...breachNotices(breaches)]);
  return { breaches, warnings };
}

/** The timer of one due time fired: record its breach if the step is still open. */
export async function checkBreach(ctx: EngineContext, dossierId: number, taskId: string | null): Promise<RecordedBreach[]> {
  const now = ctx.time.now();
  const breaches = taskId ? await recordTaskBreaches(ctx.pool, now, { taskId }) : await recordDossierBreaches(ctx.pool, now, dossierId);
  await publish(ctx, breachNotices(breaches));
  return breaches;
}

export async function checkWarning(ctx: EngineContext, dossierId: number, taskId: string | null): Promise<RecordedWarning[]> {
  const now = ctx.time.now();
  const warnings = await recordWarnings(ctx.pool, now, taskId ? { taskId } : { dossierId });
  await publish(ctx, warningNotices(warnings.filter((w) => (taskId ? w.taskId === taskId : w.taskId === null)), now));
  return warnings;
}
