// What one dossier change hands on after it committed. Types only: the engine
// context, the routing and the unit of work all import them, none another.

/** A step routed to a department, as the caller and the timers see it. */
export interface CreatedTask {
  id: string;
  elementId: string;
  name: string;
  department: string;
  fromDepartment: string | null;
  handedOverAt: Date;
  dueAt: Date | null;
  warnAt: Date | null;
  counted: boolean;
}

/** A due time to watch: of a step (taskId) or of the dossier's promised date (taskId null). */
export interface DeadlineTimer {
  dossierId: number;
  taskId: string | null;
  dueAt: Date;
  warnAt: Date | null;
}

/** A fact departments or supervisors are told about (webhooks, dashboards). */
export interface OutboundEvent {
  event: 'task.created' | 'task.warning' | 'task.breached' | 'dossier.warning' | 'dossier.breached' | 'dossier.resolved';
  /** The department concerned; null for dossier-level facts of the desk. */
  department: string | null;
  dossierCode: string;
  taskId?: string;
  at: Date;
  payload: Record<string, unknown>;
}

/** What changed in one committed dossier transaction, for side effects after commit. */
export interface CommittedChange {
  dossierId: number;
  dossierCode: string;
  /** Steps routed in the transaction; their timers are scheduled. */
  created: CreatedTask[];
  /** Tasks completed or cancelled in the transaction: their timers are void. */
  closed: string[];
  /** Other due times set or moved in the transaction (promised date, rescheduled steps). */
  timers: DeadlineTimer[];
  /** The promised date no longer runs (resolved, withdrawn, paused). */
  dossierTimersVoid: boolean;
  notify: OutboundEvent[];
  /** BPMN timers recorded in the transaction (waits), to be fired at their due time. */
  waitTimers?: WaitTimer[];
}

/** A BPMN timer of a dossier, recorded on its wait row, due at `dueAt`. */
export interface WaitTimer {
  waitId: string;
  dueAt: Date;
}
