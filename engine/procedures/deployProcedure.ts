import { createHash } from 'node:crypto';
import type pg from 'pg';
import { lintBpmn } from '../lint/lintBpmn.js';
import { buildProcedureModel } from './procedureModel.js';
import { withTransaction } from '../store/db.js';
import { listDepartments } from '../store/departments/departmentRows.js';
import { findVersionBySha, insertVersion, lockProcedure } from '../store/procedures/procedureRows.js';
import { DeploymentError, type ElementProblem } from '../errors.js';

export interface DeployResult {
  code: string;
  version: number;
  name: string;
  versionId: number;
  /** false when the identical file was already deployed (nothing changed). */
  created: boolean;
  warnings: ElementProblem[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Checks a BPMN file with the same lint rules the designer runs and stores it
 * as the procedure's next version. Running dossiers keep the version they
 * started with; deploying an identical file returns the existing version.
 */
export async function deployProcedure(pool: pg.Pool, xml: string, deployedBy: string | null = null): Promise<DeployResult> {
  const departments = (await listDepartments(pool)).map((d) => d.code);
  const { definitions, problems } = await lintBpmn(xml, { departments });
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
  let model;
  try {
    model = buildProcedureModel(definitions);
  } catch (err) {
    throw new DeploymentError(`the procedure was refused: ${(err as Error).message}`, [
      { elementId: null, message: (err as Error).message, rule: 'single-process', severity: 'error' },
    ]);
  }
  const hash = sha256(xml);
  return withTransaction(pool, async (client) => {
    const latest = await lockProcedure(client, model.procedureCode, model.name);
    const existing = await findVersionBySha(client, model.procedureCode, hash);
    if (existing) {
      return { code: existing.procedureCode, version: existing.version, name: existing.name, versionId: existing.id, created: false, warnings };
    }
    const row = await insertVersion(client, {
      procedureCode: model.procedureCode,
      version: latest + 1,
      name: model.name,
      xml,
      sha256: hash,
      model,
      deployedBy,
    });
    return { code: row.procedureCode, version: row.version, name: row.name, versionId: row.id, created: true, warnings };
  });
}
