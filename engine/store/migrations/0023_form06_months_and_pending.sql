-- Form 06 at a year of three million dossiers (bench/scale/README.md, "Third
-- pass"). Two costs were left: the daily rows summed day by day (per
-- department 1,260 departments × 365 days), and the pending set at the
-- period's end read row by row (every unfinished dossier or step, 145,000).
--
-- 1. Monthly rows beside the daily ones: a period is its whole months from
--    the monthly rows and the days at its edges from the daily rows.
-- 2. The pending counts from the flows too. Pending at the end E (a day's
--    start) = received before E − finished before E; the "finished" flow now
--    lands on the day of GREATEST(received, finished), so a step completed
--    before the office hour it was handed over at (an officer working on a
--    Saturday on a step handed over for Monday) is never finished before it
--    was received: the difference is then exactly the rows pending at E
--    (and "carried over" is exactly its rows too).
--    Overdue at E: pending at E and due before E. A row is overdue from
--    GREATEST(due, received) until it is finished; counting the rows that ever
--    are (due, and unfinished or finished after that moment), "overdue
--    started" on the first day and "overdue ended" on the finishing day, the
--    overdue at E is the sum of started − ended over the days before E. A
--    period not over is measured now, not at a day's start: its overdue are
--    the unfinished rows due before now: "open due" counts each unfinished
--    row on the day of its due time (and takes it back when finished), so
--    those due before today are a sum of flows; the ones due earlier today are
--    read on a small partial index of the unfinished rows.
--    The rows waiting for a supplement (never overdue) are few: read at the
--    report. A due date moved (an apology, a supplement's restart) moves the
--    row's overdue flows, so the triggers now follow due times as well.

ALTER TABLE form06_procedure_days ADD COLUMN overdue_started integer NOT NULL DEFAULT 0, ADD COLUMN overdue_ended integer NOT NULL DEFAULT 0,
  ADD COLUMN open_due integer NOT NULL DEFAULT 0;
ALTER TABLE form06_department_days ADD COLUMN overdue_started integer NOT NULL DEFAULT 0, ADD COLUMN overdue_ended integer NOT NULL DEFAULT 0,
  ADD COLUMN open_due integer NOT NULL DEFAULT 0;
ALTER TABLE form06_pending_flows ADD COLUMN overdue_started integer NOT NULL DEFAULT 0, ADD COLUMN overdue_ended integer NOT NULL DEFAULT 0,
  ADD COLUMN open_due integer NOT NULL DEFAULT 0;

-- The edge days of a period, across every key.
CREATE INDEX form06_procedure_days_day_idx ON form06_procedure_days (day);
CREATE INDEX form06_department_days_day_idx ON form06_department_days (day);

-- The monthly rows: `month` is the month's first day. Folded with the daily
-- rows at commit, after them (see the fold below for the order).
CREATE TABLE form06_procedure_months (
  procedure_code    text NOT NULL,
  month             date NOT NULL,
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
  overdue_started   integer NOT NULL DEFAULT 0,
  overdue_ended     integer NOT NULL DEFAULT 0,
  open_due          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (procedure_code, month, shard)
);
CREATE TABLE form06_department_months (
  department        text NOT NULL,
  month             date NOT NULL,
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
  overdue_started   integer NOT NULL DEFAULT 0,
  overdue_ended     integer NOT NULL DEFAULT 0,
  open_due          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (department, month)
);

-- The spans' GiST indexes of 0007 answered "pending at E" row by row; the
-- flows answer it now, and nothing else reads them: every new step, every
-- completion and every deadline mark no longer writes a GiST entry.
DROP INDEX IF EXISTS dossiers_pending_span_idx;
DROP INDEX IF EXISTS tasks_pending_span_idx;

-- A period not over: its overdue are the unfinished rows due before now (those due today read here).
CREATE INDEX dossiers_unfinished_due_idx ON dossiers (procedure_code, due_at)
  WHERE COALESCE(resolved_at, withdrawn_at, refused_at) IS NULL;
CREATE INDEX tasks_unfinished_due_idx ON tasks (department, due_at) WHERE completed_at IS NULL;

-- What one dossier adds to the daily flows (sign -1 takes it back): 0007's
-- flows, the finished one on GREATEST(received, finished), and the overdue ones.
DROP FUNCTION form06_dossier_flows(dossiers, integer);
CREATE FUNCTION form06_dossier_flows(d dossiers, sign integer)
RETURNS TABLE (procedure_code text, day date, shard smallint, received integer, received_online integer, received_direct integer,
               received_post integer, finished integer, resolved_early integer, resolved_on_time integer, resolved_late integer,
               late_with_apology integer, withdrawn integer, overdue_started integer, overdue_ended integer, open_due integer)
LANGUAGE sql STABLE AS $$
  WITH f AS (
    SELECT COALESCE(d.resolved_at, d.withdrawn_at, d.refused_at) AS finished_at,
           GREATEST(d.due_at, d.received_at) AS overdue_from,
           COALESCE(d.resolved_at > d.due_at, false) AS late,
           (d.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS resolved_day,
           (d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS due_day,
           (d.id % 8)::smallint AS shard
     WHERE d.id IS NOT NULL
  ), o AS (
    SELECT f.*, d.due_at IS NOT NULL AND (f.finished_at IS NULL OR f.overdue_from < f.finished_at) AS ever_overdue FROM f
  )
  SELECT d.procedure_code, (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, o.shard, sign,
         sign * (d.channel = 'online')::int, sign * (d.channel = 'direct')::int, sign * (d.channel = 'post')::int, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM o
  UNION ALL
  SELECT d.procedure_code, (GREATEST(d.received_at, o.finished_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, o.shard, 0, 0, 0, 0, sign, 0, 0, 0, 0, 0, 0, 0, 0
    FROM o WHERE o.finished_at IS NOT NULL
  UNION ALL
  SELECT d.procedure_code, o.resolved_day, o.shard, 0, 0, 0, 0, 0,
         sign * (NOT o.late AND d.due_at IS NOT NULL AND o.resolved_day < o.due_day)::int,
         sign * (NOT o.late AND (d.due_at IS NULL OR o.resolved_day >= o.due_day))::int,
         sign * o.late::int,
         sign * (o.late AND EXISTS (SELECT 1 FROM apologies a WHERE a.dossier_id = d.id))::int,
         0, 0, 0, 0
    FROM o WHERE d.resolved_at IS NOT NULL
  UNION ALL
  SELECT d.procedure_code, (d.withdrawn_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, o.shard, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign, 0, 0, 0
    FROM o WHERE d.withdrawn_at IS NOT NULL
  UNION ALL
  SELECT d.procedure_code, (o.overdue_from AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, o.shard, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign, 0, 0
    FROM o WHERE o.ever_overdue
  UNION ALL
  SELECT d.procedure_code, (o.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, o.shard, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign, 0
    FROM o WHERE o.ever_overdue AND o.finished_at IS NOT NULL
  UNION ALL
  SELECT d.procedure_code, (d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, o.shard, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign
    FROM o WHERE d.due_at IS NOT NULL AND o.finished_at IS NULL
$$;

CREATE OR REPLACE FUNCTION form06_track_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most changes (a step done, the engine state) move no flow; a due date
  -- moved does (the overdue flows).
  IF TG_OP = 'UPDATE'
     AND NEW.procedure_code IS NOT DISTINCT FROM OLD.procedure_code AND NEW.channel IS NOT DISTINCT FROM OLD.channel
     AND NEW.received_at IS NOT DISTINCT FROM OLD.received_at AND NEW.resolved_at IS NOT DISTINCT FROM OLD.resolved_at
     AND NEW.withdrawn_at IS NOT DISTINCT FROM OLD.withdrawn_at AND NEW.refused_at IS NOT DISTINCT FROM OLD.refused_at
     AND NEW.due_at IS NOT DISTINCT FROM OLD.due_at THEN
    RETURN NULL;
  END IF;
  INSERT INTO form06_pending_flows (grouping, key, day, shard, received, received_online, received_direct, received_post,
                                    finished, resolved_early, resolved_on_time, resolved_late, late_with_apology, withdrawn,
                                    overdue_started, overdue_ended, open_due)
  SELECT 'procedure', c.* FROM form06_dossier_flows(CASE WHEN TG_OP <> 'INSERT' THEN OLD END, -1) c
  UNION ALL
  SELECT 'procedure', c.* FROM form06_dossier_flows(CASE WHEN TG_OP <> 'DELETE' THEN NEW END, 1) c;
  RETURN NULL;
END;
$$;

-- What one step adds to its department's daily flows (as 0007), the finished
-- flow on GREATEST(created, completed), and the overdue flows.
DROP FUNCTION form06_step_flows(tasks, text, boolean, boolean, integer);
CREATE FUNCTION form06_step_flows(t tasks, dossier_channel text, dossier_apologised boolean, dossier_withdrawn boolean, sign integer)
RETURNS TABLE (department text, day date, received integer, received_online integer, received_direct integer, received_post integer,
               finished integer, resolved_early integer, resolved_on_time integer, resolved_late integer, late_with_apology integer,
               withdrawn integer, overdue_started integer, overdue_ended integer, open_due integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT t.department, (t.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, sign,
         sign * (dossier_channel = 'online')::int, sign * (dossier_channel = 'direct')::int, sign * (dossier_channel = 'post')::int, 0, 0, 0, 0, 0, 0, 0, 0, 0
   WHERE t.id IS NOT NULL
  UNION ALL
  SELECT t.department, (GREATEST(t.created_at, t.completed_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 0, 0, 0, 0, sign, 0, 0, 0, 0, 0, 0, 0, 0
   WHERE t.id IS NOT NULL AND t.completed_at IS NOT NULL
  UNION ALL
  SELECT t.department, (t.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 0, 0, 0, 0, 0,
         sign * (t.status = 'completed' AND t.timeliness = 'early')::int,
         sign * (t.status = 'completed' AND COALESCE(t.timeliness, 'on_time') = 'on_time')::int,
         sign * (t.status = 'completed' AND t.timeliness = 'late')::int,
         sign * (t.status = 'completed' AND t.timeliness = 'late' AND dossier_apologised)::int,
         sign * (t.status = 'cancelled' AND dossier_withdrawn)::int,
         0, 0, 0
   WHERE t.id IS NOT NULL AND t.completed_at IS NOT NULL
  UNION ALL
  SELECT t.department, (GREATEST(t.due_at, t.created_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign, 0, 0
   WHERE t.id IS NOT NULL AND t.due_at IS NOT NULL AND (t.completed_at IS NULL OR GREATEST(t.due_at, t.created_at) < t.completed_at)
  UNION ALL
  SELECT t.department, (t.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign, 0
   WHERE t.id IS NOT NULL AND t.due_at IS NOT NULL AND GREATEST(t.due_at, t.created_at) < t.completed_at
  UNION ALL
  SELECT t.department, (t.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign
   WHERE t.id IS NOT NULL AND t.due_at IS NOT NULL AND t.completed_at IS NULL
$$;

CREATE OR REPLACE FUNCTION form06_add_department_days(rows form06_department_days[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO form06_pending_flows (grouping, key, day, shard, received, received_online, received_direct, received_post,
                                    finished, resolved_early, resolved_on_time, resolved_late, late_with_apology, withdrawn,
                                    overdue_started, overdue_ended, open_due)
  SELECT 'department', r.department, r.day, 0, r.received, r.received_online, r.received_direct, r.received_post, r.finished,
         r.resolved_early, r.resolved_on_time, r.resolved_late, r.late_with_apology, r.withdrawn, r.overdue_started, r.overdue_ended, r.open_due
    FROM unnest(rows) r;
$$;

CREATE OR REPLACE FUNCTION form06_track_step() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d record;
BEGIN
  -- A claim, a form saved: no flow changes; a due time moved does (the overdue flows).
  IF TG_OP = 'UPDATE'
     AND NEW.department IS NOT DISTINCT FROM OLD.department AND NEW.dossier_id IS NOT DISTINCT FROM OLD.dossier_id
     AND NEW.created_at IS NOT DISTINCT FROM OLD.created_at AND NEW.completed_at IS NOT DISTINCT FROM OLD.completed_at
     AND (NEW.status = 'completed') = (OLD.status = 'completed') AND (NEW.status = 'cancelled') = (OLD.status = 'cancelled')
     AND NEW.timeliness IS NOT DISTINCT FROM OLD.timeliness AND NEW.due_at IS NOT DISTINCT FROM OLD.due_at THEN
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

CREATE OR REPLACE FUNCTION form06_track_apology() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  a apologies := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  sign integer := CASE WHEN TG_OP = 'DELETE' THEN -1 ELSE 1 END;
BEGIN
  PERFORM form06_add_department_days(ARRAY(
    SELECT ROW(t.department, (t.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 0, 0, 0, 0, 0, 0, 0, 0, sign, 0, 0, 0, 0)::form06_department_days
      FROM tasks t WHERE t.dossier_id = a.dossier_id AND t.status = 'completed' AND t.timeliness = 'late' AND t.completed_at IS NOT NULL));
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION form06_track_withdrawal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign integer;
BEGIN
  IF (OLD.withdrawn_at IS NULL) = (NEW.withdrawn_at IS NULL) THEN
    RETURN NULL;
  END IF;
  sign := CASE WHEN NEW.withdrawn_at IS NOT NULL THEN 1 ELSE -1 END;
  PERFORM form06_add_department_days(ARRAY(
    SELECT ROW(t.department, (t.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign, 0, 0, 0)::form06_department_days
      FROM tasks t WHERE t.dossier_id = NEW.id AND t.status = 'cancelled' AND t.completed_at IS NOT NULL));
  RETURN NULL;
END;
$$;

-- The fold at commit (0007), now into the monthly rows as well. Every
-- transaction takes the rows in one order: procedure days, department days,
-- procedure months, department months, each in key order; so two
-- transactions never wait on each other crosswise.
CREATE OR REPLACE FUNCTION form06_fold_pending_flows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('onestop.form06_folded', true) = pg_current_xact_id()::text THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('onestop.form06_folded', pg_current_xact_id()::text, true);
  INSERT INTO form06_procedure_days AS s
  SELECT f.key, f.day, f.shard, sum(f.received), sum(f.received_online), sum(f.received_direct), sum(f.received_post), sum(f.finished),
         sum(f.resolved_early), sum(f.resolved_on_time), sum(f.resolved_late), sum(f.late_with_apology), sum(f.withdrawn),
         sum(f.overdue_started), sum(f.overdue_ended), sum(f.open_due)
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
    withdrawn = s.withdrawn + excluded.withdrawn,
    overdue_started = s.overdue_started + excluded.overdue_started,
    overdue_ended = s.overdue_ended + excluded.overdue_ended,
    open_due = s.open_due + excluded.open_due;
  INSERT INTO form06_department_days AS s
  SELECT f.key, f.day, sum(f.received), sum(f.received_online), sum(f.received_direct), sum(f.received_post), sum(f.finished),
         sum(f.resolved_early), sum(f.resolved_on_time), sum(f.resolved_late), sum(f.late_with_apology), sum(f.withdrawn),
         sum(f.overdue_started), sum(f.overdue_ended), sum(f.open_due)
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
    withdrawn = s.withdrawn + excluded.withdrawn,
    overdue_started = s.overdue_started + excluded.overdue_started,
    overdue_ended = s.overdue_ended + excluded.overdue_ended,
    open_due = s.open_due + excluded.open_due;
  INSERT INTO form06_procedure_months AS s
  SELECT f.key, date_trunc('month', f.day)::date, f.shard, sum(f.received), sum(f.received_online), sum(f.received_direct), sum(f.received_post),
         sum(f.finished), sum(f.resolved_early), sum(f.resolved_on_time), sum(f.resolved_late), sum(f.late_with_apology), sum(f.withdrawn),
         sum(f.overdue_started), sum(f.overdue_ended), sum(f.open_due)
    FROM form06_pending_flows f
   WHERE f.xact = pg_current_xact_id() AND f.grouping = 'procedure'
   GROUP BY f.key, date_trunc('month', f.day)::date, f.shard
   ORDER BY f.key, date_trunc('month', f.day)::date, f.shard
  ON CONFLICT (procedure_code, month, shard) DO UPDATE SET
    received = s.received + excluded.received,
    received_online = s.received_online + excluded.received_online,
    received_direct = s.received_direct + excluded.received_direct,
    received_post = s.received_post + excluded.received_post,
    finished = s.finished + excluded.finished,
    resolved_early = s.resolved_early + excluded.resolved_early,
    resolved_on_time = s.resolved_on_time + excluded.resolved_on_time,
    resolved_late = s.resolved_late + excluded.resolved_late,
    late_with_apology = s.late_with_apology + excluded.late_with_apology,
    withdrawn = s.withdrawn + excluded.withdrawn,
    overdue_started = s.overdue_started + excluded.overdue_started,
    overdue_ended = s.overdue_ended + excluded.overdue_ended,
    open_due = s.open_due + excluded.open_due;
  INSERT INTO form06_department_months AS s
  SELECT f.key, date_trunc('month', f.day)::date, sum(f.received), sum(f.received_online), sum(f.received_direct), sum(f.received_post),
         sum(f.finished), sum(f.resolved_early), sum(f.resolved_on_time), sum(f.resolved_late), sum(f.late_with_apology), sum(f.withdrawn),
         sum(f.overdue_started), sum(f.overdue_ended), sum(f.open_due)
    FROM form06_pending_flows f
   WHERE f.xact = pg_current_xact_id() AND f.grouping = 'department'
   GROUP BY f.key, date_trunc('month', f.day)::date
   ORDER BY f.key, date_trunc('month', f.day)::date
  ON CONFLICT (department, month) DO UPDATE SET
    received = s.received + excluded.received,
    received_online = s.received_online + excluded.received_online,
    received_direct = s.received_direct + excluded.received_direct,
    received_post = s.received_post + excluded.received_post,
    finished = s.finished + excluded.finished,
    resolved_early = s.resolved_early + excluded.resolved_early,
    resolved_on_time = s.resolved_on_time + excluded.resolved_on_time,
    resolved_late = s.resolved_late + excluded.resolved_late,
    late_with_apology = s.late_with_apology + excluded.late_with_apology,
    withdrawn = s.withdrawn + excluded.withdrawn,
    overdue_started = s.overdue_started + excluded.overdue_started,
    overdue_ended = s.overdue_ended + excluded.overdue_ended,
    open_due = s.open_due + excluded.open_due;
  DELETE FROM form06_pending_flows WHERE xact = pg_current_xact_id();
  RETURN NULL;
END;
$$;

-- The daily and monthly rows recomputed from the dossiers and steps: here, and
-- after a bulk load that wrote them with the triggers off (bench/scale calls
-- these two functions; the monthly rows come with them). form06_dossier_flows
-- and form06_step_flows written set-wise: one pass over the rows, each giving
-- the flows it has (a day of NULL: none). Written in day order, as a running
-- server appends them, so a period's edge days are a few adjacent pages.
-- The rebuilds turn times into Vietnam's days with the fixed offset (+07:00,
-- Vietnam's since 1975; identical to 'Asia/Ho_Chi_Minh' for every date this
-- system holds): a named zone costs about 0.7 µs more per conversion (measured
-- on the 3M lab, 2026-11-30), and a year's rebuild converts some 80 million.
-- Each row gives at most seven flows as (day, kind) pairs, one narrow row
-- each, counted per (key, day, kind) with count(*) alone; the few counted
-- rows are then spread into the fourteen columns. (A lateral VALUES of
-- fourteen columns summed per flow cost thirteen sums per flow: 38 s of the
-- departments' rebuild at 300,000 dossiers.) A flow whose kind adds to no
-- column (kind 0) still makes its day's row, as the trigger's zero row does.
-- Kinds: 1-4 received (online, direct, post, other), 5 finished, 6 early,
-- 7 on time, 8 late, 9 late with an apology, 10 withdrawn, 11 overdue
-- started, 12 overdue ended, 13 open due. The counts of a (key, day): at most
-- 1,260 departments x 14 kinds a day, so the hash gets its memory.
CREATE OR REPLACE FUNCTION form06_rebuild_procedure_days() RETURNS void LANGUAGE sql SET work_mem = '256MB' AS $$
  DELETE FROM form06_procedure_days;
  INSERT INTO form06_procedure_days (procedure_code, day, shard, received, received_online, received_direct, received_post, finished,
                                     resolved_early, resolved_on_time, resolved_late, late_with_apology, withdrawn, overdue_started, overdue_ended, open_due)
  SELECT c.procedure_code, c.day, c.shard,
         coalesce(sum(c.n) FILTER (WHERE c.kind BETWEEN 1 AND 4), 0), coalesce(sum(c.n) FILTER (WHERE c.kind = 1), 0),
         coalesce(sum(c.n) FILTER (WHERE c.kind = 2), 0), coalesce(sum(c.n) FILTER (WHERE c.kind = 3), 0),
         coalesce(sum(c.n) FILTER (WHERE c.kind = 5), 0), coalesce(sum(c.n) FILTER (WHERE c.kind = 6), 0),
         coalesce(sum(c.n) FILTER (WHERE c.kind = 7), 0), coalesce(sum(c.n) FILTER (WHERE c.kind IN (8, 9)), 0),
         coalesce(sum(c.n) FILTER (WHERE c.kind = 9), 0), coalesce(sum(c.n) FILTER (WHERE c.kind = 10), 0),
         coalesce(sum(c.n) FILTER (WHERE c.kind = 11), 0), coalesce(sum(c.n) FILTER (WHERE c.kind = 12), 0),
         coalesce(sum(c.n) FILTER (WHERE c.kind = 13), 0)
    FROM (
      SELECT d.procedure_code, v.day, (d.id % 8)::smallint AS shard, v.kind, count(*)::int AS n
        FROM dossiers d
        LEFT JOIN (SELECT DISTINCT dossier_id FROM apologies) a ON a.dossier_id = d.id
        CROSS JOIN LATERAL (SELECT COALESCE(d.resolved_at, d.withdrawn_at, d.refused_at) AS finished_at,
                                   GREATEST(d.due_at, d.received_at) AS overdue_from,
                                   COALESCE(d.resolved_at > d.due_at, false) AS late,
                                   (d.resolved_at AT TIME ZONE INTERVAL '+07:00')::date AS resolved_day,
                                   (d.due_at AT TIME ZONE INTERVAL '+07:00')::date AS due_day) f
        CROSS JOIN LATERAL (SELECT d.due_at IS NOT NULL AND (f.finished_at IS NULL OR f.overdue_from < f.finished_at) AS ever_overdue) o
        CROSS JOIN LATERAL (VALUES
          ((d.received_at AT TIME ZONE INTERVAL '+07:00')::date,
           CASE d.channel WHEN 'online' THEN 1 WHEN 'direct' THEN 2 WHEN 'post' THEN 3 ELSE 4 END),
          (CASE WHEN f.finished_at IS NOT NULL THEN (GREATEST(d.received_at, f.finished_at) AT TIME ZONE INTERVAL '+07:00')::date END, 5),
          (f.resolved_day, CASE WHEN f.late THEN CASE WHEN a.dossier_id IS NOT NULL THEN 9 ELSE 8 END
                                WHEN d.due_at IS NOT NULL AND f.resolved_day < f.due_day THEN 6 ELSE 7 END),
          ((d.withdrawn_at AT TIME ZONE INTERVAL '+07:00')::date, 10),
          (CASE WHEN o.ever_overdue THEN (f.overdue_from AT TIME ZONE INTERVAL '+07:00')::date END, 11),
          (CASE WHEN o.ever_overdue THEN (f.finished_at AT TIME ZONE INTERVAL '+07:00')::date END, 12),
          (CASE WHEN f.finished_at IS NULL THEN (d.due_at AT TIME ZONE INTERVAL '+07:00')::date END, 13)
        ) v(day, kind)
       WHERE v.day IS NOT NULL
       GROUP BY d.procedure_code, v.day, (d.id % 8)::smallint, v.kind
    ) c
   GROUP BY c.procedure_code, c.day, c.shard
   ORDER BY c.day, c.procedure_code;
  DELETE FROM form06_procedure_months;
  INSERT INTO form06_procedure_months
  SELECT procedure_code, date_trunc('month', day)::date, shard, sum(received), sum(received_online), sum(received_direct), sum(received_post),
         sum(finished), sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(late_with_apology), sum(withdrawn),
         sum(overdue_started), sum(overdue_ended), sum(open_due)
    FROM form06_procedure_days
   GROUP BY procedure_code, date_trunc('month', day)::date, shard;
$$;

CREATE OR REPLACE FUNCTION form06_rebuild_department_days() RETURNS void LANGUAGE sql SET work_mem = '256MB' AS $$
  DELETE FROM form06_department_days;
  INSERT INTO form06_department_days (department, day, received, received_online, received_direct, received_post, finished,
                                      resolved_early, resolved_on_time, resolved_late, late_with_apology, withdrawn, overdue_started, overdue_ended, open_due)
  SELECT c.department, c.day,
         coalesce(sum(c.n) FILTER (WHERE c.kind BETWEEN 1 AND 4), 0), coalesce(sum(c.n) FILTER (WHERE c.kind = 1), 0),
         coalesce(sum(c.n) FILTER (WHERE c.kind = 2), 0), coalesce(sum(c.n) FILTER (WHERE c.kind = 3), 0),
         coalesce(sum(c.n) FILTER (WHERE c.kind = 5), 0), coalesce(sum(c.n) FILTER (WHERE c.kind = 6), 0),
         coalesce(sum(c.n) FILTER (WHERE c.kind = 7), 0), coalesce(sum(c.n) FILTER (WHERE c.kind IN (8, 9)), 0),
         coalesce(sum(c.n) FILTER (WHERE c.kind = 9), 0), coalesce(sum(c.n) FILTER (WHERE c.kind = 10), 0),
         coalesce(sum(c.n) FILTER (WHERE c.kind = 11), 0), coalesce(sum(c.n) FILTER (WHERE c.kind = 12), 0),
         coalesce(sum(c.n) FILTER (WHERE c.kind = 13), 0)
    FROM (
      SELECT t.department, v.day, v.kind, count(*)::int AS n
        FROM tasks t
        JOIN dossiers d ON d.id = t.dossier_id
        LEFT JOIN (SELECT DISTINCT dossier_id FROM apologies) a ON a.dossier_id = t.dossier_id
        CROSS JOIN LATERAL (SELECT GREATEST(t.due_at, t.created_at) AS overdue_from) f
        CROSS JOIN LATERAL (SELECT t.due_at IS NOT NULL AND (t.completed_at IS NULL OR f.overdue_from < t.completed_at) AS ever_overdue) o
        CROSS JOIN LATERAL (VALUES
          ((t.created_at AT TIME ZONE INTERVAL '+07:00')::date,
           CASE d.channel WHEN 'online' THEN 1 WHEN 'direct' THEN 2 WHEN 'post' THEN 3 ELSE 4 END),
          (CASE WHEN t.completed_at IS NOT NULL THEN (GREATEST(t.created_at, t.completed_at) AT TIME ZONE INTERVAL '+07:00')::date END, 5),
          ((t.completed_at AT TIME ZONE INTERVAL '+07:00')::date,
           CASE WHEN t.status = 'completed' THEN
                  CASE WHEN t.timeliness = 'early' THEN 6 WHEN COALESCE(t.timeliness, 'on_time') = 'on_time' THEN 7
                       WHEN t.timeliness = 'late' THEN CASE WHEN a.dossier_id IS NOT NULL THEN 9 ELSE 8 END ELSE 0 END
                WHEN t.status = 'cancelled' AND d.withdrawn_at IS NOT NULL THEN 10 ELSE 0 END),
          (CASE WHEN o.ever_overdue THEN (f.overdue_from AT TIME ZONE INTERVAL '+07:00')::date END, 11),
          (CASE WHEN o.ever_overdue THEN (t.completed_at AT TIME ZONE INTERVAL '+07:00')::date END, 12),
          (CASE WHEN t.completed_at IS NULL THEN (t.due_at AT TIME ZONE INTERVAL '+07:00')::date END, 13)
        ) v(day, kind)
       WHERE v.day IS NOT NULL
       GROUP BY t.department, v.day, v.kind
    ) c
   GROUP BY c.department, c.day
   ORDER BY c.day, c.department;
  DELETE FROM form06_department_months;
  INSERT INTO form06_department_months
  SELECT department, date_trunc('month', day)::date, sum(received), sum(received_online), sum(received_direct), sum(received_post),
         sum(finished), sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(late_with_apology), sum(withdrawn),
         sum(overdue_started), sum(overdue_ended), sum(open_due)
    FROM form06_department_days
   GROUP BY department, date_trunc('month', day)::date;
$$;

SELECT form06_rebuild_procedure_days();
SELECT form06_rebuild_department_days();
ANALYZE form06_procedure_days;
ANALYZE form06_department_days;
ANALYZE form06_procedure_months;
ANALYZE form06_department_months;
