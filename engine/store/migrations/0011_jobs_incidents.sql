-- External jobs are steps of a department done by its software: a task row
-- (so deadlines, breaches and the control slip treat them as legs of that
-- department) with kind 'job', fetched and locked through the API. A receive
-- task with a reply deadline is a task row of kind 'message' for the same reason.
-- Incidents: what the engine could not carry out, open until retried.

ALTER TABLE tasks ADD COLUMN kind text NOT NULL DEFAULT 'user' CHECK (kind IN ('user', 'job', 'message'));
ALTER TABLE tasks ADD COLUMN job_type text;
ALTER TABLE tasks ADD COLUMN locked_by text;
ALTER TABLE tasks ADD COLUMN locked_until timestamptz;
ALTER TABLE tasks ADD COLUMN retries integer;
ALTER TABLE tasks ADD COLUMN retry_at timestamptz;
ALTER TABLE tasks ADD COLUMN last_error text;
CREATE INDEX tasks_fetchable_jobs ON tasks (job_type, department) WHERE kind = 'job' AND status = 'open';

CREATE TABLE incidents (
  id          bigserial PRIMARY KEY,
  dossier_id  bigint NOT NULL REFERENCES dossiers (id),
  kind        text NOT NULL CHECK (kind IN ('job-failed', 'process-error')),
  element_id  text,
  task_id     uuid REFERENCES tasks (id),
  wait_id     bigint REFERENCES waits (id),
  message     text NOT NULL,
  status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  created_at  timestamptz NOT NULL,
  resolved_at timestamptz,
  resolved_by text
);
CREATE INDEX incidents_open ON incidents (dossier_id) WHERE status = 'open';
