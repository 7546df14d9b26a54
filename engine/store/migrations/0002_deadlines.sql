-- Deadlines: business calendars, warnings and breaches, supplements, apologies.

-- Calendars editable by an administrator; the repository's table of official
-- day swaps seeds the default one.
CREATE TABLE calendars (
  id         text PRIMARY KEY,
  definition jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE calendar_day_swaps (
  calendar_id text NOT NULL REFERENCES calendars (id) ON DELETE CASCADE,
  date        date NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('off', 'work')),
  reason      text,
  hours       jsonb,
  PRIMARY KEY (calendar_id, date)
);

ALTER TABLE tasks ADD COLUMN warn_at timestamptz;
ALTER TABLE dossiers ADD COLUMN warn_at timestamptz;
ALTER TABLE dossiers ADD COLUMN paused_at timestamptz;

-- One row per missed due time of a task (task_id set) or of the dossier's
-- promised date (task_id null). The unique index makes recording idempotent:
-- a timer and the sweep may both try, only one row results.
CREATE TABLE breaches (
  id          bigserial PRIMARY KEY,
  dossier_id  bigint NOT NULL REFERENCES dossiers (id),
  task_id     uuid REFERENCES tasks (id),
  department  text,
  due_at      timestamptz NOT NULL,
  detected_at timestamptz NOT NULL,
  closed_at   timestamptz
);
CREATE UNIQUE INDEX breaches_once_idx ON breaches (dossier_id, COALESCE(task_id, '00000000-0000-0000-0000-000000000000'::uuid), due_at);
CREATE INDEX breaches_open_idx ON breaches (department, detected_at) WHERE closed_at IS NULL;
CREATE INDEX breaches_detected_idx ON breaches (detected_at);

CREATE TABLE deadline_warnings (
  id         bigserial PRIMARY KEY,
  dossier_id bigint NOT NULL REFERENCES dossiers (id),
  task_id    uuid REFERENCES tasks (id),
  department text,
  due_at     timestamptz NOT NULL,
  warn_at    timestamptz NOT NULL,
  warned_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX deadline_warnings_once_idx ON deadline_warnings (dossier_id, COALESCE(task_id, '00000000-0000-0000-0000-000000000000'::uuid), due_at);

CREATE TABLE supplements (
  id             bigserial PRIMARY KEY,
  dossier_id     bigint NOT NULL REFERENCES dossiers (id),
  task_id        uuid REFERENCES tasks (id),
  department     text,
  reason         text NOT NULL,
  items          jsonb NOT NULL,
  requested_at   timestamptz NOT NULL,
  requested_by   text NOT NULL,
  received_at    timestamptz,
  received_by    text,
  policy         text NOT NULL,
  due_before     timestamptz,
  due_after      timestamptz
);
CREATE INDEX supplements_dossier_idx ON supplements (dossier_id);

-- The law allows one apology (and one new appointment) per dossier.
CREATE TABLE apologies (
  id                     bigserial PRIMARY KEY,
  dossier_id             bigint NOT NULL UNIQUE REFERENCES dossiers (id),
  reason                 text NOT NULL,
  responsible_department text NOT NULL,
  previous_due_at        timestamptz,
  new_due_at             timestamptz NOT NULL,
  issued_at              timestamptz NOT NULL,
  issued_by              text NOT NULL
);
