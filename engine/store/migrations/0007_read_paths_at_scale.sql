-- Read paths at a year of dossiers (3 million): what the plans measured by
-- `npm run bench:scale` needed (bench/scale/README.md gives the before and after).

-- The supervisor's open breaches, oldest due first, and the breaches list,
-- newest first: an ordered scan of the open ones stops at the page's end
-- instead of joining every open breach and sorting.
CREATE INDEX breaches_open_due_idx ON breaches (due_at, id) WHERE closed_at IS NULL;
CREATE INDEX breaches_open_detected_idx ON breaches (detected_at DESC, id DESC) WHERE closed_at IS NULL;

-- Open breaches counted by department and procedure from the breaches alone:
-- the procedure is copied onto the breach when it is recorded (a dossier
-- never changes procedure), so the count does not visit every late dossier.
ALTER TABLE breaches ADD COLUMN procedure_code text;
UPDATE breaches b SET procedure_code = d.procedure_code FROM dossiers d WHERE d.id = b.dossier_id;

CREATE FUNCTION breaches_copy_procedure_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.procedure_code IS NULL THEN
    SELECT d.procedure_code INTO NEW.procedure_code FROM dossiers d WHERE d.id = NEW.dossier_id;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER breaches_procedure_code BEFORE INSERT ON breaches
  FOR EACH ROW EXECUTE FUNCTION breaches_copy_procedure_code();
CREATE INDEX breaches_open_groups_idx ON breaches (department, procedure_code) INCLUDE (due_at, dossier_id) WHERE closed_at IS NULL;

-- Dossiers late within a working day: the ones being processed, soonest
-- promised date first (the list stops at its limit).
CREATE INDEX dossiers_pending_due_idx ON dossiers (due_at, id) WHERE status IN ('received', 'processing');

-- The every-minute deadline sweep (engine/store/deadlines): the processing
-- dossiers as a small index-only set to join the overdue steps with; the
-- open uncounted steps (a dossier waiting on the citizen is not late); a
-- step's warning looked up by step, not by scanning every warning ever
-- recorded; the dossiers whose warning time has come.
CREATE INDEX dossiers_processing_id_idx ON dossiers (id) WHERE status = 'processing';
CREATE INDEX tasks_open_uncounted_idx ON tasks (dossier_id) WHERE status IN ('open', 'claimed') AND NOT counted;
CREATE INDEX deadline_warnings_task_idx ON deadline_warnings (task_id, due_at);
CREATE INDEX dossiers_processing_warn_idx ON dossiers (warn_at) WHERE status = 'processing';

-- Form 06, the dossiers and steps pending at the end E of a period: received
-- before E and not finished before it, i.e. E in the span (received, finished]
-- (unbounded while unfinished). A GiST index of the spans answers that
-- stabbing question directly, whatever the period; a b-tree on either end
-- scans everything before or after E. GREATEST keeps a span well-formed
-- should a step be completed before the office hour it was handed over at.
CREATE INDEX dossiers_pending_span_idx ON dossiers USING gist (
  tstzrange(received_at, CASE WHEN COALESCE(resolved_at, withdrawn_at, refused_at) IS NULL THEN NULL
            ELSE GREATEST(received_at, COALESCE(resolved_at, withdrawn_at, refused_at)) END, '(]'))
  INCLUDE (id, procedure_code, due_at);
CREATE INDEX tasks_pending_span_idx ON tasks USING gist (
  tstzrange(created_at, CASE WHEN completed_at IS NULL THEN NULL ELSE GREATEST(created_at, completed_at) END, '(]'))
  INCLUDE (dossier_id, department, due_at);
-- The dossiers waiting for a supplement at the period's end (still waiting, or received after it).
CREATE INDEX supplements_received_idx ON supplements (received_at);

