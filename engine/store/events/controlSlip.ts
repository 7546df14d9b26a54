import type { Queryable } from '../db.js';
import type { Timeliness } from '../../timeliness/classifyTimeliness.js';

export interface ControlSlipRow {
  step: string;
  elementId: string;
  taskId: string;
  fromDepartment: string | null;
  toDepartment: string;
  handedOverAt: Date;
  dueAt: Date | null;
  completedAt: Date | null;
  completedBy: string | null;
  timeliness: Timeliness | null;
}

/**
 * The control slip is read from the append-only history: one row per
 * handover (task.created), completed by the matching task.completed event.
 */
export async function controlSlip(db: Queryable, dossierId: number): Promise<ControlSlipRow[]> {
  const { rows } = await db.query<ControlSlipRow>(
    `SELECT c.payload->>'name' AS step,
            c.payload->>'elementId' AS "elementId",
            c.payload->>'taskId' AS "taskId",
            c.payload->>'fromDepartment' AS "fromDepartment",
            c.payload->>'department' AS "toDepartment",
            c.at AS "handedOverAt",
            COALESCE((r.payload->>'dueAt')::timestamptz, (c.payload->>'dueAt')::timestamptz) AS "dueAt",
            d.at AS "completedAt",
            d.actor AS "completedBy",
            d.payload->>'timeliness' AS timeliness
       FROM dossier_events c
       LEFT JOIN LATERAL (
         SELECT e.at, e.actor, e.payload FROM dossier_events e
          WHERE e.dossier_id = c.dossier_id AND e.type = 'task.completed' AND e.payload->>'taskId' = c.payload->>'taskId'
          ORDER BY e.id LIMIT 1) d ON true
       LEFT JOIN LATERAL (
         SELECT e.payload FROM dossier_events e
          WHERE e.dossier_id = c.dossier_id AND e.type = 'task.rescheduled' AND e.payload->>'taskId' = c.payload->>'taskId'
          ORDER BY e.id DESC LIMIT 1) r ON true
      WHERE c.dossier_id = $1 AND c.type = 'task.created'
      ORDER BY c.id`,
    [dossierId],
  );
  return rows;
}
