-- What a dossier's process waits on besides its steps: BPMN timers (with the
-- due time on our own row, fired by Agenda or the sweep) and messages from
-- other agencies. A wait ends once: fired (or delivered) or cancelled.

CREATE TABLE waits (
  id            bigserial PRIMARY KEY,
  dossier_id    bigint NOT NULL REFERENCES dossiers (id),
  kind          text NOT NULL CHECK (kind IN ('timer', 'message')),
  element_id    text NOT NULL,
  execution_id  text NOT NULL,
  message_name  text,
  department    text,
  due_at        timestamptz,
  created_at    timestamptz NOT NULL,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fired', 'cancelled')),
  ended_at      timestamptz
);

-- One open wait per engine execution: a re-run of the same instance state
-- never records it twice.
CREATE UNIQUE INDEX waits_open_execution ON waits (dossier_id, execution_id) WHERE status = 'open';
CREATE INDEX waits_due_timers ON waits (due_at) WHERE status = 'open' AND kind = 'timer';
CREATE INDEX waits_of_dossier ON waits (dossier_id) WHERE status = 'open';
