import { statusView, type CreatedTask, type DossierExtras, type DossierStatus, type DossierView, type TaskRow, type TaskWithForm, type WaitingOn } from '../../engine/index.js';

// The API's representations, built field by field: internal columns (row ids,
// engine state, row versions) never reach a caller by accident.

/** Times read from json_build_object arrive as text with the session's offset; the API speaks UTC. */
export function iso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export const statusJson = (status: DossierStatus) => statusView(status);

export function taskJson(t: TaskRow & { form?: Record<string, unknown> | null }) {
  return {
    id: t.id,
    dossierCode: t.dossierCode,
    procedureCode: t.procedureCode,
    elementId: t.elementId,
    name: t.name,
    department: t.department,
    fromDepartment: t.fromDepartment,
    status: t.status,
    assignee: t.assignee,
    createdAt: iso(t.createdAt),
    dueAt: iso(t.dueAt),
    completedAt: iso(t.completedAt),
    completedBy: t.completedBy,
    timeliness: t.timeliness,
    form: t.form ?? null,
  };
}

export function routedTaskJson(t: Pick<CreatedTask, 'id' | 'elementId' | 'name' | 'department' | 'fromDepartment' | 'handedOverAt' | 'dueAt'>) {
  return {
    id: t.id,
    elementId: t.elementId,
    name: t.name,
    department: t.department,
    fromDepartment: t.fromDepartment,
    handedOverAt: iso(t.handedOverAt),
    dueAt: iso(t.dueAt),
  };
}

/** `stepForms`: the step forms of the dossier's procedure version, by element id. */
export function dossierJson(d: DossierView, extras: DossierExtras, stepForms: Record<string, { form: Record<string, unknown> | null }>, waiting: WaitingOn) {
  return {
    code: d.code,
    procedureCode: d.procedureCode,
    procedureName: extras.procedureName,
    procedureVersion: extras.procedureVersion,
    status: d.status,
    statusCode: d.status.code,
    channel: d.channel,
    receivingAgency: d.receivingAgency,
    resolvingAgency: d.resolvingAgency,
    applicant: d.applicant,
    data: d.data,
    submittedAt: iso(d.submittedAt),
    receivedAt: iso(d.receivedAt),
    clockStartedAt: iso(d.clockStartedAt),
    dueAt: iso(d.dueAt),
    originalDueAt: iso(d.originalDueAt),
    resolvedAt: iso(d.resolvedAt),
    returnedAt: iso(d.returnedAt),
    refusedAt: iso(d.refusedAt),
    withdrawnAt: iso(d.withdrawnAt),
    stoppedAt: iso(d.stoppedAt),
    refusalReasons: d.refusalReasons,
    returnChannel: d.returnChannel,
    trackingNumber: d.trackingNumber,
    ruleSet: extras.ruleSet,
    timeliness: d.timeliness,
    openTasks: d.openTasks.map((t) => taskJson({ ...t, form: stepForms[t.elementId]?.form ?? null })),
    waitingOn: waitingOnJson(waiting),
    apology: extras.apology && {
      reason: extras.apology.reason,
      responsibleDepartment: extras.apology.responsibleDepartment,
      previousDueAt: iso(extras.apology.previousDueAt),
      newDueAt: iso(extras.apology.newDueAt),
      issuedAt: iso(extras.apology.issuedAt),
      issuedBy: extras.apology.issuedBy,
    },
    supplements: extras.supplements.map((s) => ({
      department: s.department,
      reason: s.reason,
      items: s.items,
      requestedAt: iso(s.requestedAt),
      requestedBy: s.requestedBy,
      receivedAt: iso(s.receivedAt),
      receivedBy: s.receivedBy,
      dueBefore: iso(s.dueBefore),
      dueAfter: iso(s.dueAfter),
    })),
  };
}

export function taskDetailJson(t: TaskWithForm, dossier: { code: string; status: DossierStatus; applicant: unknown; data: unknown; receivedAt: Date; dueAt: Date | null }) {
  return {
    ...taskJson(t),
    data: t.data,
    dossier: {
      code: dossier.code,
      status: statusJson(dossier.status),
      applicant: dossier.applicant,
      data: dossier.data,
      receivedAt: iso(dossier.receivedAt),
      dueAt: iso(dossier.dueAt),
    },
  };
}

/** What the dossier waits on, times as ISO strings. */
export function waitingOnJson(w: WaitingOn) {
  const due = <T extends { dueAt: Date | null }>(x: T) => ({ ...x, dueAt: iso(x.dueAt) });
  return {
    tasks: w.tasks.map(due),
    jobs: w.jobs.map(due),
    timers: w.timers.map(due),
    messages: w.messages.map(due),
    incidents: w.incidents.map((i) => ({ ...i, createdAt: iso(i.createdAt) })),
  };
}
