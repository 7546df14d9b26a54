import type { Queryable } from '../db.js';
import type { RecordedBreach } from './recordTaskBreaches.js';
import { batchOf, type SweepBatch } from './sweepBatch.js';

/**
 * Records a breach of the promised return date for every dossier still being
 * processed after it. A dossier waiting on an uncounted step (the citizen
 * paying a tax) is not late: its promised date moves when that step ends.
 * At most `limit` dossiers, oldest promised date first.
 */
export async function recordDossierBreaches(
  db: Queryable,
  now: Date,
  limit: number,
  dossierId: number | null = null,
  dueSince: Date | null = null,
): Promise<SweepBatch<RecordedBreach>> {
  const { rows } = await db.query<RecordedBreach & { taken: number }>(
    `WITH due AS (
       -- Only dossiers not yet marked as checked for their current promised date (dossiers_unbreached_idx).
       SELECT d.id AS dossier_id, d.code, d.due_at, d.procedure_code,
              -- Waiting on the citizen (an uncounted step): not late. Marked all the same; any change
              -- of the dossier (the step ending, its promised date moving) clears the mark (updateDossier).
              recorded.found IS NOT NULL OR waiting.found IS NOT NULL AS settled
         FROM dossiers d
         -- Lateral probes, not EXISTS: on a large estimate the planner hashes a whole table for an EXISTS.
         LEFT JOIN LATERAL (SELECT 1 AS found FROM breaches b WHERE b.dossier_id = d.id AND b.task_id IS NULL AND b.due_at = d.due_at LIMIT 1) recorded ON true
         LEFT JOIN LATERAL (SELECT 1 AS found FROM tasks t WHERE t.dossier_id = d.id AND t.status IN ('open', 'claimed') AND NOT t.counted LIMIT 1) waiting ON true
        WHERE d.status = 'processing' AND d.breach_due_at IS DISTINCT FROM d.due_at AND COALESCE(d.due_at, 'infinity'::timestamptz) <= $1 AND ($2::bigint IS NULL OR d.id = $2)
          AND ($3::timestamptz IS NULL OR d.due_at >= $3)
        ORDER BY COALESCE(d.due_at, 'infinity'::timestamptz) LIMIT $4
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
     SELECT c.taken, r.* FROM (SELECT count(*)::int AS taken FROM due) c LEFT JOIN (
       SELECT ins.id, ins.dossier_id AS "dossierId", d.code AS "dossierCode", NULL::uuid AS "taskId", NULL AS "elementId",
              NULL AS name, NULL AS department, ins.due_at AS "dueAt", ins.detected_at AS "detectedAt"
         FROM ins JOIN dossiers d ON d.id = ins.dossier_id) r ON true`,
    [now, dossierId, dueSince, limit],
  );
  return batchOf(rows);
}
