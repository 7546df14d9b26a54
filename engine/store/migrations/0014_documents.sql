-- Dossier documents (issue 12): the papers received, the papers a step
-- produces, who read them. Rows only; the bytes are in the document storage,
-- named by their SHA-256. Nothing here is ever updated or deleted: a
-- supplement adds a new version.

CREATE TABLE dossier_documents (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id     bigint NOT NULL REFERENCES dossiers (id),
  document_code  text NOT NULL,
  name           text NOT NULL,
  version        integer NOT NULL CHECK (version > 0),
  -- reception: scanned at the desk or filed online; supplement: added later; step: produced by a step
  stage          text NOT NULL CHECK (stage IN ('reception', 'supplement', 'step')),
  task_id        uuid REFERENCES tasks (id),
  file_name      text,
  content_type   text NOT NULL,
  size           bigint NOT NULL CHECK (size >= 0),
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  note           text,
  uploaded_at    timestamptz NOT NULL,
  uploaded_by    text,
  UNIQUE (dossier_id, document_code, version),
  CHECK ((stage = 'step') = (task_id IS NOT NULL))
);
CREATE INDEX dossier_documents_sha_idx ON dossier_documents (sha256);
CREATE INDEX dossier_documents_task_idx ON dossier_documents (task_id) WHERE task_id IS NOT NULL;

-- A paper only shown at the desk, or a required paper excused with a note.
CREATE TABLE dossier_paper_marks (
  dossier_id     bigint NOT NULL REFERENCES dossiers (id),
  document_code  text NOT NULL,
  mark           text NOT NULL CHECK (mark IN ('shown', 'excused')),
  note           text,
  at             timestamptz NOT NULL,
  by_actor       text,
  PRIMARY KEY (dossier_id, document_code, mark)
);

-- The citizen's secret for the e-result, printed on the receipt; kept as a hash only.
CREATE TABLE dossier_result_secrets (
  dossier_id     bigint PRIMARY KEY REFERENCES dossiers (id),
  secret_sha256  text NOT NULL,
  created_at     timestamptz NOT NULL
);

-- Every download and every refused read of a dossier's documents.
CREATE TABLE document_access_log (
  id             bigserial PRIMARY KEY,
  at             timestamptz NOT NULL,
  actor          text,
  action         text NOT NULL CHECK (action IN ('download', 'public_download', 'refused')),
  dossier_code   text,
  document_id    uuid,
  sha256         text,
  size           bigint,
  detail         text
);
CREATE INDEX document_access_log_dossier_idx ON document_access_log (dossier_code, at);

CREATE FUNCTION refuse_document_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: documents are never overwritten or deleted', TG_TABLE_NAME;
END $$;
CREATE TRIGGER dossier_documents_append_only BEFORE UPDATE OR DELETE ON dossier_documents
  FOR EACH ROW EXECUTE FUNCTION refuse_document_change();
CREATE TRIGGER document_access_log_append_only BEFORE UPDATE OR DELETE ON document_access_log
  FOR EACH ROW EXECUTE FUNCTION refuse_document_change();
