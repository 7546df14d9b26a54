-- Notices to the citizen (reception, supplement request, apology, result
-- ready, return): queued here in the transaction of the change that causes
-- them, one row per channel the applicant gave a contact for; a sender
-- delivers them after commit with retries. The row is the delivery log.
CREATE TABLE citizen_notices (
  id              bigserial PRIMARY KEY,
  dossier_id      bigint NOT NULL REFERENCES dossiers (id),
  dossier_code    text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('received', 'supplement_requested', 'apology', 'result_ready', 'returned')),
  channel         text NOT NULL CHECK (channel IN ('email', 'phone')),
  via             text,
  recipient       text NOT NULL,
  params          jsonb NOT NULL,
  created_at      timestamptz NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  sent_at         timestamptz,
  last_error      text,
  subject         text,
  body            text
);
CREATE INDEX citizen_notices_due_idx ON citizen_notices (next_attempt_at) WHERE status = 'pending';
CREATE INDEX citizen_notices_dossier_idx ON citizen_notices (dossier_id, id);
CREATE INDEX citizen_notices_recent_idx ON citizen_notices (id DESC);

-- The administrator's wording of each notice; a kind without a row uses the
-- default written in engine/notices/noticeTemplates.ts.
CREATE TABLE notice_templates (
  kind       text PRIMARY KEY CHECK (kind IN ('received', 'supplement_requested', 'apology', 'result_ready', 'returned')),
  subject    text NOT NULL,
  body       text NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text
);
