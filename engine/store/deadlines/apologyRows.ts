import type { Queryable } from '../db.js';

export interface ApologyRow {
  id: number;
  dossierId: number;
  reason: string;
  responsibleDepartment: string;
  previousDueAt: Date | null;
  newDueAt: Date;
  issuedAt: Date;
  issuedBy: string;
}

export async function findApology(db: Queryable, dossierId: number): Promise<ApologyRow | null> {
  const { rows } = await db.query<ApologyRow>(
    `SELECT id, dossier_id AS "dossierId", reason, responsible_department AS "responsibleDepartment", previous_due_at AS "previousDueAt",
            new_due_at AS "newDueAt", issued_at AS "issuedAt", issued_by AS "issuedBy"
       FROM apologies WHERE dossier_id = $1`,
    [dossierId],
  );
  return rows[0] ?? null;
}

export async function insertApology(db: Queryable, a: Omit<ApologyRow, 'id'>): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO apologies (dossier_id, reason, responsible_department, previous_due_at, new_due_at, issued_at, issued_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [a.dossierId, a.reason, a.responsibleDepartment, a.previousDueAt, a.newDueAt, a.issuedAt, a.issuedBy],
  );
  return rows[0].id;
}
