-- National Public Service Portal synchronisation (Circular 04/2025): every
-- status change of a dossier writes one record here in the transaction of the
-- change; a sender delivers them in id order per dossier, with retries.
CREATE TABLE portal_outbox (
  id              bigserial PRIMARY KEY,
  dossier_id      bigint NOT NULL REFERENCES dossiers (id),
  dossier_code    text NOT NULL,
  status_code     smallint NOT NULL CHECK (status_code BETWEEN 1 AND 10),
  record          jsonb NOT NULL,
  created_at      timestamptz NOT NULL,
  delivered_at    timestamptz,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error      text
);
-- The head of each dossier's queue: the oldest undelivered record.
CREATE INDEX portal_outbox_pending_idx ON portal_outbox (dossier_id, id) WHERE delivered_at IS NULL;
CREATE INDEX portal_outbox_due_idx ON portal_outbox (next_attempt_at) WHERE delivered_at IS NULL;
CREATE INDEX portal_outbox_dossier_idx ON portal_outbox (dossier_id, id);
