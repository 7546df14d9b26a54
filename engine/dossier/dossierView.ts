import type { Queryable } from '../store/db.js';
import { getDossierByCode, type DossierRow } from '../store/dossiers/dossierRows.js';
import { listDossierTasks, type TaskRow } from '../store/tasks/taskRows.js';
import { listEvents, type DossierEvent } from '../store/events/eventRows.js';
import { controlSlip, type ControlSlipRow } from '../store/events/controlSlip.js';
import { NotFoundError } from '../errors.js';
import { statusView } from './statuses.js';
import { classifyTimeliness, type Timeliness } from '../timeliness/classifyTimeliness.js';

export interface DossierView extends Omit<DossierRow, 'status'> {
  status: ReturnType<typeof statusView>;
  openTasks: TaskRow[];
  /** Against the promised date: final once resolved, provisional while pending. */
  timeliness: Timeliness | 'overdue' | 'within_deadline' | null;
}

export async function requireDossier(db: Queryable, code: string): Promise<DossierRow> {
  const dossier = await getDossierByCode(db, code);
  if (!dossier) throw new NotFoundError(`dossier ${code} does not exist`).because('dossier-not-found', { code });
  return dossier;
}

export async function dossierView(db: Queryable, code: string, now: Date): Promise<DossierView> {
  const dossier = await requireDossier(db, code);
  const openTasks = await listDossierTasks(db, dossier.id, ['open', 'claimed']);
  let timeliness: DossierView['timeliness'] = null;
  if (dossier.resolvedAt) timeliness = classifyTimeliness(dossier.resolvedAt, dossier.dueAt);
  else if (dossier.dueAt) timeliness = now.getTime() > dossier.dueAt.getTime() ? 'overdue' : 'within_deadline';
  return { ...dossier, status: statusView(dossier.status), openTasks, timeliness };
}

export async function dossierHistory(db: Queryable, code: string): Promise<DossierEvent[]> {
  return listEvents(db, (await requireDossier(db, code)).id);
}

export async function dossierControlSlip(db: Queryable, code: string): Promise<ControlSlipRow[]> {
  return controlSlip(db, (await requireDossier(db, code)).id);
}
