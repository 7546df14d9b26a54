import type { EngineContext } from '../../engineContext.js';
import { startInstance } from '../../runtime/processRun.js';
import { withTransaction } from '../../store/db.js';
import { getLatestVersion } from '../../store/procedures/procedureRows.js';
import { insertDossier, nextDossierSeq } from '../../store/dossiers/dossierRows.js';
import { appendEvents, type NewEvent } from '../../store/events/eventRows.js';
import { NotFoundError, ValidationError, type FieldError } from '../../errors.js';
import { formatFieldErrors } from '../../forms/formValidator.js';
import { formatDossierCode, vietnamDate } from '../dossierCode.js';
import { createTasksFor, type CreatedTask } from '../routing/createTasks.js';
import { gatewayDecisionEvents } from '../routing/gatewayDecisions.js';
import { warningAt } from '../../deadlines/warningTime.js';
import { commitEffects } from '../../commitEffects.js';
import { taskCreatedNotices } from '../routing/notices.js';

export type Channel = 'online' | 'direct' | 'post';

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
  status: string;
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
  const errors = [...checkApplicant(input.applicant), ...definition.startForm(data).map((e) => ({ ...e, path: `/data${e.path}` }))];
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
  const clockStartedAt = model.clock === 'calendar' ? receivedAt : ctx.time.receptionStart(receivedAt, model.calendarId);
  const dueAt = model.deadlineMs === null ? null : ctx.time.dueAt(clockStartedAt, model.deadlineMs, model.clock, model.calendarId);
  const warnAt = dueAt && warningAt(ctx.time, clockStartedAt, dueAt, model.clock, ctx.warningLead.dossierMs, model.calendarId);
  const agency = input.receivingAgency ?? ctx.receivingAgency;

  const run = await startInstance(definition.sourceContext, data);

  const result = await withTransaction(ctx.pool, async (client) => {
    const day = vietnamDate(receivedAt);
    const code = formatDossierCode(agency, day, await nextDossierSeq(client, agency, day));
    const status = run.ended ? 'resolved' : 'processing';
    const dossierId = await insertDossier(client, {
      code,
      procedureCode: model.procedureCode,
      procedureVersionId: definition.versionId,
      status,
      channel: input.channel ?? 'direct',
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
    const events: NewEvent[] = [
      {
        type: 'dossier.received',
        at: now,
        actor: input.actor ?? null,
        payload: { procedureCode: model.procedureCode, version: definition.version, receivedAt, clockStartedAt, dueAt, channel: input.channel ?? 'direct' },
      },
      ...gatewayDecisionEvents(model, run.flowsTaken, now),
    ];
    const tasks = await createTasksFor(ctx, client, {
      dossierId,
      model,
      waiting: run.waiting,
      handedOverAt: clockStartedAt,
      fromDepartment: model.startDepartment ?? ctx.deskDepartment,
      events,
    });
    if (run.ended) events.push({ type: 'dossier.resolved', at: now, payload: {} });
    await appendEvents(client, dossierId, events);
    return { id: dossierId, code, status, procedureCode: model.procedureCode, version: definition.version, receivedAt, clockStartedAt, dueAt, tasks };
  });
  await commitEffects(ctx, {
    dossierId: result.id,
    dossierCode: result.code,
    created: result.tasks,
    closed: [],
    timers: dueAt && !run.ended ? [{ dossierId: result.id, taskId: null, dueAt, warnAt }] : [],
    dossierTimersVoid: run.ended,
    notify: [
      ...taskCreatedNotices(result.code, result.tasks),
      ...(run.ended ? [{ event: 'dossier.resolved' as const, department: null, dossierCode: result.code, at: now, payload: { timeliness: 'early' } }] : []),
    ],
  });
  return result;
}
