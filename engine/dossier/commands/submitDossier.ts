import type { EngineContext } from '../../engineContext.js';
import { startInstance } from '../../runtime/processRun.js';
import type { Queryable } from '../../store/db.js';
import { getLatestVersion } from '../../store/procedures/procedureRows.js';
import { insertDossier, nextDossierSeq } from '../../store/dossiers/dossierRows.js';
import { errorsAt, NotFoundError, ValidationError, type FieldError } from '../../errors.js';
import { formatFieldErrors } from '../../forms/formValidator.js';
import { warningAt } from '../../deadlines/warningTime.js';
import { formatDossierCode, vietnamDate } from '../dossierCode.js';
import { createTasksFor } from '../routing/createTasks.js';
import { recordWaits } from '../routing/recordWaits.js';
import { createExternalTasks } from '../routing/createExternalTasks.js';
import { gatewayDecisionEvents } from '../routing/gatewayDecisions.js';
import { receiveDossier } from '../change.js';
import type { CreatedTask } from '../changeTypes.js';
import type { Channel } from '../channel.js';
import type { DossierStatus } from '../statuses.js';

export type { Channel } from '../channel.js';

export interface Applicant {
  name: string;
  idNumber: string;
  phone?: string;
  email?: string;
}

export interface SubmitInput {
  applicant: Applicant;
  data: Record<string, unknown>;
  channel?: Channel;
  receivingAgency?: string;
  /** A paper dossier entered after the fact; never in the future. */
  receivedAt?: Date;
  actor?: string | null;
}

export interface SubmitResult {
  id: number;
  code: string;
  status: DossierStatus;
  procedureCode: string;
  version: number;
  receivedAt: Date;
  clockStartedAt: Date;
  dueAt: Date | null;
  tasks: CreatedTask[];
}

function checkApplicant(applicant: Applicant | undefined): FieldError[] {
  const errors: FieldError[] = [];
  if (!applicant || typeof applicant !== 'object') return [{ path: '/applicant', message: 'is required' }];
  if (typeof applicant.name !== 'string' || !applicant.name.trim()) errors.push({ path: '/applicant/name', message: 'is required' });
  if (typeof applicant.idNumber !== 'string' || !applicant.idNumber.trim()) errors.push({ path: '/applicant/idNumber', message: 'is required' });
  return errors;
}

/**
 * Receives a valid dossier: checks its data against the procedure's start
 * form, gives it its dossier code and promised date, and runs the instance
 * until the first steps are routed to their departments. One transaction.
 */
export async function submitDossier(ctx: EngineContext, procedureCode: string, input: SubmitInput): Promise<SubmitResult> {
  const versionRow = await getLatestVersion(ctx.pool, procedureCode);
  if (!versionRow) throw new NotFoundError(`procedure ${procedureCode} is not deployed`);
  const definition = await ctx.definitions.get(versionRow.id);
  const { model } = definition;

  const data = input.data ?? {};
  const errors = [...checkApplicant(input.applicant), ...errorsAt('/data', definition.startForm(data))];
  if (errors.length) throw new ValidationError(`the dossier data is invalid: ${formatFieldErrors(errors)}`, errors);

  const now = ctx.time.now();
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime()) {
    throw new ValidationError('receivedAt is in the future: a dossier can only be entered after it was received', [
      { path: '/receivedAt', message: 'must not be in the future' },
    ]);
  }
  // Office hours and the 15:00 cut-off shape a working-day clock; a procedure
  // counted in calendar time runs from the reception itself.
  const clockStartedAt = ctx.time.clockStart('reception', receivedAt, model.clock, model.calendarId);
  const dueAt = model.deadlineMs === null ? null : ctx.time.dueAt(clockStartedAt, model.deadlineMs, model.clock, model.calendarId);
  const warnAt = dueAt && warningAt(ctx.time, clockStartedAt, dueAt, model.clock, ctx.warningLead.dossierMs, model.calendarId);
  const agency = input.receivingAgency ?? ctx.receivingAgency;
  const channel = input.channel ?? 'direct';

  const run = await startInstance(definition.sourceContext, data);
  const status: DossierStatus = run.ended ? 'resolved' : 'processing';

  const insert = async (db: Queryable) => {
    const day = vietnamDate(receivedAt);
    const code = formatDossierCode(agency, day, await nextDossierSeq(db, agency, day));
    const id = await insertDossier(db, {
      code,
      procedureCode: model.procedureCode,
      procedureVersionId: definition.versionId,
      status,
      channel,
      receivingAgency: agency,
      applicant: input.applicant,
      data,
      submittedAt: now,
      receivedAt,
      clockStartedAt,
      dueAt,
      warnAt,
      resolvedAt: run.ended ? now : null,
      engineState: run.state,
    });
    return { id, code };
  };
  return receiveDossier(ctx, now, insert, async (work) => {
    work.record(
      { type: 'dossier.received', at: now, actor: input.actor ?? null, payload: { procedureCode: model.procedureCode, version: definition.version, receivedAt, clockStartedAt, dueAt, channel } },
      ...gatewayDecisionEvents(model, run.flowsTaken, now),
    );
    const tasks = await createTasksFor(ctx, work, { model, waiting: run.waiting, handedOverAt: clockStartedAt, fromDepartment: model.startDepartment ?? ctx.deskDepartment });
    if (definition.waits.any) {
      const from = model.startDepartment ?? ctx.deskDepartment;
      tasks.push(...(await createExternalTasks(ctx, work, { waits: definition.waits, calendarId: model.calendarId, jobs: run.jobs, messages: run.messages, handedOverAt: clockStartedAt, fromDepartment: from })));
      await recordWaits(ctx, work, { waits: definition.waits, calendarId: model.calendarId, run, hadWaits: false });
    }
    if (run.ended) {
      // Resolved at the counter, before any promised date could run.
      work.record({ type: 'dossier.resolved', at: now, payload: { timeliness: 'early', dueAt } });
      work.voidDossierTimers();
    } else if (dueAt) {
      work.arm({ taskId: null, dueAt, warnAt });
    }
    const { id, code } = work.dossier;
    return { id, code, status, procedureCode: model.procedureCode, version: definition.version, receivedAt, clockStartedAt, dueAt, tasks };
  });
}
