import type { Queryable } from '../db.js';
import type { Page, PageRequest } from './page.js';

export interface BreachListItem {
  id: number;
  dossierCode: string;
  procedureCode: string;
  taskId: string | null;
  elementId: string | null;
  step: string | null;
  department: string | null;
  dueAt: Date;
  detectedAt: Date;
  closedAt: Date | null;
}

export interface BreachFilter extends PageRequest {
  /** true: not yet closed (the step is still not done); false: closed ones. */
  open?: boolean;
  department?: string;
  detectedFrom?: Date;
  detectedBefore?: Date;
}

export async function listBreaches(db: Queryable, f: BreachFilter): Promise<Page<BreachListItem>> {
  const where = `WHERE ($1::boolean IS NULL OR (b.closed_at IS NULL) = $1) AND ($2::text IS NULL OR b.department = $2)
    AND ($3::timestamptz IS NULL OR b.detected_at >= $3) AND ($4::timestamptz IS NULL OR b.detected_at < $4)`;
  const params = [f.open ?? null, f.department ?? null, f.detectedFrom ?? null, f.detectedBefore ?? null];
  const [items, total] = await Promise.all([
    db.query<BreachListItem>(
      `SELECT b.id, d.code AS "dossierCode", d.procedure_code AS "procedureCode", b.task_id AS "taskId",
              t.element_id AS "elementId", t.name AS step, b.department, b.due_at AS "dueAt",
              b.detected_at AS "detectedAt", b.closed_at AS "closedAt"
         FROM breaches b JOIN dossiers d ON d.id = b.dossier_id LEFT JOIN tasks t ON t.id = b.task_id
         ${where}
        ORDER BY b.detected_at DESC, b.id DESC LIMIT $5 OFFSET $6`,
      [...params, f.limit, f.offset],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM breaches b ${where}`, params),
  ]);
  return { items: items.rows, total: total.rows[0].n };
}
