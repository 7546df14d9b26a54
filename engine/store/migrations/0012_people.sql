-- People (issue 13): personal accounts, their memberships (department × role),
-- sessions carried by a cookie, and the audit log. API keys stay, for systems.

CREATE TABLE people (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Lower case, so "Ha.Le" and "ha.le" are one person (SSO claims differ in case).
  username             text NOT NULL UNIQUE CHECK (username = lower(username) AND username ~ '^[a-z0-9][a-z0-9._@-]{1,63}$'),
  full_name            text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  active               boolean NOT NULL DEFAULT true,
  -- argon2id (PHC string); null: no password (SSO only, or not yet set).
  password_hash        text,
  must_change_password boolean NOT NULL DEFAULT false,
  failed_attempts      integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  bootstrap            boolean NOT NULL DEFAULT false,
  created_at           timestamptz NOT NULL DEFAULT now(),
  created_by           text,
  updated_at           timestamptz NOT NULL DEFAULT now()
);

-- Roles as API keys have, plus lead: the head of a department, who sees and reassigns its tasks.
CREATE TABLE memberships (
  id         bigserial PRIMARY KEY,
  person_id  uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role       text NOT NULL CHECK (role IN ('admin', 'analyst', 'desk', 'officer', 'supervisor', 'lead')),
  department text REFERENCES departments (code),
  -- Officers and leads act for one department; a desk may name its receiving point.
  CONSTRAINT memberships_department_chk CHECK (role NOT IN ('officer', 'lead') OR department IS NOT NULL)
);
CREATE UNIQUE INDEX memberships_unique_idx ON memberships (person_id, role, COALESCE(department, ''));
CREATE INDEX memberships_department_idx ON memberships (department, role);

-- Only the SHA-256 of the cookie's value is kept.
CREATE TABLE sessions (
  id_sha256    text PRIMARY KEY,
  person_id    uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  via          text NOT NULL CHECK (via IN ('password', 'sso')),
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  ended_at     timestamptz
);
CREATE INDEX sessions_person_idx ON sessions (person_id) WHERE ended_at IS NULL;

-- Who did what: sign-ins, failed ones, administrative changes, reassignments,
-- reads of a citizen's dossier or document by a person.
CREATE TABLE audit_log (
  id         bigserial PRIMARY KEY,
  at         timestamptz NOT NULL,
  actor      text NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('person', 'system', 'anonymous')),
  action     text NOT NULL,
  target     text,
  detail     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC);

-- A key nobody uses any more is found by its last use.
ALTER TABLE api_keys ADD COLUMN last_used_at timestamptz;
