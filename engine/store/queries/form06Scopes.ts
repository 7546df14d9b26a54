// The rows form 06 counts, shared by the counts and by the lists behind each
// cell so that a cell and its list can never disagree.
//
// Per procedure: dossiers received before the period's end and not finished
// before its start; a dossier is finished when resolved (result ready),
// withdrawn or refused. Per department: the steps routed to it likewise.
// A dossier waiting for the citizen's supplement has its clocks stopped: it is
// pending, never overdue.
export const PROCEDURE_SCOPE = `
WITH scope AS (
  SELECT d.*, COALESCE(d.resolved_at, d.withdrawn_at, d.refused_at) AS finished_at,
         EXISTS (SELECT 1 FROM apologies a WHERE a.dossier_id = d.id) AS apologised,
         EXISTS (SELECT 1 FROM supplements s WHERE s.dossier_id = d.id AND s.requested_at < $2
                   AND (s.received_at IS NULL OR s.received_at >= $2)) AS awaiting_supplement
    FROM dossiers d
   WHERE d.received_at < $2
     AND (d.received_at >= $1 OR COALESCE(d.resolved_at, d.withdrawn_at, d.refused_at) IS NULL
          OR COALESCE(d.resolved_at, d.withdrawn_at, d.refused_at) >= $1)
), flagged AS (
  SELECT s.*,
         s.received_at >= $1 AS received_in_period,
         s.resolved_at >= $1 AND s.resolved_at < $2 AS resolved_in_period,
         s.resolved_at > s.due_at AS late,
         (s.finished_at IS NULL OR s.finished_at >= $2) AS pending
    FROM scope s
)`;

export const DEPARTMENT_SCOPE = `
WITH scope AS (
  SELECT t.*, d.channel, d.withdrawn_at AS dossier_withdrawn_at,
         EXISTS (SELECT 1 FROM apologies a WHERE a.dossier_id = d.id) AS apologised,
         EXISTS (SELECT 1 FROM supplements s WHERE s.dossier_id = d.id AND s.requested_at < $2
                   AND (s.received_at IS NULL OR s.received_at >= $2)) AS awaiting_supplement
    FROM tasks t JOIN dossiers d ON d.id = t.dossier_id
   WHERE t.created_at < $2 AND (t.created_at >= $1 OR t.completed_at IS NULL OR t.completed_at >= $1)
), flagged AS (
  SELECT s.*,
         s.created_at >= $1 AS received_in_period,
         s.status = 'completed' AND s.completed_at >= $1 AND s.completed_at < $2 AS resolved_in_period,
         (s.completed_at IS NULL OR s.completed_at >= $2) AS pending
    FROM scope s
)`;
