-- Rules as data with effective dates: holidays, yearly day-swap tables, the
-- reception cut-off, the supplement rule and the scoring rule are records
-- with a validity [valid_from, valid_to). A change is a new record and the
-- old one closed; bodies are never edited (the application never updates
-- them, and a pinned dossier's rules are kept whole in rule_sets anyway).
CREATE TABLE rule_records (
  id         text PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('holiday', 'day_swaps', 'cutoff', 'supplement', 'scoring')),
  body       jsonb NOT NULL,
  valid_from timestamptz NOT NULL,
  valid_to   timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX rule_records_validity_idx ON rule_records (kind, valid_from);

-- The rule sets dossiers were pinned to: the records in force at a
-- reception, kept whole so the dossier's due times can always be recomputed
-- under the rules it was promised under. The id is derived from the content.
CREATE TABLE rule_sets (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  valid_from timestamptz NOT NULL,
  valid_to   timestamptz,
  rules      jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Set at submission; null for dossiers received before rule sets existed
-- (they keep the calendar's own rules).
ALTER TABLE dossiers ADD COLUMN rule_set_id text REFERENCES rule_sets (id);
