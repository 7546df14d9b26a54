import type { Queryable } from '../../store/db.js';
import { getDepartment } from '../../store/departments/departmentRows.js';
import { evaluateFeelValue, isFeelAttribute } from '../../runtime/feelValue.js';
import type { WaitingTask } from '../../runtime/processRun.js';

export type InstanceDepartment = { ok: true; department: string } | { ok: false; problem: string };

/**
 * The department of one waiting step. Written as a code, it is the code
 * (lint checked it at deploy). Written as FEEL (`= agency.department`), it is
 * evaluated over the dossier data and the step's multi-instance item, and
 * must yield a registered department code: otherwise that instance cannot be
 * routed, and becomes an incident instead of a task.
 */
export async function instanceDepartment(db: Queryable, written: string, wait: WaitingTask, data: Record<string, unknown>): Promise<InstanceDepartment> {
  if (!isFeelAttribute(written)) return { ok: true, department: written };
  let value: unknown;
  try {
    value = evaluateFeelValue(written, { ...data, ...wait.instance?.variables });
  } catch (err) {
    return { ok: false, problem: `the department ${JSON.stringify(written)} could not be evaluated: ${(err as Error).message}` };
  }
  const where = wait.instance ? ` for instance ${wait.instance.index + 1} of ${wait.instance.elementId}` : '';
  if (typeof value !== 'string' || value.trim() === '') {
    return { ok: false, problem: `the department ${JSON.stringify(written)} gave ${JSON.stringify(value) ?? 'nothing'}${where}, not a department code` };
  }
  const code = value.trim();
  if (!(await getDepartment(db, code))) return { ok: false, problem: `the department ${JSON.stringify(written)} gave "${code}"${where}, which is not a registered department` };
  return { ok: true, department: code };
}
