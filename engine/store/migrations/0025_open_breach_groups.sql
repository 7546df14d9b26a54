-- The supervisor's open breaches, counted as they change (issue 15, third pass).
-- Grouping every open breach on each request (36,000 at three million dossiers:
-- an index scan, a sort for count(DISTINCT dossier), then a second scan for the
-- total) cost 45 ms of PostgreSQL per request. The groups are now kept here by
-- the statements that record, close or delete breaches, in their transaction.
CREATE TABLE open_breach_groups (
  department     text,            -- null: the dossiers' promised dates
  procedure_code text,
  breaches       int NOT NULL,
  dossiers       int NOT NULL,    -- distinct dossiers with an open breach in the group
  oldest_due_at  timestamptz,     -- null once the group has none open
  CONSTRAINT open_breach_groups_key UNIQUE NULLS NOT DISTINCT (department, procedure_code)
);

CREATE TYPE open_breach_change AS (department text, procedure_code text, dossier_id bigint, due_at timestamptz, sign int);

-- Applies open breaches added (+1) and removed (-1) by one statement. A dossier
-- counts in a group while it has an open breach there: whether it did before the
-- statement is what it has now minus the statement's net change.
CREATE FUNCTION open_breach_groups_change(changes open_breach_change[]) RETURNS void LANGUAGE sql AS $$
  WITH c AS (SELECT * FROM unnest(changes)),
  per_dossier AS (
    SELECT c.department, c.procedure_code, c.dossier_id, sum(c.sign)::int AS delta,
           min(c.due_at) FILTER (WHERE c.sign > 0) AS added_min, min(c.due_at) FILTER (WHERE c.sign < 0) AS removed_min
      FROM c GROUP BY 1, 2, 3),
  counted AS (
    SELECT p.*, (SELECT count(*)::int FROM breaches b
                  WHERE b.dossier_id = p.dossier_id AND b.closed_at IS NULL
                    AND b.department IS NOT DISTINCT FROM p.department AND b.procedure_code IS NOT DISTINCT FROM p.procedure_code) AS now_open
      FROM per_dossier p),
  g AS (
    SELECT department, procedure_code, sum(delta)::int AS breaches,
           sum((now_open > 0)::int - (now_open - delta > 0)::int)::int AS dossiers,
           min(added_min) AS added_min, min(removed_min) AS removed_min
      FROM counted GROUP BY 1, 2)
  -- Key order: two transactions take the group rows in the same order.
  INSERT INTO open_breach_groups AS o (department, procedure_code, breaches, dossiers, oldest_due_at)
  SELECT department, procedure_code, breaches, dossiers, added_min FROM g ORDER BY department NULLS LAST, procedure_code NULLS LAST
  ON CONFLICT ON CONSTRAINT open_breach_groups_key DO UPDATE
    SET breaches = o.breaches + EXCLUDED.breaches, dossiers = o.dossiers + EXCLUDED.dossiers,
        oldest_due_at = LEAST(o.oldest_due_at, EXCLUDED.oldest_due_at);
  -- The oldest one closed: the group's oldest is read again from its open breaches.
  UPDATE open_breach_groups o
     SET oldest_due_at = CASE WHEN o.department IS NULL
           -- Two forms, so that each can use the open breaches' group index (IS NOT DISTINCT FROM cannot).
           THEN (SELECT min(b.due_at) FROM breaches b WHERE b.closed_at IS NULL AND b.department IS NULL AND b.procedure_code IS NOT DISTINCT FROM o.procedure_code)
           ELSE (SELECT min(b.due_at) FROM breaches b WHERE b.closed_at IS NULL AND b.department = o.department AND b.procedure_code IS NOT DISTINCT FROM o.procedure_code) END
    FROM (SELECT department, procedure_code, min(due_at) AS removed_min FROM unnest(changes) WHERE sign < 0 GROUP BY 1, 2) r
   WHERE o.department IS NOT DISTINCT FROM r.department AND o.procedure_code IS NOT DISTINCT FROM r.procedure_code
     AND (o.oldest_due_at IS NULL OR r.removed_min <= o.oldest_due_at);
$$;

CREATE FUNCTION open_breach_groups_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ch open_breach_change[] := '{}';
BEGIN
  -- Each branch's statement is planned when first run: the transition table it names exists then.
  IF TG_OP <> 'DELETE' THEN
    ch := ch || ARRAY(SELECT ROW(department, procedure_code, dossier_id, due_at, 1)::open_breach_change FROM new_rows WHERE closed_at IS NULL);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    ch := ch || ARRAY(SELECT ROW(department, procedure_code, dossier_id, due_at, -1)::open_breach_change FROM old_rows WHERE closed_at IS NULL);
  END IF;
  IF cardinality(ch) > 0 THEN
    PERFORM open_breach_groups_change(ch);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER open_breach_groups_insert AFTER INSERT ON breaches
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION open_breach_groups_track();
CREATE TRIGGER open_breach_groups_update AFTER UPDATE ON breaches
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION open_breach_groups_track();
CREATE TRIGGER open_breach_groups_delete AFTER DELETE ON breaches
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION open_breach_groups_track();

-- Recomputed from the breaches themselves: here, and after a bulk load that wrote breaches with the triggers off.
CREATE FUNCTION open_breach_groups_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM open_breach_groups;
  INSERT INTO open_breach_groups (department, procedure_code, breaches, dossiers, oldest_due_at)
  SELECT department, procedure_code, count(*)::int, count(DISTINCT dossier_id)::int, min(due_at)
    FROM breaches WHERE closed_at IS NULL GROUP BY department, procedure_code;
$$;

SELECT open_breach_groups_rebuild();
