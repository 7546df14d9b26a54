-- The electronic identifier of the agency a receiving point receives for
-- (Decision 20/2020/QĐ-TTg as amended, e.g. 000.00.12.H26): dossier codes of
-- dossiers received there start with it (Circular 03/2025 art. 13). Null: the
-- server's RECEIVING_AGENCY.
ALTER TABLE departments ADD COLUMN agency_id text;
