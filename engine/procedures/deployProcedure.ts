import { createHash } from 'node:crypto';
import type pg from 'pg';
import { lintBpmn } from '../lint/lintBpmn.js';
import { buildProcedureModel, type ProcedureModel } from './procedureModel.js';
import { withTransaction, type Queryable } from '../store/db.js';
import { listDepartments } from '../store/departments/departmentRows.js';
import { findVersionBySha, insertVersion, listProcedures, lockProcedure } from '../store/procedures/procedureRows.js';
import { DeploymentError, type ElementProblem } from '../errors.js';

export interface DeployResult {
  code: string;
  version: number;
  name: string;
  versionId: number;
  /** false when the identical file was already deployed (nothing changed). */
  created: boolean;
  warnings: ElementProblem[];
  /** From this instant on, new dossiers get this version. */
  effectiveAt: Date;
}

/** How a version is published: by whom, from when, approved by whom. */
export interface PublishOptions {
  /** Absent: in force at once. */
  effectiveAt?: Date | null;
  approvedBy?: string | null;
  approvedAt?: Date | null;
  draftId?: string | null;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface CheckedProcedure {
  model: ProcedureModel;
  warnings: ElementProblem[];
}

/**
 * The deploy-time check, the same lint rules the designer runs: refuses a
 * file with an error (422 with every problem) and answers its model and warnings.
 */
export async function checkProcedure(db: Queryable, xml: string): Promise<CheckedProcedure> {
  const departments = (await listDepartments(db)).map((d) => d.code);
  // A call activity must name a deployed procedure.
  const procedures = (await listProcedures(db)).map((p) => p.code);
  const { definitions, problems } = await lintBpmn(xml, { departments, procedures });
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity !== 'error');
  if (errors.length || !definitions) {
    throw new DeploymentError(
      `the procedure was refused: ${errors.length} problem${errors.length === 1 ? '' : 's'} (${errors
        .slice(0, 3)
        .map((e) => (e.elementId ? `${e.elementId}: ${e.message}` : e.message))
        .join('; ')}${errors.length > 3 ? '; …' : ''})`,
      errors,
    );
  }
  try {
    return { model: buildProcedureModel(definitions), warnings };
  } catch (err) {
    throw new DeploymentError(`the procedure was refused: ${(err as Error).message}`, [
      { elementId: null, message: (err as Error).message, rule: 'single-process', severity: 'error' },
    ]);
  }
}

/** Stores a checked file as the procedure's next version, inside the caller's transaction. */
export async function storeVersion(
  client: Queryable,
  xml: string,
  checked: CheckedProcedure,
  deployedBy: string | null,
  options: PublishOptions = {},
): Promise<DeployResult> {
  const { model, warnings } = checked;
  const hash = sha256(xml);
  const latest = await lockProcedure(client, model.procedureCode, model.name);
  const existing = await findVersionBySha(client, model.procedureCode, hash);
  if (existing) {
    return { code: existing.procedureCode, version: existing.version, name: existing.name, versionId: existing.id, created: false, warnings, effectiveAt: existing.effectiveAt };
  }
  const row = await insertVersion(client, {
    procedureCode: model.procedureCode,
    version: latest + 1,
    name: model.name,
    xml,
    sha256: hash,
    model,
    deployedBy,
    effectiveAt: options.effectiveAt ?? null,
    approvedBy: options.approvedBy ?? null,
    approvedAt: options.approvedAt ?? null,
    draftId: options.draftId ?? null,
  });
  return { code: row.procedureCode, version: row.version, name: row.name, versionId: row.id, created: true, warnings, effectiveAt: row.effectiveAt };
}

/**
 * Checks a BPMN file with the same lint rules the designer runs and stores it
 * as the procedure's next version. Running dossiers keep the version they
 * started with; deploying an identical file returns the existing version.
 */
export async function deployProcedure(pool: pg.Pool, xml: string, deployedBy: string | null = null, options: PublishOptions = {}): Promise<DeployResult> {
  const checked = await checkProcedure(pool, xml);
  return withTransaction(pool, (client) => storeVersion(client, xml, checked, deployedBy, options));
}
