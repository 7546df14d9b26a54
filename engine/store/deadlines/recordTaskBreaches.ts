import type { Queryable } from '../db.js';
import { batchOf, type SweepBatch } from './sweepBatch.js';

export interface RecordedBreach {
  id: number;
  dossierId: number;
  dossierCode: string;
  taskId: string | null;
  elementId: string | null;
  name: string | null;
  department: string | null;
  dueAt: Date;
  detectedAt: Date;
}

export interface BreachScope {
  dossierId?: number | null;
  taskId?: string | null;
  /** Only steps due at or after this time (a fired timer looks at its own moment). */
  dueSince?: Date | null;
}

type Row = RecordedBreach & { taken: number };

/**
 * Records a breach for the open steps whose due time has passed, at most
 * `limit` of them, oldest due first, with their history events, in one
 * statement. It reads the steps' pending deadlines (migration 0024), not the
 * steps, and writes nothing to a step's row: the deadline's row is deleted
 * once recorded, or once its step is found done. The unique index on (dossier,
 * task, due) makes it idempotent, so a timer, the sweep and a second server can
 * all run it: a breach is recorded once (a step completed late records its own,
 * see markTaskCompleted, so skipping a locked row loses nothing). Steps of a
 * dossier paused for a supplement are not late: their clocks stand still, and
 * their deadlines stay until the clocks restart (which moves them).
 */
export async function recordTaskBreaches(db: Queryable, now: Date, scope: BreachScope, limit: number): Promise<SweepBatch<RecordedBreach>> {
  const { rows } = await db.query<Row>(
    `WITH due AS (
       SELECT q.task_id, q.due_at, t.dossier_id, t.department, d.procedure_code,
              t.status IN ('open', 'claimed') AND t.due_at = q.due_at AND recorded.found IS NULL AS to_record
         FROM pending_step_deadlines q JOIN tasks t ON t.id = q.task_id JOIN dossiers d ON d.id = t.dossier_id
         -- A lateral probe, not EXISTS: on a large estimate the planner hashes a whole table for an EXISTS.
         LEFT JOIN LATERAL (SELECT 1 AS found FROM breaches b WHERE b.task_id = t.id AND b.due_at = t.due_at LIMIT 1) recorded ON true
        WHERE q.due_at <= $1 AND (d.status = 'processing' OR t.status NOT IN ('open', 'claimed'))
          AND ($2::bigint IS NULL OR t.dossier_id = $2) AND ($3::uuid IS NULL OR q.task_id = $3)
          AND ($4::timestamptz IS NULL OR q.due_at >= $4)
        ORDER BY q.due_at LIMIT $5
          -- A step another timer (or a completion) holds is that one's to record.
          FOR UPDATE OF q, t SKIP LOCKED
     ), ins AS (
       -- The procedure given here: the copying trigger (migration 0007) then looks up nothing per row.
       INSERT INTO breaches (dossier_id, task_id, department, due_at, detected_at, procedure_code)
       SELECT dossier_id, task_id, department, due_at, $1, procedure_code FROM due WHERE to_record
       ON CONFLICT DO NOTHING
       RETURNING id, dossier_id, task_id, department, due_at, detected_at
     ), done AS (
       DELETE FROM pending_step_deadlines q USING due WHERE q.task_id = due.task_id
     ), ev AS (
       INSERT INTO dossier_events (dossier_id, type, at, payload)
       SELECT ins.dossier_id, 'task.breached', ins.detected_at,
              jsonb_build_object('breachId', ins.id, 'taskId', ins.task_id, 'elementId', t.element_id,
                                 'name', t.name, 'department', ins.department, 'dueAt', ins.due_at)
         FROM ins JOIN tasks t ON t.id = ins.task_id
     )
     -- Joined through the primary keys: CTE-to-CTE joins are planned blind
     -- and a backlog of thousands made them quadratic.
     SELECT c.taken, r.* FROM (SELECT count(*)::int AS taken FROM due) c LEFT JOIN (
       SELECT ins.id, ins.dossier_id AS "dossierId", d.code AS "dossierCode", ins.task_id AS "taskId",
              t.element_id AS "elementId", t.name, ins.department, ins.due_at AS "dueAt", ins.detected_at AS "detectedAt"
         FROM ins JOIN tasks t ON t.id = ins.task_id JOIN dossiers d ON d.id = ins.dossier_id) r ON true`,
    [now, scope.dossierId ?? null, scope.taskId ?? null, scope.dueSince ?? null, limit],
  );
  return batchOf(rows);
}
