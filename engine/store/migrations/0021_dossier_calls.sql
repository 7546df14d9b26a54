-- Call activities: the called procedure runs inside the calling dossier.
-- Each call is a run of its own (the called version's bpmn-engine state),
-- stored with the dossier and signalled back to the run that called it
-- (the dossier's own, or another call's) when it ends. Its steps are the
-- dossier's ordinary task rows; `waiting` lists the executions of the
-- call's run that the dossier waits on, so a completed step finds its run.
CREATE TABLE dossier_calls (
  id                   bigserial PRIMARY KEY,
  dossier_id           bigint NOT NULL REFERENCES dossiers (id),
  parent_call_id       bigint REFERENCES dossier_calls (id),
  depth                integer NOT NULL CHECK (depth >= 1),
  element_id           text NOT NULL,
  execution_id         text NOT NULL,
  procedure_code       text NOT NULL,
  procedure_version_id bigint NOT NULL REFERENCES procedure_versions (id),
  version              integer NOT NULL,
  engine_state         jsonb,
  waiting              text[] NOT NULL DEFAULT '{}',
  status               text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed')),
  started_at           timestamptz NOT NULL,
  ended_at             timestamptz
);
CREATE INDEX dossier_calls_running ON dossier_calls (dossier_id) WHERE status = 'running';
CREATE UNIQUE INDEX dossier_calls_execution ON dossier_calls (dossier_id, execution_id) WHERE status = 'running';
