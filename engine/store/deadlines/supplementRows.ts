import type { Queryable } from '../db.js';
import type { SupplementPolicy } from '../../procedures/procedureModel.js';

export interface SupplementRow {
  id: number;
  dossierId: number;
  taskId: string | null;
  department: string | null;
  reason: string;
  items: string[];
  requestedAt: Date;
  requestedBy: string;
  receivedAt: Date | null;
  receivedBy: string | null;
  policy: SupplementPolicy;
  dueBefore: Date | null;
  dueAfter: Date | null;
}

const COLUMNS = `id, dossier_id AS "dossierId", task_id AS "taskId", department, reason, items, requested_at AS "requestedAt",
  requested_by AS "requestedBy", received_at AS "receivedAt", received_by AS "receivedBy", policy, due_before AS "dueBefore", due_after AS "dueAfter"`;

export async function insertSupplementRequest(
  db: Queryable,
  s: { dossierId: number; taskId: string | null; department: string | null; reason: string; items: string[]; requestedAt: Date; requestedBy: string; policy: SupplementPolicy; dueBefore: Date | null },
): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO supplements (dossier_id, task_id, department, reason, items, requested_at, requested_by, policy, due_before)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [s.dossierId, s.taskId, s.department, s.reason, JSON.stringify(s.items), s.requestedAt, s.requestedBy, s.policy, s.dueBefore],
  );
  return rows[0].id;
}

export async function openSupplement(db: Queryable, dossierId: number): Promise<SupplementRow | null> {
  const { rows } = await db.query<SupplementRow>(
    `SELECT ${COLUMNS} FROM supplements WHERE dossier_id = $1 AND received_at IS NULL ORDER BY id DESC LIMIT 1`,
    [dossierId],
  );
  return rows[0] ?? null;
}

export async function markSupplementReceived(db: Queryable, id: number, at: Date, by: string, dueAfter: Date | null): Promise<void> {
  await db.query('UPDATE supplements SET received_at = $2, received_by = $3, due_after = $4 WHERE id = $1', [id, at, by, dueAfter]);
}
