-- The every-minute deadline sweep at a year of dossiers (bench:scale): it read
-- every overdue open step (10,000 at a million dossiers) and every overdue
-- processing dossier each minute, only to find their breaches recorded. Each
-- row now carries the due time whose breach (and warning) is recorded; the
-- sweep reads the partial indexes of the rows not yet recorded for their
-- current due time, and marks what it records (or finds recorded already), so
-- a minute with nothing new reads next to nothing. A due time moved (a
-- supplement, a restart) differs from the mark and puts the row back in the
-- index. A dossier waiting on the citizen (an uncounted step) is not late and
-- is marked as checked too; any change of the dossier clears its marks.
ALTER TABLE tasks ADD COLUMN breach_due_at timestamptz, ADD COLUMN warned_due_at timestamptz;
ALTER TABLE dossiers ADD COLUMN breach_due_at timestamptz, ADD COLUMN warned_due_at timestamptz;

-- Keyed by COALESCE(time, 'infinity'), which the sweep's statements compare
-- with: no other index has that key, so the planner takes these (it cannot
-- tell how few rows the mark leaves and, keyed on the time itself, preferred
-- the open steps' index and a filter over every overdue step).
CREATE INDEX tasks_unbreached_idx ON tasks ((COALESCE(due_at, 'infinity'::timestamptz)))
  WHERE status IN ('open', 'claimed') AND breach_due_at IS DISTINCT FROM due_at;
CREATE INDEX tasks_unwarned_idx ON tasks ((COALESCE(warn_at, 'infinity'::timestamptz)))
  WHERE status IN ('open', 'claimed') AND warned_due_at IS DISTINCT FROM due_at;
CREATE INDEX dossiers_unbreached_idx ON dossiers ((COALESCE(due_at, 'infinity'::timestamptz)))
  WHERE status = 'processing' AND breach_due_at IS DISTINCT FROM due_at;
CREATE INDEX dossiers_unwarned_idx ON dossiers ((COALESCE(warn_at, 'infinity'::timestamptz)))
  WHERE status = 'processing' AND warned_due_at IS DISTINCT FROM due_at;

-- The marks of what is recorded already, set-wise: here, for the rows written
-- before this migration, and after a bulk load (bench/scale) that writes rows
-- without them. Left to the sweep, a first minute at a year of dossiers would
-- mark tens of thousands of rows and run past the statement timeout, every minute.
CREATE FUNCTION deadline_marks_rebuild() RETURNS void LANGUAGE sql AS $$
  UPDATE tasks t SET breach_due_at = t.due_at
   WHERE t.status IN ('open', 'claimed') AND t.breach_due_at IS DISTINCT FROM t.due_at
     AND EXISTS (SELECT 1 FROM breaches b WHERE b.task_id = t.id AND b.due_at = t.due_at);
  UPDATE tasks t SET warned_due_at = t.due_at
   WHERE t.status IN ('open', 'claimed') AND t.warned_due_at IS DISTINCT FROM t.due_at AND t.warn_at IS NOT NULL
     AND (t.due_at <= now() OR EXISTS (SELECT 1 FROM deadline_warnings w WHERE w.task_id = t.id AND w.due_at = t.due_at));
  UPDATE dossiers d SET breach_due_at = d.due_at
   WHERE d.status = 'processing' AND d.breach_due_at IS DISTINCT FROM d.due_at
     AND (EXISTS (SELECT 1 FROM breaches b WHERE b.dossier_id = d.id AND b.task_id IS NULL AND b.due_at = d.due_at)
          OR EXISTS (SELECT 1 FROM tasks t WHERE t.dossier_id = d.id AND t.status IN ('open', 'claimed') AND NOT t.counted));
  UPDATE dossiers d SET warned_due_at = d.due_at
   WHERE d.status = 'processing' AND d.warned_due_at IS DISTINCT FROM d.due_at AND d.warn_at IS NOT NULL
     AND (d.due_at <= now() OR EXISTS (SELECT 1 FROM deadline_warnings w WHERE w.dossier_id = d.id AND w.task_id IS NULL AND w.due_at = d.due_at));
$$;
SELECT deadline_marks_rebuild();
