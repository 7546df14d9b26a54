// Which version of a procedure a dossier gets: the latest published version
// whose effective time is at or before the dossier's reception. A version
// published with a later effective time leaves the dossiers received before
// it on the previous version. Every place that picks "the version of a
// procedure" for a dossier (reception, the desk's checklist of papers, a call
// activity starting the called procedure) asks here.

import type { Queryable } from '../store/db.js';
import { getVersionInForce, type ProcedureVersionRow } from '../store/procedures/procedureRows.js';

export type { ProcedureVersionRow } from '../store/procedures/procedureRows.js';

/**
 * The version of `procedureCode` in force at `at` (a reception time), or null
 * when none is yet. `now` (default `at`): a reception dated before the first
 * version took effect gets the first version in force at `now`.
 */
export function versionInForceAt(db: Queryable, procedureCode: string, at: Date, now: Date = at): Promise<ProcedureVersionRow | null> {
  return getVersionInForce(db, procedureCode, at, now);
}
