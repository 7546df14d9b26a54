-- The whole status lifecycle of the National Public Service Portal (codes 1-10).
-- stopped_at: the formal stop of Decree 118 art. 21 (status 8).
-- return_channel / tracking_number: how the result went back (status 10);
-- Hanoi returns paper results by post from 1/1/2026.
-- resolving_agency: the agency that resolves the dossier when it differs from
-- the receiving point (reception regardless of administrative boundary,
-- Circular 04/2025 art. 23); null when the receiving agency resolves.
-- refusal_reasons: Form 03, why the desk did not receive it (status 3).
ALTER TABLE dossiers
  ADD COLUMN stopped_at timestamptz,
  ADD COLUMN return_channel text CHECK (return_channel IN ('in_person', 'post')),
  ADD COLUMN tracking_number text,
  ADD COLUMN resolving_agency text,
  ADD COLUMN refusal_reasons jsonb;

-- Fees and charges of a dossier (status 6, awaiting financial obligation).
-- Requested when the process ends for a procedure with onestop:fee; the
-- dossier is resolved when the payment is recorded. The wait is the citizen's
-- time, not the agency's: the index subtracts it like a supplement pause.
CREATE TABLE dossier_fees (
  dossier_id   bigint PRIMARY KEY REFERENCES dossiers (id),
  amount       numeric(14, 0) NOT NULL CHECK (amount >= 0),
  requested_at timestamptz NOT NULL,
  paid_at      timestamptz,
  paid_amount  numeric(14, 0),
  online       boolean,
  recorded_at  timestamptz,
  recorded_by  text
);
