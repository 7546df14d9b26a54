export type IncidentKind = 'job-failed' | 'process-error';

export interface IncidentRow {
  id: string;
  dossierId: number;
  dossierCode: string;
  kind: IncidentKind;
  elementId: string | null;
  taskId: string | null;
  waitId: string | null;
  message: string;
  status: 'open' | 'resolved';
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
}

export const INCIDENT_COLUMNS = `i.id::text, i.dossier_id AS "dossierId", d.code AS "dossierCode", i.kind, i.element_id AS "elementId",
  i.task_id AS "taskId", i.wait_id::text AS "waitId", i.message, i.status, i.created_at AS "createdAt",
  i.resolved_at AS "resolvedAt", i.resolved_by AS "resolvedBy"`;
