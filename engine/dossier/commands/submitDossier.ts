import type { EngineContext } from '../../engineContext.js';
import { startInstance } from '../../runtime/processRun.js';
import type { Queryable } from '../../store/db.js';
import { versionInForceAt } from '../../procedures/versionInForce.js';
import { insertDossier, nextDossierSeq } from '../../store/dossiers/dossierRows.js';
import { saveRuleSet } from '../../store/rules/ruleRows.js';
import { getDepartment } from '../../store/departments/departmentRows.js';
import { errorsAt, NotFoundError, ValidationError, type FieldError } from '../../errors.js';
import { formatFieldErrors } from '../../forms/formValidator.js';
import { formatDossierCode, vietnamDate } from '../dossierCode.js';
import { receiveDossier, type UnitOfWork } from '../change.js';
import { beginProcessing, receptionTimes, statusAfterStart } from './beginProcessing.js';
import type { CreatedTask } from '../changeTypes.js';
import type { Channel } from '../channel.js';
import type { DossierStatus } from '../statuses.js';
import type { Backdating } from '../recordedEvents.js';
import { receivedAtMaxBackdateDays } from '../../config.js';

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
  /** The receiving point (a department code) whose agency identifier, when it has one, starts the dossier code. */
  receivingPoint?: string;
  /** The agency that resolves it, when another than the receiving point's (onestop:anyReceivingPoint procedures only). */
  resolvingAgency?: string;
  /** Filed online for the desk to check first: the dossier starts in status 1 (new). */
  check?: boolean;
  /** A paper dossier entered after the fact; never in the future. */
  receivedAt?: Date;
  actor?: string | null;
  /** More rows of the reception, written in its transaction after the dossier's own (its papers: engine/documents). */
  withinReception?: (work: UnitOfWork) => Promise<void>;
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
  // The version in force when the dossier was received: one published to take effect later is not yet.
  const versionRow = await versionInForceAt(ctx.pool, procedureCode, input.receivedAt ?? ctx.time.now(), ctx.time.now());
  if (!versionRow) throw new NotFoundError(`procedure ${procedureCode} is not deployed`).because('procedure-not-deployed', { procedure: procedureCode });
  const definition = await ctx.definitions.get(versionRow.id);
  const { model } = definition;

  const data = input.data ?? {};
  const errors = [...checkApplicant(input.applicant), ...errorsAt('/data', definition.startForm(data))];
  if (errors.length) throw new ValidationError(`the dossier data is invalid: ${formatFieldErrors(errors)}`, errors);

  const now = ctx.time.now();
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime()) {
    throw new ValidationError('receivedAt is in the future: a dossier can only be entered after it was received', [
      { path: '/receivedAt', message: 'must not be in the future', code: 'received-future' },
    ]).because('received-future');
  }
  const backdated = backdatingOf(now, input.receivedAt, input.actor ?? null);
  const channel = input.channel ?? 'direct';
  const point = input.receivingPoint ? await getDepartment(ctx.pool, input.receivingPoint) : null;
  if (input.receivingPoint && !point) {
    throw new ValidationError(`receiving point ${input.receivingPoint} is not a known department`, [{ path: '/receivingPoint', message: 'is not a known department' }]);
  }
  // The agency is configured per receiving point (departments.json agencyId); else the server's RECEIVING_AGENCY.
  const receiving = input.receivingAgency ?? point?.agencyId ?? ctx.receivingAgency;
  const resolving = resolvingAgencyOf(model, receiving, input.resolvingAgency);
  // The code carries the resolving agency's identifier (Circular 04 art. 23).
  const codeAgency = resolving ?? receiving;

  if (input.check) {
    // Filed online, waiting for the desk's check (status 1): no clock, no step yet.
    const insertNew = async (db: Queryable) => {
      const day = vietnamDate(now);
      const code = formatDossierCode(codeAgency, day, await nextDossierSeq(db, codeAgency, day));
      const id = await insertDossier(db, {
        code, procedureCode: model.procedureCode, procedureVersionId: definition.versionId, status: 'new', channel,
        receivingAgency: receiving, resolvingAgency: resolving, applicant: input.applicant, data,
        submittedAt: now, receivedAt: now, clockStartedAt: now, dueAt: null, warnAt: null, resolvedAt: null, engineState: null,
      });
      return { id, code };
    };
    return receiveDossier(ctx, now, insertNew, async (work) => {
      work.record({ type: 'dossier.filed', at: now, actor: input.actor ?? null, payload: { procedureCode: model.procedureCode, version: definition.version, channel, submittedAt: now } });
      await input.withinReception?.(work);
      const { id, code } = work.dossier;
      return { id, code, status: 'new' as DossierStatus, procedureCode: model.procedureCode, version: definition.version, receivedAt: now, clockStartedAt: now, dueAt: null, tasks: [] };
    });
  }

  const times = receptionTimes(ctx, definition, receivedAt);
  const run = await startInstance(definition.sourceContext, data);
  const status = statusAfterStart(definition, run);

  const insert = async (db: Queryable) => {
    const day = vietnamDate(receivedAt);
    const code = formatDossierCode(codeAgency, day, await nextDossierSeq(db, codeAgency, day));
    if (times.ruleSet) await saveRuleSet(db, times.ruleSet);
    const id = await insertDossier(db, {
      code,
      ruleSetId: times.ruleSet?.id ?? null,
      procedureCode: model.procedureCode,
      procedureVersionId: definition.versionId,
      status,
      channel,
      receivingAgency: receiving,
      resolvingAgency: resolving,
      applicant: input.applicant,
      data,
      submittedAt: now,
      receivedAt,
      clockStartedAt: times.clockStartedAt,
      dueAt: times.dueAt,
      warnAt: times.warnAt,
      resolvedAt: status === 'resolved' ? now : null,
      engineState: run.state,
    });
    return { id, code };
  };
  return receiveDossier(ctx, now, insert, async (work) => {
    const begun = await beginProcessing(ctx, work, { definition, run, times, channel, actor: input.actor ?? null, backdated, data });
    await input.withinReception?.(work);
    const { id, code } = work.dossier;
    return { id, code, status: begun.status, procedureCode: model.procedureCode, version: definition.version, receivedAt, clockStartedAt: times.clockStartedAt, dueAt: times.dueAt, tasks: begun.tasks };
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Who dated the reception back, and by how much (recorded on the reception), or
 * null when it is dated now; refused beyond RECEIVED_AT_MAX_BACKDATE_DAYS.
 */
function backdatingOf(now: Date, receivedAt: Date | undefined, actor: string | null): Backdating | null {
  if (!receivedAt) return null;
  const backdatedMs = now.getTime() - receivedAt.getTime();
  if (backdatedMs <= 0) return null;
  const days = receivedAtMaxBackdateDays();
  if (backdatedMs > days * DAY_MS) {
    throw new ValidationError(
      `receivedAt is ${Math.floor(backdatedMs / DAY_MS)} days ago: a reception may be dated back at most ${days} days (RECEIVED_AT_MAX_BACKDATE_DAYS); enter an older dossier with the date it is entered and say why in its notes`,
      [{ path: '/receivedAt', message: `must be at most ${days} days ago`, code: 'received-too-old', params: { days } }],
    ).because('received-too-old', { days });
  }
  return { backdatedBy: actor, backdatedMs };
}

/**
 * The agency that resolves, recorded apart from the receiving point only for
 * a procedure any receiving point may receive (onestop:anyReceivingPoint);
 * null when the receiving agency resolves it.
 */
function resolvingAgencyOf(model: { procedureCode: string; anyReceivingPoint?: boolean }, receiving: string, requested: string | undefined): string | null {
  if (!requested || requested === receiving) return null;
  if (!model.anyReceivingPoint) {
    throw new ValidationError(
      `procedure ${model.procedureCode} is received only by its own agency: it does not carry onestop:anyReceivingPoint, so a resolving agency other than the receiving one (${receiving}) cannot be given`,
      [{ path: '/resolvingAgency', message: 'is only accepted for a procedure any receiving point may receive' }],
    );
  }
  return requested;
}
