-- The desk finds a dossier by any part of its code, the applicant's name, ID
-- number or phone (GET /api/dossiers?q=). One trigram index over the four,
-- so a substring match ("Hương", "0912", "-0042") stays an index scan on a
-- year of dossiers instead of reading every applicant's JSON.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX dossiers_search_trgm_idx ON dossiers USING gin (
  (code || ' ' || COALESCE(applicant->>'name', '') || ' ' || COALESCE(applicant->>'idNumber', '') || ' ' || COALESCE(applicant->>'phone', ''))
  gin_trgm_ops);
