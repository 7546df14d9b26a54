import type pg from 'pg';
import type { DefinitionCache } from './procedures/definitionCache.js';
import type { TimeRules } from './deadlines/timeRules.js';
import type { CommittedChange, OutboundEvent } from './dossier/changeTypes.js';
import type { WarningLead } from './deadlines/warningTime.js';

// The change types live with the unit of work; named here too for the modules
// that plug into the context (deadline timers, webhooks).
export type { CommittedChange, CreatedTask, DeadlineTimer, OutboundEvent } from './dossier/changeTypes.js';

export interface EngineHooks {
  /**
   * Runs after the transaction committed (timers, webhooks). A failure here
   * never undoes the committed change; the deadline sweep reconciles.
   */
  afterCommit(change: CommittedChange): Promise<void>;
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
