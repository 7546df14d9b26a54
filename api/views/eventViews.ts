import type { IncidentRow, LockedJob } from '../../engine/index.js';
import { iso } from './jsonViews.js';

export function lockedJobJson(j: LockedJob) {
  return { ...j, lockedUntil: iso(j.lockedUntil), dueAt: iso(j.dueAt) };
}

export function incidentJson(i: IncidentRow) {
  return {
    id: i.id,
    dossierCode: i.dossierCode,
    kind: i.kind,
    elementId: i.elementId,
    jobId: i.taskId,
    message: i.message,
    status: i.status,
    createdAt: iso(i.createdAt),
    resolvedAt: iso(i.resolvedAt),
    resolvedBy: i.resolvedBy,
  };
}
