-- A fired timer records every step that fell due around its time in one
-- statement (a burst of due times costs one query, not one per job).
CREATE INDEX tasks_open_due_idx ON tasks (due_at) WHERE status IN ('open', 'claimed');
CREATE INDEX tasks_open_warn_idx ON tasks (warn_at) WHERE status IN ('open', 'claimed');
CREATE INDEX dossiers_processing_due_idx ON dossiers (due_at) WHERE status = 'processing';
CREATE INDEX breaches_task_idx ON breaches (task_id, due_at);
