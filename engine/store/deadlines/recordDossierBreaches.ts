import type { Queryable } from '../db.js';
import type { RecordedBreach } from './recordTaskBreaches.js';

/**
 * Records a breach of the promised return date for every dossier still being
 * processed after it. A dossier waiting on an uncounted step (the citizen
 * paying a tax) is not late: its promised date moves when that step ends.
 */
export async function recordDossierBreaches(db: Queryable, now: Date, dossierId: number | null = null, dueSince: Date | null = null): Promise<RecordedBreach[]> {
  const { rows } = await db.query<RecordedBreach>(
    `WITH due AS (
       -- Only dossiers not yet marked as checked for their current promised date (dossiers_unbreached_idx).
       SELECT d.id AS dossier_id, d.code, d.due_at, d.procedure_code,
              EXISTS (SELECT 1 FROM breaches b WHERE b.dossier_id = d.id AND b.task_id IS NULL AND b.due_at = d.due_at)
              -- Waiting on the citizen (an uncounted step): not late. Marked all the same; any change
              -- of the dossier (the step ending, its promised date moving) clears the mark (updateDossier).
              OR EXISTS (SELECT 1 FROM tasks t WHERE t.dossier_id = d.id AND t.status IN ('open', 'claimed') AND NOT t.counted) AS settled
         FROM dossiers d
        WHERE d.status = 'processing' AND d.breach_due_at IS DISTINCT FROM d.due_at AND COALESCE(d.due_at, 'infinity'::timestamptz) <= $1 AND ($2::bigint IS NULL OR d.id = $2)
          AND ($3::timestamptz IS NULL OR d.due_at >= $3)
          FOR UPDATE OF d SKIP LOCKED
     ), ins AS (
       INSERT INTO breaches (dossier_id, task_id, department, due_at, detected_at, procedure_code)
       SELECT dossier_id, NULL, NULL, due_at, $1, procedure_code FROM due WHERE NOT settled
       ON CONFLICT DO NOTHING
       RETURNING id, dossier_id, due_at, detected_at
     ), marked AS (
       UPDATE dossiers d SET breach_due_at = due.due_at FROM due WHERE d.id = due.dossier_id
     ), ev AS (
       INSERT INTO dossier_events (dossier_id, type, at, payload)
       SELECT dossier_id, 'dossier.breached', detected_at, jsonb_build_object('breachId', id, 'dueAt', due_at) FROM ins
     )
     SELECT ins.id, ins.dossier_id AS "dossierId", d.code AS "dossierCode", NULL::uuid AS "taskId", NULL AS "elementId",
            NULL AS name, NULL AS department, ins.due_at AS "dueAt", ins.detected_at AS "detectedAt"
       FROM ins JOIN dossiers d ON d.id = ins.dossier_id`,
    [now, dossierId, dueSince],
  );
  return rows;
}
