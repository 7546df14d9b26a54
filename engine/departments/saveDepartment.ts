import type pg from 'pg';
import { withTransaction } from '../store/db.js';
import { getDepartment, upsertDepartment } from '../store/departments/departmentRows.js';
import { departmentCodeProblem, isDepartmentCode } from '../bpmn/extensionReader/departmentCode.js';
import { ValidationError } from '../errors.js';

/** Adds a department or renames an existing code; says which, in one transaction. */
export async function saveDepartment(pool: pg.Pool, input: { code: string; name: string; agency: string }): Promise<{ created: boolean }> {
  if (!isDepartmentCode(input.code)) throw new ValidationError(departmentCodeProblem(String(input.code)), [{ path: '/code', message: 'is not a department code' }]);
  return withTransaction(pool, async (client) => {
    const before = await getDepartment(client, input.code);
    await upsertDepartment(client, { ...input, calendarId: null });
    return { created: before === null };
  });
}
