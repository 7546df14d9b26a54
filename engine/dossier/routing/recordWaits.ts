import type { EngineContext } from '../../engineContext.js';
import type { RunResult } from '../../runtime/processRun.js';
import type { WaitModel } from '../../runtime/waitModel.js';
import { openWaits, type NewWait } from '../../store/waits/openWaits.js';
import { syncWaits } from '../../store/waits/syncWaits.js';
import { ProcessError } from '../../errors.js';
import type { UnitOfWork } from '../change.js';
import { timerDueAt } from './timerDue.js';

/**
 * Brings the dossier's wait rows in line with what the instance waits on
 * after a run: timers (due time computed once, when the wait starts) and
 * awaited messages are recorded, the waits the instance no longer has (a
 * completed step's boundary timer, the losing branch of an event-based
 * gateway) are cancelled. One statement, and none for a version without
 * waiting elements.
 */
export async function recordWaits(ctx: EngineContext, work: UnitOfWork, args: { waits: WaitModel; calendarId: string | null; run: RunResult; hadWaits?: boolean }): Promise<void> {
  const { waits, run } = args;
  if (!waits.any) return;
  const fresh: NewWait[] = [];
  for (const t of run.timers) {
    const model = waits.timers[t.elementId];
    const dueAt = timerDueAt(ctx.time, t, model?.clock ?? 'working', args.calendarId, work.now);
    fresh.push({ kind: 'timer', elementId: t.elementId, executionId: t.executionId, messageName: null, department: null, dueAt });
  }
  for (const m of run.messages) {
    const model = waits.messages[m.elementId];
    if (!model) throw new ProcessError(`${m.elementId} waits for a message the procedure does not name`, m.elementId);
    fresh.push({ kind: 'message', elementId: m.elementId, executionId: m.executionId, messageName: model.messageName, department: model.department, dueAt: null });
  }
  // A new dossier has nothing to cancel, and nothing to record when it waits on no timer or message.
  const opened = args.hadWaits === false ? await openWaits(work.db, work.dossier.id, work.now, fresh) : await syncWaits(work.db, work.dossier.id, work.now, fresh);
  for (const w of opened) if (w.kind === 'timer' && w.dueAt) work.armWait({ waitId: w.id, dueAt: w.dueAt });
}
