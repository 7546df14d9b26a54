import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import type { DossierStatus } from '../../dossier/statuses.js';
import type { Channel } from '../../dossier/channel.js';

export interface DossierRow {
  id: number;
  code: string;
  procedureCode: string;
  procedureVersionId: number;
  status: DossierStatus;
  channel: Channel;
  receivingAgency: string;
  applicant: Record<string, unknown>;
  data: Record<string, unknown>;
  submittedAt: Date;
  receivedAt: Date;
  clockStartedAt: Date;
  dueAt: Date | null;
  warnAt: Date | null;
  pausedAt: Date | null;
  originalDueAt: Date | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  refusedAt: Date | null;
  withdrawnAt: Date | null;
  stoppedAt: Date | null;
  returnChannel: ReturnChannel | null;
  trackingNumber: string | null;
  /** The agency that resolves, when not the receiving one (reception regardless of boundary). */
  resolvingAgency: string | null;
  refusalReasons: string[] | null;
  /** The rule set in force at reception (rules with effective dates); null before rule sets existed. */
  ruleSetId: string | null;
  rowVersion: number;
}

export type ReturnChannel = 'in_person' | 'post';

export const DOSSIER_COLUMNS = `d.id, d.code, d.procedure_code AS "procedureCode", d.procedure_version_id AS "procedureVersionId",
  d.status, d.channel, d.receiving_agency AS "receivingAgency", d.applicant, d.data,
  d.submitted_at AS "submittedAt", d.received_at AS "receivedAt", d.clock_started_at AS "clockStartedAt",
  d.due_at AS "dueAt", d.warn_at AS "warnAt", d.paused_at AS "pausedAt", d.original_due_at AS "originalDueAt", d.resolved_at AS "resolvedAt",
  d.returned_at AS "returnedAt", d.refused_at AS "refusedAt", d.withdrawn_at AS "withdrawnAt",
  d.stopped_at AS "stoppedAt", d.return_channel AS "returnChannel", d.tracking_number AS "trackingNumber",
  d.resolving_agency AS "resolvingAgency", d.refusal_reasons AS "refusalReasons", d.rule_set_id AS "ruleSetId",
  d.row_version AS "rowVersion"`;

/** Next number of the agency's daily sequence; the row lock lasts until commit. */
export async function nextDossierSeq(db: Queryable, agency: string, day: string): Promise<number> {
  const { rows } = await db.query<{ seq: number }>(
    named(`INSERT INTO dossier_counters (agency, day, last_seq) VALUES ($1, $2, 1)
     ON CONFLICT (agency, day) DO UPDATE SET last_seq = dossier_counters.last_seq + 1
     RETURNING last_seq AS seq`, [agency, day]));
  return rows[0].seq;
}

export interface NewDossier {
  code: string;
  procedureCode: string;
  procedureVersionId: number;
  status: DossierStatus;
  channel: Channel;
  receivingAgency: string;
  applicant: unknown;
  data: unknown;
  submittedAt: Date;
  receivedAt: Date;
  clockStartedAt: Date;
  dueAt: Date | null;
  warnAt: Date | null;
  resolvedAt: Date | null;
  engineState: unknown;
  resolvingAgency?: string | null;
  ruleSetId?: string | null;
}

export async function insertDossier(db: Queryable, d: NewDossier): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    named(`INSERT INTO dossiers (code, procedure_code, procedure_version_id, status, channel, receiving_agency, applicant, data,
       submitted_at, received_at, clock_started_at, due_at, original_due_at, resolved_at, engine_state, warn_at, resolving_agency, rule_set_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15, $16, $17) RETURNING id`, [
      d.code, d.procedureCode, d.procedureVersionId, d.status, d.channel, d.receivingAgency,
      JSON.stringify(d.applicant), JSON.stringify(d.data), d.submittedAt, d.receivedAt, d.clockStartedAt,
      d.dueAt, d.resolvedAt, JSON.stringify(d.engineState), d.warnAt, d.resolvingAgency ?? null, d.ruleSetId ?? null,
    ]));
  return rows[0].id;
}

