import type pg from 'pg';
import type { DefinitionCache } from './procedures/definitionCache.js';
import type { TimeRules } from './deadlines/timeRules.js';
import type { CreatedTask } from './tasks/createTasks.js';

/** What changed in one committed dossier transaction, for side effects after commit. */
export interface CommittedChange {
  dossierId: number;
  dossierCode: string;
  created: CreatedTask[];
  /** Tasks completed or cancelled in the transaction. */
  closed: string[];
  resolved: boolean;
}

export interface EngineHooks {
  /**
   * Runs after the transaction committed (timers, webhooks). A failure here
   * never undoes the committed change; the deadline sweep reconciles.
   */
  afterCommit(change: CommittedChange): Promise<void>;
}

export interface EngineContext {
  pool: pg.Pool;
  definitions: DefinitionCache;
  time: TimeRules;
  hooks: EngineHooks;
  /** Default receiving agency identifier for dossier codes, e.g. 000.00.12.H26. */
  receivingAgency: string;
  /** Department code of the one-stop desk: the first handover comes from it. */
  deskDepartment: string;
}
