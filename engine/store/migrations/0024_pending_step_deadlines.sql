-- The sweep with 5,000 steps just fallen due, at a year of dossiers (bench:scale):
-- 0022 marked each recorded step on its own row (breach_due_at, warned_due_at),
-- in the predicates of two partial indexes, so every mark was a non-HOT update
-- of the step: a new version of the wide row and a new entry in each of its
-- dozen indexes (the 800 MB GiST of the steps' spans among them). Recording
-- 5,000 breaches wrote 55,000 index entries into tasks, most of the sweep's time
-- on a warm cache, and on a cold one (a server restarted on a big database) its
-- random reads ran the statement past the timeout.
--
-- The deadlines still to record now live in a narrow table of their own: one
-- row per step whose breach is not recorded for its current due time, with its
-- warning time while the warning is not recorded either. A trigger arms the row
-- when a step is written with a due time or its due time moves; the sweep
-- deletes the row when it records the breach (or finds the step done), and
-- clears the warning time when it records the warning. A step completed before
-- its due time leaves its row behind until that time: the sweep then drops it,
-- so completing a step costs nothing here. The steps' rows are never written
-- by the sweep, only locked.
CREATE TABLE pending_step_deadlines (
  task_id uuid PRIMARY KEY,
  due_at timestamptz NOT NULL,
  -- NULL: no warning, or recorded.
  warn_at timestamptz
);
CREATE INDEX pending_step_deadlines_due_idx ON pending_step_deadlines (due_at);
CREATE INDEX pending_step_deadlines_warn_idx ON pending_step_deadlines (warn_at) WHERE warn_at IS NOT NULL;

-- What 0022's marks say is still to record (read through its partial indexes).
INSERT INTO pending_step_deadlines (task_id, due_at, warn_at)
SELECT t.id, t.due_at, CASE WHEN t.warned_due_at IS DISTINCT FROM t.due_at THEN t.warn_at END
  FROM tasks t
 WHERE t.status IN ('open', 'claimed') AND t.breach_due_at IS DISTINCT FROM t.due_at
   AND COALESCE(t.due_at, 'infinity'::timestamptz) < 'infinity'::timestamptz;

DROP INDEX tasks_unbreached_idx;
DROP INDEX tasks_unwarned_idx;
ALTER TABLE tasks DROP COLUMN breach_due_at, DROP COLUMN warned_due_at;

CREATE FUNCTION pending_step_deadlines_arm() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.due_at IS NULL OR NEW.status NOT IN ('open', 'claimed') THEN
    DELETE FROM pending_step_deadlines WHERE task_id = NEW.id;
  ELSE
    -- A due time moved: its breach and its warning are both to record again
    -- (a breach already recorded for that very time is found by the sweep).
    INSERT INTO pending_step_deadlines (task_id, due_at, warn_at) VALUES (NEW.id, NEW.due_at, NEW.warn_at)
    ON CONFLICT (task_id) DO UPDATE SET due_at = EXCLUDED.due_at, warn_at = EXCLUDED.warn_at;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER tasks_arm_deadlines AFTER INSERT ON tasks
  FOR EACH ROW WHEN (NEW.due_at IS NOT NULL AND NEW.status IN ('open', 'claimed'))
  EXECUTE FUNCTION pending_step_deadlines_arm();
CREATE TRIGGER tasks_rearm_deadlines AFTER UPDATE OF due_at ON tasks
  FOR EACH ROW WHEN (OLD.due_at IS DISTINCT FROM NEW.due_at)
  EXECUTE FUNCTION pending_step_deadlines_arm();

-- Same name and contract as 0022's: after a bulk load that wrote rows with the
-- triggers off, sets what is still to record, set-wise. The steps' part is
-- the pending table, rebuilt; the dossiers keep their marks.
CREATE OR REPLACE FUNCTION deadline_marks_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM pending_step_deadlines;
  INSERT INTO pending_step_deadlines (task_id, due_at, warn_at)
  SELECT t.id, t.due_at,
         CASE WHEN t.due_at > now() AND NOT EXISTS (SELECT 1 FROM deadline_warnings w WHERE w.task_id = t.id AND w.due_at = t.due_at)
              THEN t.warn_at END
    FROM tasks t
   WHERE t.status IN ('open', 'claimed') AND t.due_at IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM breaches b WHERE b.task_id = t.id AND b.due_at = t.due_at);
  UPDATE dossiers d SET breach_due_at = d.due_at
   WHERE d.status = 'processing' AND d.breach_due_at IS DISTINCT FROM d.due_at
     AND (EXISTS (SELECT 1 FROM breaches b WHERE b.dossier_id = d.id AND b.task_id IS NULL AND b.due_at = d.due_at)
          OR EXISTS (SELECT 1 FROM tasks t WHERE t.dossier_id = d.id AND t.status IN ('open', 'claimed') AND NOT t.counted));
  UPDATE dossiers d SET warned_due_at = d.due_at
   WHERE d.status = 'processing' AND d.warned_due_at IS DISTINCT FROM d.due_at AND d.warn_at IS NOT NULL
     AND (d.due_at <= now() OR EXISTS (SELECT 1 FROM deadline_warnings w WHERE w.dossier_id = d.id AND w.task_id IS NULL AND w.due_at = d.due_at));
$$;