/** Locks the dossier a task belongs to, found through the task in the same statement. */
export async function lockDossierOfTask(db: Queryable, taskId: string): Promise<(DossierRow & { engineState: unknown }) | null> {
  if (!/^[0-9a-f-]{36}$/i.test(taskId)) return null;
  const { rows } = await db.query<DossierRow & { engineState: unknown }>(named(
    `SELECT ${DOSSIER_COLUMNS}, d.engine_state AS "engineState" FROM dossiers d
      WHERE d.id = (SELECT t.dossier_id FROM tasks t WHERE t.id = $1) FOR UPDATE`,
    [taskId],
  ));
  return rows[0] ?? null;
}

export async function lockDossierByCode(db: Queryable, code: string): Promise<(DossierRow & { engineState: unknown }) | null> {
  const { rows } = await db.query<DossierRow & { engineState: unknown }>(
    named(`SELECT ${DOSSIER_COLUMNS}, d.engine_state AS "engineState" FROM dossiers d WHERE d.code = $1 FOR UPDATE`, [code]));
  return rows[0] ?? null;
}

export async function getDossierByCode(db: Queryable, code: string): Promise<DossierRow | null> {
  const { rows } = await db.query<DossierRow>(named(`SELECT ${DOSSIER_COLUMNS} FROM dossiers d WHERE d.code = $1`, [code]));
  return rows[0] ?? null;
}

export interface DossierChange {
  status?: DossierStatus;
  data?: unknown;
  engineState?: unknown;
  dueAt?: Date | null;
  warnAt?: Date | null;
  pausedAt?: Date | null;
  resolvedAt?: Date | null;
  returnedAt?: Date | null;
  withdrawnAt?: Date | null;
  refusedAt?: Date | null;
  clockStartedAt?: Date;
  receivedAt?: Date;
  originalDueAt?: Date | null;
  stoppedAt?: Date | null;
  returnChannel?: ReturnChannel | null;
  trackingNumber?: string | null;
  refusalReasons?: string[] | null;
  ruleSetId?: string | null;
}

const CHANGE_COLUMNS: Record<keyof DossierChange, [string, boolean]> = {
  status: ['status', false],
  data: ['data', true],
  engineState: ['engine_state', true],
  dueAt: ['due_at', false],
  warnAt: ['warn_at', false],
  pausedAt: ['paused_at', false],
  resolvedAt: ['resolved_at', false],
  returnedAt: ['returned_at', false],
  withdrawnAt: ['withdrawn_at', false],
  refusedAt: ['refused_at', false],
  clockStartedAt: ['clock_started_at', false],
  receivedAt: ['received_at', false],
  originalDueAt: ['original_due_at', false],
  stoppedAt: ['stopped_at', false],
  returnChannel: ['return_channel', false],
  trackingNumber: ['tracking_number', false],
  refusalReasons: ['refusal_reasons', true],
  ruleSetId: ['rule_set_id', false],
};

export async function updateDossier(db: Queryable, id: number, change: DossierChange): Promise<void> {
  const sets: string[] = [];
  const values: unknown[] = [id];
  for (const [key, value] of Object.entries(change) as Array<[keyof DossierChange, unknown]>) {
    if (value === undefined) continue;
    const [column, json] = CHANGE_COLUMNS[key];
    values.push(json ? JSON.stringify(value) : value);
    sets.push(`${column} = $${values.length}`);
  }
  // Any change clears the sweep's marks (migration 0022): the next sweep checks the dossier's
  // promised date again (a dossier no longer waiting on the citizen is late from then on).
  await db.query(
    named(`UPDATE dossiers SET ${sets.join(', ')}${sets.length ? ', ' : ''}breach_due_at = NULL, warned_due_at = NULL, row_version = row_version + 1, updated_at = now() WHERE id = $1`, values));
}
