import type pg from 'pg';
import type { DefinitionCache } from './procedures/definitionCache.js';
import type { TimeRules } from './deadlines/timeRules.js';
import type { CreatedTask } from './dossier/routing/createTasks.js';
import type { WarningLead } from './deadlines/warningTime.js';

/** A due time to watch: of a step (taskId) or of the dossier's promised date (taskId null). */
export interface DeadlineTimer {
  dossierId: number;
  taskId: string | null;
  dueAt: Date;
  warnAt: Date | null;
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
}

export interface EngineHooks {
  /**
   * Runs after the transaction committed (timers, webhooks). A failure here
   * never undoes the committed change; the deadline sweep reconciles.
   */
  afterCommit(change: CommittedChange): Promise<void>;
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

export interface Notifier {
  /** Called after commit; must never throw into the caller's step. */
  publish(events: OutboundEvent[]): Promise<void>;
}

export interface EngineContext {
  pool: pg.Pool;
  definitions: DefinitionCache;
  time: TimeRules;
  hooks: EngineHooks;
  notifier: Notifier;
  warningLead: WarningLead;
  /** Logs what failed after a commit (the committed change stands). */
  log(message: string): void;
  /** Default receiving agency identifier for dossier codes, e.g. 000.00.12.H26. */
  receivingAgency: string;
  /** Department code of the one-stop desk: the first handover comes from it. */
  deskDepartment: string;
}
