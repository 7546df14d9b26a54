import type { EngineContext } from '../../engineContext.js';
import { updateDossier } from '../../store/dossiers/dossierRows.js';
import { getDepartment } from '../../store/departments/departmentRows.js';
import { findApology, insertApology } from '../../store/deadlines/apologyRows.js';
import { ConflictError, ValidationError } from '../../errors.js';
import { warningAt } from '../../deadlines/warningTime.js';
import { changeDossier } from '../change.js';
import { pinnedTo } from '../../calendar/ruleSets.js';

export interface ApologyInput {
  actor: string;
  reason: string;
  /** The unit that caused the delay. */
  responsibleDepartment: string;
  newDueAt: Date;
}

const WORKING_DAY_MS = 8 * 3_600_000;

/**
 * The apology and new appointment letter: the promised date may be moved
 * once, to a later working day, and the citizen is told the new date.
 */
export async function recordApology(ctx: EngineContext, code: string, input: ApologyInput) {
  const problems = [];
  if (!input.reason?.trim()) problems.push({ path: '/reason', message: 'is required' });
  if (!(input.newDueAt instanceof Date) || Number.isNaN(input.newDueAt.getTime())) problems.push({ path: '/newDueAt', message: 'must be a date-time' });
  if (problems.length) throw new ValidationError('the apology letter is incomplete', problems);

  return changeDossier(ctx, { code }, ['processing', 'supplement_requested'], 'issue an apology letter', async ({ db, dossier, now, record, arm }) => {
    const previous = await findApology(db, dossier.id);
    if (previous) {
      throw new ConflictError(`an apology letter was already issued for ${code} on ${previous.issuedAt.toISOString()}: the promised date may be moved only once`).because('apology-once', { code, issuedAt: previous.issuedAt.toISOString() });
    }
    if (!(await getDepartment(db, input.responsibleDepartment))) {
      throw new ValidationError(`department ${input.responsibleDepartment} does not exist`, [{ path: '/responsibleDepartment', message: 'is not a known department' }]);
    }
    const definition = await ctx.definitions.get(dossier.procedureVersionId);
    const cal = pinnedTo(definition.model.calendarId, dossier.ruleSetId);
    if (dossier.dueAt && input.newDueAt.getTime() <= dossier.dueAt.getTime()) {
      throw new ValidationError(`the new date must be later than the promised date ${dossier.dueAt.toISOString()}`, [{ path: '/newDueAt', message: 'must be after the current promised date', code: 'after-promised-date', params: { dueAt: dossier.dueAt.toISOString() } }])
        .because('after-promised-date', { dueAt: dossier.dueAt.toISOString() });
    }
    if (!ctx.time.isWorkingDay(input.newDueAt, cal)) {
      throw new ValidationError('the new promised date falls on a day off; choose a working day', [{ path: '/newDueAt', message: 'must be on a working day', code: 'working-day' }]).because('working-day');
    }
    // The law asks for the letter at least one working day ahead; a late one
    // is still recorded (the citizen must be told), and flagged.
    const inTime = dossier.dueAt ? ctx.time.elapsed(now, dossier.dueAt, 'working', cal) >= WORKING_DAY_MS : true;
    await insertApology(db, {
      dossierId: dossier.id, reason: input.reason, responsibleDepartment: input.responsibleDepartment,
      previousDueAt: dossier.dueAt, newDueAt: input.newDueAt, issuedAt: now, issuedBy: input.actor,
    });
    const warnAt = warningAt(ctx.time, now, input.newDueAt, definition.model.clock, ctx.warningLead.dossierMs, cal);
    await updateDossier(db, dossier.id, { dueAt: input.newDueAt, warnAt });
    record({ type: 'dossier.apology', at: now, actor: input.actor, payload: { reason: input.reason, responsibleDepartment: input.responsibleDepartment, previousDueAt: dossier.dueAt, dueAt: input.newDueAt, issuedInTime: inTime } });
    // A paused dossier's promised date is armed again when the supplement arrives.
    if (dossier.status === 'processing') arm({ taskId: null, dueAt: input.newDueAt, warnAt });
    return { dossierCode: code, previousDueAt: dossier.dueAt, dueAt: input.newDueAt, issuedInTime: inTime };
  });
}
