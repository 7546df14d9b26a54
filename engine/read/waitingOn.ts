import type { Queryable } from '../store/db.js';
import { waitsOfDossier } from '../store/waits/waitsOfDossier.js';
import { listIncidents } from '../store/incidents/listIncidents.js';
import type { TaskRow } from '../store/tasks/taskRows.js';
import type { RuntimeDefinition } from '../procedures/definitionCache.js';

/** What a dossier in processing waits on: nothing of it may be empty at once. */
export interface WaitingOn {
  tasks: Array<{ id: string; elementId: string; name: string; department: string; dueAt: Date | null }>;
  jobs: Array<{ id: string; elementId: string; name: string; department: string; dueAt: Date | null }>;
  timers: Array<{ elementId: string; name: string; dueAt: Date | null }>;
  messages: Array<{ elementId: string; name: string; messageName: string; department: string | null; dueAt: Date | null }>;
  incidents: Array<{ id: string; kind: string; elementId: string | null; message: string; createdAt: Date }>;
}

/** Reads the waits and open incidents of a dossier whose open steps were read already. */
export async function waitingOn(db: Queryable, dossierId: number, openTasks: TaskRow[], definition: RuntimeDefinition): Promise<WaitingOn> {
  const [waits, incidents] = await Promise.all([waitsOfDossier(db, dossierId), listIncidents(db, { status: 'open', dossierId })]);
  const step = (t: TaskRow) => ({ id: t.id, elementId: t.elementId, name: t.name, department: t.department, dueAt: t.dueAt });
  const replyDue = new Map(openTasks.filter((t) => t.kind === 'message').map((t) => [t.executionId, t.dueAt]));
  const nameOf = (elementId: string) => definition.model.elementNames[elementId] ?? elementId;
  return {
    tasks: openTasks.filter((t) => t.kind === 'user' || t.kind === undefined).map(step),
    jobs: openTasks.filter((t) => t.kind === 'job').map(step),
    timers: waits.filter((w) => w.kind === 'timer').map((w) => ({ elementId: w.elementId, name: nameOf(w.elementId), dueAt: w.dueAt })),
    messages: waits
      .filter((w) => w.kind === 'message')
      .map((w) => ({ elementId: w.elementId, name: nameOf(w.elementId), messageName: w.messageName ?? '', department: w.department, dueAt: replyDue.get(w.executionId) ?? null })),
    incidents: incidents.map((i) => ({ id: i.id, kind: i.kind, elementId: i.elementId, message: i.message, createdAt: i.createdAt })),
  };
}
