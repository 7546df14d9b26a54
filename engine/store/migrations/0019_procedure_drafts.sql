-- Procedures go live deliberately: a version is a draft until published, takes
-- effect at a chosen time (dossiers received before it keep the previous
-- version), and may need a second analyst's approval.

ALTER TABLE procedure_versions ADD COLUMN effective_at timestamptz;
UPDATE procedure_versions SET effective_at = deployed_at;
ALTER TABLE procedure_versions ALTER COLUMN effective_at SET NOT NULL;
ALTER TABLE procedure_versions ALTER COLUMN effective_at SET DEFAULT now();
ALTER TABLE procedure_versions ADD COLUMN approved_by text;
ALTER TABLE procedure_versions ADD COLUMN approved_at timestamptz;
ALTER TABLE procedure_versions ADD COLUMN draft_id uuid;
-- The version in force at a reception: the highest version whose effective time has come.
CREATE INDEX procedure_versions_in_force_idx ON procedure_versions (procedure_code, version DESC) INCLUDE (effective_at);

CREATE TABLE procedure_drafts (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Read from the file when it parses; a draft that does not parse has none yet.
  procedure_code       text,
  name                 text,
  bpmn_xml             text NOT NULL,
  based_on_version     integer,
  status               text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'awaiting_approval', 'published')),
  created_by           text NOT NULL,
  created_at           timestamptz NOT NULL,
  updated_by           text NOT NULL,
  updated_at           timestamptz NOT NULL,
  publish_requested_by text,
  publish_requested_at timestamptz,
  effective_at         timestamptz,
  published_version    integer,
  row_version          integer NOT NULL DEFAULT 1
);
CREATE INDEX procedure_drafts_open_idx ON procedure_drafts (updated_at DESC) WHERE status <> 'published';
