-- Core schema: departments, procedure versions, dossiers, tasks, history.

CREATE TABLE departments (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  agency      text NOT NULL,
  calendar_id text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE procedures (
  code           text PRIMARY KEY,
  name           text NOT NULL,
  latest_version integer NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE procedure_versions (
  id             bigserial PRIMARY KEY,
  procedure_code text NOT NULL REFERENCES procedures (code),
  version        integer NOT NULL,
  name           text NOT NULL,
  bpmn_xml       text NOT NULL,
  sha256         text NOT NULL,
  model          jsonb NOT NULL,
  deployed_at    timestamptz NOT NULL DEFAULT now(),
  deployed_by    text,
  UNIQUE (procedure_code, version),
  UNIQUE (procedure_code, sha256)
);

-- One row per receiving agency and reception day; the row lock taken by the
-- upsert serialises concurrent receptions so codes never repeat or skip.
CREATE TABLE dossier_counters (
  agency   text NOT NULL,
  day      date NOT NULL,
  last_seq integer NOT NULL,
  PRIMARY KEY (agency, day)
);

CREATE TABLE dossiers (
  id                   bigserial PRIMARY KEY,
  code                 text NOT NULL UNIQUE,
  procedure_code       text NOT NULL,
  procedure_version_id bigint NOT NULL REFERENCES procedure_versions (id),
  status               text NOT NULL,
  channel              text NOT NULL,
  receiving_agency     text NOT NULL,
  applicant            jsonb NOT NULL,
  data                 jsonb NOT NULL DEFAULT '{}'::jsonb,
  submitted_at         timestamptz NOT NULL,
  received_at          timestamptz NOT NULL,
  clock_started_at     timestamptz NOT NULL,
  due_at               timestamptz,
  original_due_at      timestamptz,
  resolved_at          timestamptz,
  returned_at          timestamptz,
  refused_at           timestamptz,
  withdrawn_at         timestamptz,
  engine_state         jsonb,
  row_version          integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossiers_status_idx ON dossiers (status, due_at);
CREATE INDEX dossiers_procedure_idx ON dossiers (procedure_code, received_at);
CREATE INDEX dossiers_received_idx ON dossiers (received_at);

CREATE TABLE tasks (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id      bigint NOT NULL REFERENCES dossiers (id),
  element_id      text NOT NULL,
  execution_id    text NOT NULL,
  name            text NOT NULL,
  department      text NOT NULL,
  from_department text,
  status          text NOT NULL,
  assignee        text,
  clock           text NOT NULL,
  allotment_ms    bigint,
  counted         boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL,
  due_at          timestamptz,
  completed_at    timestamptz,
  completed_by    text,
  timeliness      text,
  data            jsonb,
  CONSTRAINT tasks_status_chk CHECK (status IN ('open', 'claimed', 'completed', 'cancelled'))
);
CREATE INDEX tasks_dossier_idx ON tasks (dossier_id);
CREATE INDEX tasks_department_open_idx ON tasks (department, due_at) WHERE status IN ('open', 'claimed');
CREATE UNIQUE INDEX tasks_execution_idx ON tasks (dossier_id, execution_id);

-- Append-only: rows are never updated or deleted (see the trigger below).
CREATE TABLE dossier_events (
  id         bigserial PRIMARY KEY,
  dossier_id bigint NOT NULL REFERENCES dossiers (id),
  type       text NOT NULL,
  at         timestamptz NOT NULL,
  actor      text,
  payload    jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX dossier_events_dossier_idx ON dossier_events (dossier_id, id);

CREATE FUNCTION dossier_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'dossier history is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER dossier_events_no_update BEFORE UPDATE OR DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION dossier_events_append_only();