-- Form 06 per procedure, the flows of each Vietnamese day: received (per
-- channel), finished (resolved, withdrawn or refused), resolved (early, on
-- time, late, late with an apology letter), withdrawn. Kept by a trigger in
-- the transaction that changes the dossier, so a report sums at most a few
-- thousand rows instead of scanning a year of dossiers. `shard` (dossier id
-- mod 8) spreads one busy day's receptions and resolutions over several rows,
-- so concurrent transactions seldom wait on the same one.
CREATE TABLE form06_procedure_days (
  procedure_code    text NOT NULL,
  day               date NOT NULL,
  shard             smallint NOT NULL,
  received          integer NOT NULL DEFAULT 0,
  received_online   integer NOT NULL DEFAULT 0,
  received_direct   integer NOT NULL DEFAULT 0,
  received_post     integer NOT NULL DEFAULT 0,
  finished          integer NOT NULL DEFAULT 0,
  resolved_early    integer NOT NULL DEFAULT 0,
  resolved_on_time  integer NOT NULL DEFAULT 0,
  resolved_late     integer NOT NULL DEFAULT 0,
  late_with_apology integer NOT NULL DEFAULT 0,
  withdrawn         integer NOT NULL DEFAULT 0,
  PRIMARY KEY (procedure_code, day, shard)
);

-- What one dossier adds to the daily flows (sign -1 takes it back). The
-- timeliness is form 06's: late when resolved after the current promised date;
-- early when resolved on a Vietnamese day before it. An apology letter can only
-- be issued before the resolution, so "late with apology" is fixed once resolved.
CREATE FUNCTION form06_dossier_flows(d dossiers, sign integer)
RETURNS TABLE (procedure_code text, day date, shard smallint, received integer, received_online integer, received_direct integer,
               received_post integer, finished integer, resolved_early integer, resolved_on_time integer, resolved_late integer,
               late_with_apology integer, withdrawn integer)
