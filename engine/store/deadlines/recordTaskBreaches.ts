import type { Queryable } from '../db.js';

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

/**
 * Records a breach for every open step whose due time has passed, with its
 * history event, in one statement. The unique index on (dossier, task, due)
 * makes it idempotent, so a timer, the sweep and a second server can all run
 * it: a breach is recorded once (a step completed late records its own, see
 * markTaskCompleted, so skipping a locked row loses nothing). Steps of a dossier paused for a supplement
 * are not late: their clocks stand still.
 */
export async function recordTaskBreaches(db: Queryable, now: Date, scope: BreachScope = {}): Promise<RecordedBreach[]> {
  const { rows } = await db.query<RecordedBreach>(
    `WITH due AS (
       -- Only steps not yet marked as recorded for their current due time (tasks_unbreached_idx).
       SELECT t.id AS task_id, t.dossier_id, t.department, t.due_at, d.procedure_code,
              EXISTS (SELECT 1 FROM breaches b WHERE b.task_id = t.id AND b.due_at = t.due_at) AS recorded
         FROM tasks t JOIN dossiers d ON d.id = t.dossier_id
        WHERE t.status IN ('open', 'claimed') AND t.breach_due_at IS DISTINCT FROM t.due_at AND COALESCE(t.due_at, 'infinity'::timestamptz) <= $1 AND d.status = 'processing'
          AND ($2::bigint IS NULL OR t.dossier_id = $2) AND ($3::uuid IS NULL OR t.id = $3)
          AND ($4::timestamptz IS NULL OR t.due_at >= $4)
          -- A row another timer (or a completion) holds is that one's to record.
          FOR UPDATE OF t SKIP LOCKED
     ), ins AS (
       -- The procedure given here: the copying trigger (migration 0007) then looks up nothing per row.
       INSERT INTO breaches (dossier_id, task_id, department, due_at, detected_at, procedure_code)
       SELECT dossier_id, task_id, department, due_at, $1, procedure_code FROM due WHERE NOT recorded
       ON CONFLICT DO NOTHING
       RETURNING id, dossier_id, task_id, department, due_at, detected_at
     ), marked AS (
       -- Recorded now or before: the next sweeps skip it until its due time moves.
       UPDATE tasks t SET breach_due_at = due.due_at FROM due WHERE t.id = due.task_id
     ), ev AS (
       INSERT INTO dossier_events (dossier_id, type, at, payload)
       SELECT ins.dossier_id, 'task.breached', ins.detected_at,
              jsonb_build_object('breachId', ins.id, 'taskId', ins.task_id, 'elementId', t.element_id,
                                 'name', t.name, 'department', ins.department, 'dueAt', ins.due_at)
         FROM ins JOIN tasks t ON t.id = ins.task_id
     )
     -- Joined through the primary keys: CTE-to-CTE joins are planned blind
     -- and a backlog of thousands made them quadratic.
     SELECT ins.id, ins.dossier_id AS "dossierId", d.code AS "dossierCode", ins.task_id AS "taskId",
            t.element_id AS "elementId", t.name, ins.department, ins.due_at AS "dueAt", ins.detected_at AS "detectedAt"
       FROM ins JOIN tasks t ON t.id = ins.task_id JOIN dossiers d ON d.id = ins.dossier_id`,
    [now, scope.dossierId ?? null, scope.taskId ?? null, scope.dueSince ?? null],
  );
  return rows;
}
