-- REST API: API keys (roles, departments) and department webhooks with their deliveries.

-- Only the SHA-256 of a token is kept: a leaked database does not leak usable keys.
-- The bootstrap administrator key mirrors ONESTOP_ADMIN_TOKEN (or the generated
-- token under DATA_DIR); it is replaced when that token changes and cannot be
-- revoked through the API.
CREATE TABLE api_keys (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name         text NOT NULL,
  role         text NOT NULL CHECK (role IN ('admin', 'analyst', 'desk', 'officer', 'supervisor')),
  department   text REFERENCES departments (code),
  token_sha256 text NOT NULL UNIQUE,
  -- The token's last characters, so an administrator can tell keys apart.
  token_hint   text NOT NULL,
  bootstrap    boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   text,
  revoked_at   timestamptz,
  revoked_by   text,
  -- An officer acts for exactly one department; other roles for none.
  CONSTRAINT api_keys_department_chk CHECK ((role = 'officer') = (department IS NOT NULL))
);

-- The secret is kept in clear: HMAC signing needs it. It is never returned by the API.
CREATE TABLE department_webhooks (
  department text PRIMARY KEY REFERENCES departments (code),
  url        text NOT NULL,
  secret     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per event sent to one department. The body is stored as sent, so
-- every retry carries the same bytes (and a receiver can deduplicate on id).
CREATE TABLE webhook_deliveries (
  id               bigserial PRIMARY KEY,
  department       text NOT NULL REFERENCES departments (code),
  event            text NOT NULL,
  dossier_code     text NOT NULL,
  task_id          uuid,
  body             text NOT NULL,
  status           text NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'retrying', 'delivered', 'failed', 'cancelled')),
  attempts         integer NOT NULL DEFAULT 0,
  url              text,
  last_status_code integer,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  last_attempt_at  timestamptz,
  next_attempt_at  timestamptz,
  delivered_at     timestamptz
);
CREATE INDEX webhook_deliveries_department_idx ON webhook_deliveries (department, id DESC);
CREATE INDEX webhook_deliveries_status_idx ON webhook_deliveries (status, id DESC) WHERE status <> 'delivered';
