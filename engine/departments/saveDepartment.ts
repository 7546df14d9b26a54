import type pg from 'pg';
import { withTransaction } from '../store/db.js';
import { getDepartment, upsertDepartment } from '../store/departments/departmentRows.js';

/** Adds a department or renames an existing code; says which, in one transaction. */
export async function saveDepartment(pool: pg.Pool, input: { code: string; name: string; agency: string }): Promise<{ created: boolean }> {
  return withTransaction(pool, async (client) => {
    const before = await getDepartment(client, input.code);
    await upsertDepartment(client, { ...input, calendarId: null });
    return { created: before === null };
  });
}