LANGUAGE sql STABLE AS $$
  WITH f AS (
    SELECT COALESCE(d.resolved_at, d.withdrawn_at, d.refused_at) AS finished_at,
           COALESCE(d.resolved_at > d.due_at, false) AS late,
           (d.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS resolved_day,
           (d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS due_day,
           (d.id % 8)::smallint AS shard
     WHERE d.id IS NOT NULL
  )
  SELECT d.procedure_code, (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, f.shard, sign,
         sign * (d.channel = 'online')::int, sign * (d.channel = 'direct')::int, sign * (d.channel = 'post')::int, 0, 0, 0, 0, 0, 0
    FROM f
  UNION ALL
  SELECT d.procedure_code, (f.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, f.shard, 0, 0, 0, 0, sign, 0, 0, 0, 0, 0
    FROM f WHERE f.finished_at IS NOT NULL
  UNION ALL
  SELECT d.procedure_code, f.resolved_day, f.shard, 0, 0, 0, 0, 0,
         sign * (NOT f.late AND d.due_at IS NOT NULL AND f.resolved_day < f.due_day)::int,
         sign * (NOT f.late AND (d.due_at IS NULL OR f.resolved_day >= f.due_day))::int,
         sign * f.late::int,
         sign * (f.late AND EXISTS (SELECT 1 FROM apologies a WHERE a.dossier_id = d.id))::int,
         0
    FROM f WHERE d.resolved_at IS NOT NULL
  UNION ALL
  SELECT d.procedure_code, (d.withdrawn_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, f.shard, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign
    FROM f WHERE d.withdrawn_at IS NOT NULL
$$;

-- The flows a transaction adds wait here until it commits, then one deferred
-- trigger folds them into the daily rows in key order. Updating the daily
-- rows statement by statement would lock them in the order of the changes
-- (a step done in one department, the next one routed to another), and two
-- transactions doing that crosswise deadlock; folded at commit in key order,
-- every transaction takes them in the same order, and holds them only while
-- it commits.
CREATE TABLE form06_pending_flows (
  xact              xid8 NOT NULL DEFAULT pg_current_xact_id(),
  grouping          text NOT NULL CHECK (grouping IN ('procedure', 'department')),
  key               text NOT NULL,
  day               date NOT NULL,
  shard             smallint NOT NULL,
  received          integer NOT NULL,
  received_online   integer NOT NULL,
  received_direct   integer NOT NULL,
  received_post     integer NOT NULL,
  finished          integer NOT NULL,
  resolved_early    integer NOT NULL,
  resolved_on_time  integer NOT NULL,
  resolved_late     integer NOT NULL,
  late_with_apology integer NOT NULL,
  withdrawn         integer NOT NULL
);
CREATE INDEX form06_pending_flows_xact_idx ON form06_pending_flows (xact);

CREATE FUNCTION form06_track_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most changes (a step done, the engine state) move no daily flow.
  IF TG_OP = 'UPDATE'
     AND NEW.procedure_code IS NOT DISTINCT FROM OLD.procedure_code AND NEW.channel IS NOT DISTINCT FROM OLD.channel
     AND NEW.received_at IS NOT DISTINCT FROM OLD.received_at AND NEW.resolved_at IS NOT DISTINCT FROM OLD.resolved_at
     AND NEW.withdrawn_at IS NOT DISTINCT FROM OLD.withdrawn_at AND NEW.refused_at IS NOT DISTINCT FROM OLD.refused_at
     AND (NEW.resolved_at IS NULL OR NEW.due_at IS NOT DISTINCT FROM OLD.due_at) THEN
    RETURN NULL;
  END IF;
  INSERT INTO form06_pending_flows (grouping, key, day, shard, received, received_online, received_direct, received_post,
                                    finished, resolved_early, resolved_on_time, resolved_late, late_with_apology, withdrawn)
  SELECT 'procedure', c.* FROM form06_dossier_flows(CASE WHEN TG_OP <> 'INSERT' THEN OLD END, -1) c
  UNION ALL
  SELECT 'procedure', c.* FROM form06_dossier_flows(CASE WHEN TG_OP <> 'DELETE' THEN NEW END, 1) c;
  RETURN NULL;
END;
$$;
CREATE TRIGGER dossiers_form06_flows AFTER INSERT OR UPDATE OR DELETE ON dossiers
  FOR EACH ROW EXECUTE FUNCTION form06_track_dossier();

-- The daily flows recomputed from the dossiers: at this migration, and after
-- a bulk load that wrote dossiers with the trigger disabled (bench/scale).
-- (form06_dossier_flows, written set-wise: one pass over the dossiers, not a call per row).
CREATE FUNCTION form06_rebuild_procedure_days() RETURNS void LANGUAGE sql AS $$
  DELETE FROM form06_procedure_days;
  INSERT INTO form06_procedure_days
  SELECT x.procedure_code, x.day, x.shard, sum(x.received), sum(x.received_online), sum(x.received_direct), sum(x.received_post),
         sum(x.finished), sum(x.resolved_early), sum(x.resolved_on_time), sum(x.resolved_late), sum(x.late_with_apology), sum(x.withdrawn)
    FROM (
      SELECT d.procedure_code, (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, (d.id % 8)::smallint AS shard, 1 AS received,
             (d.channel = 'online')::int AS received_online, (d.channel = 'direct')::int AS received_direct, (d.channel = 'post')::int AS received_post,
             0 AS finished, 0 AS resolved_early, 0 AS resolved_on_time, 0 AS resolved_late, 0 AS late_with_apology, 0 AS withdrawn
        FROM dossiers d
      UNION ALL
      SELECT d.procedure_code, (COALESCE(d.resolved_at, d.withdrawn_at, d.refused_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, (d.id % 8)::smallint,
             0, 0, 0, 0, 1, 0, 0, 0, 0, 0
        FROM dossiers d WHERE COALESCE(d.resolved_at, d.withdrawn_at, d.refused_at) IS NOT NULL
      UNION ALL
      SELECT d.procedure_code, r.resolved_day, (d.id % 8)::smallint, 0, 0, 0, 0, 0,
             (NOT r.late AND d.due_at IS NOT NULL AND r.resolved_day < r.due_day)::int,
             (NOT r.late AND (d.due_at IS NULL OR r.resolved_day >= r.due_day))::int,
             r.late::int,
             (r.late AND a.dossier_id IS NOT NULL)::int,
             0
        FROM dossiers d
        LEFT JOIN apologies a ON a.dossier_id = d.id
        CROSS JOIN LATERAL (SELECT COALESCE(d.resolved_at > d.due_at, false) AS late,
                                   (d.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS resolved_day,
                                   (d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS due_day) r
       WHERE d.resolved_at IS NOT NULL
      UNION ALL
      SELECT d.procedure_code, (d.withdrawn_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, (d.id % 8)::smallint, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
        FROM dossiers d WHERE d.withdrawn_at IS NOT NULL
    ) x
   GROUP BY x.procedure_code, x.day, x.shard;
$$;
SELECT form06_rebuild_procedure_days();

-- Form 06 per department, the flows of each Vietnamese day, per step routed
-- to the department: received (per channel of its dossier), finished
-- (completed or cancelled), completed (early, on time, late, late on a dossier
-- with an apology letter), cancelled on a withdrawn dossier. Kept by triggers
-- on the steps, and on the dossier facts a step's flow depends on: a later
-- apology letter, a later withdrawal. A dossier's channel never changes.
CREATE TABLE form06_department_days (
  department        text NOT NULL,
  day               date NOT NULL,
  received          integer NOT NULL DEFAULT 0,
  received_online   integer NOT NULL DEFAULT 0,
  received_direct   integer NOT NULL DEFAULT 0,
  received_post     integer NOT NULL DEFAULT 0,
  finished          integer NOT NULL DEFAULT 0,
  resolved_early    integer NOT NULL DEFAULT 0,
  resolved_on_time  integer NOT NULL DEFAULT 0,
  resolved_late     integer NOT NULL DEFAULT 0,
  late_with_apology integer NOT NULL DEFAULT 0,
  withdrawn         integer NOT NULL DEFAULT 0,
  PRIMARY KEY (department, day)
);

-- What one step adds to its department's daily flows, given its dossier's
-- channel, apology letter and withdrawal (sign -1 takes it back).
CREATE FUNCTION form06_step_flows(t tasks, dossier_channel text, dossier_apologised boolean, dossier_withdrawn boolean, sign integer)
RETURNS TABLE (department text, day date, received integer, received_online integer, received_direct integer, received_post integer,
               finished integer, resolved_early integer, resolved_on_time integer, resolved_late integer, late_with_apology integer, withdrawn integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT t.department, (t.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, sign,
         sign * (dossier_channel = 'online')::int, sign * (dossier_channel = 'direct')::int, sign * (dossier_channel = 'post')::int, 0, 0, 0, 0, 0, 0
   WHERE t.id IS NOT NULL
  UNION ALL
  SELECT t.department, (t.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 0, 0, 0, 0, sign,
         sign * (t.status = 'completed' AND t.timeliness = 'early')::int,
         sign * (t.status = 'completed' AND COALESCE(t.timeliness, 'on_time') = 'on_time')::int,
         sign * (t.status = 'completed' AND t.timeliness = 'late')::int,
         sign * (t.status = 'completed' AND t.timeliness = 'late' AND dossier_apologised)::int,
         sign * (t.status = 'cancelled' AND dossier_withdrawn)::int
   WHERE t.id IS NOT NULL AND t.completed_at IS NOT NULL
$$;

CREATE FUNCTION form06_add_department_days(rows form06_department_days[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO form06_pending_flows (grouping, key, day, shard, received, received_online, received_direct, received_post,
                                    finished, resolved_early, resolved_on_time, resolved_late, late_with_apology, withdrawn)
  SELECT 'department', r.department, r.day, 0, r.received, r.received_online, r.received_direct, r.received_post, r.finished,
         r.resolved_early, r.resolved_on_time, r.resolved_late, r.late_with_apology, r.withdrawn
    FROM unnest(rows) r;
$$;

-- Folds the committing transaction's flows into the daily rows. The first of
-- its deferred triggers does it all and marks the transaction folded; the
-- others (one per pending row) return at once, so a transaction writing
-- thousands of rows folds once, not once per row over the rows deleted.
CREATE FUNCTION form06_fold_pending_flows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('onestop.form06_folded', true) = pg_current_xact_id()::text THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('onestop.form06_folded', pg_current_xact_id()::text, true);
  INSERT INTO form06_procedure_days AS s
  SELECT f.key, f.day, f.shard, sum(f.received), sum(f.received_online), sum(f.received_direct), sum(f.received_post), sum(f.finished),
         sum(f.resolved_early), sum(f.resolved_on_time), sum(f.resolved_late), sum(f.late_with_apology), sum(f.withdrawn)
    FROM form06_pending_flows f
   WHERE f.xact = pg_current_xact_id() AND f.grouping = 'procedure'
   GROUP BY f.key, f.day, f.shard
   ORDER BY f.key, f.day, f.shard
  ON CONFLICT (procedure_code, day, shard) DO UPDATE SET
    received = s.received + excluded.received,
    received_online = s.received_online + excluded.received_online,
    received_direct = s.received_direct + excluded.received_direct,
    received_post = s.received_post + excluded.received_post,
    finished = s.finished + excluded.finished,
    resolved_early = s.resolved_early + excluded.resolved_early,
    resolved_on_time = s.resolved_on_time + excluded.resolved_on_time,
    resolved_late = s.resolved_late + excluded.resolved_late,
    late_with_apology = s.late_with_apology + excluded.late_with_apology,
    withdrawn = s.withdrawn + excluded.withdrawn;
  INSERT INTO form06_department_days AS s
  SELECT f.key, f.day, sum(f.received), sum(f.received_online), sum(f.received_direct), sum(f.received_post), sum(f.finished),
         sum(f.resolved_early), sum(f.resolved_on_time), sum(f.resolved_late), sum(f.late_with_apology), sum(f.withdrawn)
    FROM form06_pending_flows f
   WHERE f.xact = pg_current_xact_id() AND f.grouping = 'department'
   GROUP BY f.key, f.day
   ORDER BY f.key, f.day
  ON CONFLICT (department, day) DO UPDATE SET
    received = s.received + excluded.received,
    received_online = s.received_online + excluded.received_online,
    received_direct = s.received_direct + excluded.received_direct,
    received_post = s.received_post + excluded.received_post,
    finished = s.finished + excluded.finished,
    resolved_early = s.resolved_early + excluded.resolved_early,
    resolved_on_time = s.resolved_on_time + excluded.resolved_on_time,
    resolved_late = s.resolved_late + excluded.resolved_late,
    late_with_apology = s.late_with_apology + excluded.late_with_apology,
    withdrawn = s.withdrawn + excluded.withdrawn;
  DELETE FROM form06_pending_flows WHERE xact = pg_current_xact_id();
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER form06_fold_at_commit AFTER INSERT ON form06_pending_flows
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION form06_fold_pending_flows();

CREATE FUNCTION form06_track_step() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d record;
BEGIN
  -- A claim, a form saved, a due time moved: no daily flow changes.
  IF TG_OP = 'UPDATE'
     AND NEW.department IS NOT DISTINCT FROM OLD.department AND NEW.dossier_id IS NOT DISTINCT FROM OLD.dossier_id
     AND NEW.created_at IS NOT DISTINCT FROM OLD.created_at AND NEW.completed_at IS NOT DISTINCT FROM OLD.completed_at
     AND (NEW.status = 'completed') = (OLD.status = 'completed') AND (NEW.status = 'cancelled') = (OLD.status = 'cancelled')
     AND NEW.timeliness IS NOT DISTINCT FROM OLD.timeliness THEN
    RETURN NULL;
  END IF;
  SELECT x.channel, x.withdrawn_at IS NOT NULL AS withdrawn, EXISTS (SELECT 1 FROM apologies a WHERE a.dossier_id = x.id) AS apologised
    INTO d FROM dossiers x WHERE x.id = COALESCE(NEW.dossier_id, OLD.dossier_id);
  PERFORM form06_add_department_days(ARRAY(
    SELECT f::form06_department_days FROM form06_step_flows(CASE WHEN TG_OP <> 'INSERT' THEN OLD END, d.channel, d.apologised, d.withdrawn, -1) f
    UNION ALL
    SELECT f::form06_department_days FROM form06_step_flows(CASE WHEN TG_OP <> 'DELETE' THEN NEW END, d.channel, d.apologised, d.withdrawn, 1) f));
  RETURN NULL;
END;
$$;
CREATE TRIGGER tasks_form06_flows AFTER INSERT OR UPDATE OR DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION form06_track_step();

-- An apology letter turns the dossier's late steps already completed into late steps with an apology.
CREATE FUNCTION form06_track_apology() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  a apologies := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  sign integer := CASE WHEN TG_OP = 'DELETE' THEN -1 ELSE 1 END;
BEGIN
  PERFORM form06_add_department_days(ARRAY(
    SELECT ROW(t.department, (t.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 0, 0, 0, 0, 0, 0, 0, 0, sign, 0)::form06_department_days
      FROM tasks t WHERE t.dossier_id = a.dossier_id AND t.status = 'completed' AND t.timeliness = 'late' AND t.completed_at IS NOT NULL));
  RETURN NULL;
END;
$$;
CREATE TRIGGER apologies_form06_flows AFTER INSERT OR DELETE ON apologies
  FOR EACH ROW EXECUTE FUNCTION form06_track_apology();

-- A withdrawal turns the dossier's cancelled steps into steps withdrawn (and back, should it be undone).
CREATE FUNCTION form06_track_withdrawal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign integer;
BEGIN
  IF (OLD.withdrawn_at IS NULL) = (NEW.withdrawn_at IS NULL) THEN
    RETURN NULL;
  END IF;
  sign := CASE WHEN NEW.withdrawn_at IS NOT NULL THEN 1 ELSE -1 END;
  PERFORM form06_add_department_days(ARRAY(
    SELECT ROW(t.department, (t.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign)::form06_department_days
      FROM tasks t WHERE t.dossier_id = NEW.id AND t.status = 'cancelled' AND t.completed_at IS NOT NULL));
  RETURN NULL;
END;
$$;
CREATE TRIGGER dossiers_form06_withdrawals AFTER UPDATE OF withdrawn_at ON dossiers
  FOR EACH ROW EXECUTE FUNCTION form06_track_withdrawal();

-- (form06_step_flows, written set-wise.)
CREATE FUNCTION form06_rebuild_department_days() RETURNS void LANGUAGE sql AS $$
  DELETE FROM form06_department_days;
  INSERT INTO form06_department_days
  SELECT x.department, x.day, sum(x.received), sum(x.received_online), sum(x.received_direct), sum(x.received_post), sum(x.finished),
         sum(x.resolved_early), sum(x.resolved_on_time), sum(x.resolved_late), sum(x.late_with_apology), sum(x.withdrawn)
    FROM (
      SELECT t.department, (t.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, 1 AS received,
             (d.channel = 'online')::int AS received_online, (d.channel = 'direct')::int AS received_direct, (d.channel = 'post')::int AS received_post,
             0 AS finished, 0 AS resolved_early, 0 AS resolved_on_time, 0 AS resolved_late, 0 AS late_with_apology, 0 AS withdrawn
        FROM tasks t JOIN dossiers d ON d.id = t.dossier_id
      UNION ALL
      SELECT t.department, (t.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 0, 0, 0, 0, 1,
             (t.status = 'completed' AND t.timeliness = 'early')::int,
             (t.status = 'completed' AND COALESCE(t.timeliness, 'on_time') = 'on_time')::int,
             (t.status = 'completed' AND t.timeliness = 'late')::int,
             (t.status = 'completed' AND t.timeliness = 'late' AND a.dossier_id IS NOT NULL)::int,
             (t.status = 'cancelled' AND d.withdrawn_at IS NOT NULL)::int
        FROM tasks t JOIN dossiers d ON d.id = t.dossier_id LEFT JOIN apologies a ON a.dossier_id = t.dossier_id
       WHERE t.completed_at IS NOT NULL
    ) x
   GROUP BY x.department, x.day;
$$;
SELECT form06_rebuild_department_days();
ANALYZE dossiers;
ANALYZE tasks;
