import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';

export interface DossierEvent {
  id: number;
  type: string;
  at: Date;
  actor: string | null;
  payload: Record<string, unknown>;
}

export interface NewEvent {
  type: string;
  at: Date;
  actor?: string | null;
  payload?: Record<string, unknown>;
}

/** Appends events in order; the table refuses updates and deletes. */
export async function appendEvents(db: Queryable, dossierId: number, events: NewEvent[]): Promise<void> {
  if (!events.length) return;
  const values: unknown[] = [];
  const tuples = events.map((e, i) => {
    values.push(dossierId, e.type, e.at, e.actor ?? null, JSON.stringify(e.payload ?? {}));
    const b = i * 5;
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`;
  });
  await db.query(named(`INSERT INTO dossier_events (dossier_id, type, at, actor, payload) VALUES ${tuples.join(', ')}`, values));
}

/**
 * Appends the change's events and reads the dossier's status as it stands in
 * the transaction, in one round trip: the unit of work compares it with the
 * status it locked to know whether the portal must hear of the change.
 */
export async function appendEventsReadingStatus(db: Queryable, dossierId: number, events: NewEvent[]): Promise<string | null> {
  const values: unknown[] = [dossierId];
  const tuples = events.map((e, i) => {
    values.push(e.type, e.at, e.actor ?? null, JSON.stringify(e.payload ?? {}));
    const b = 1 + i * 4;
    return `($1, $${b + 1}, $${b + 2}, $${b + 3}, $${b + 4})`;
  });
  const append = tuples.length ? `WITH appended AS (INSERT INTO dossier_events (dossier_id, type, at, actor, payload) VALUES ${tuples.join(', ')}) ` : '';
  const { rows } = await db.query<{ status: string }>(named(`${append}SELECT status FROM dossiers WHERE id = $1`, values));
  return rows[0]?.status ?? null;
}

export async function listEvents(db: Queryable, dossierId: number): Promise<DossierEvent[]> {
  const { rows } = await db.query<DossierEvent>(
    named('SELECT id, type, at, actor, payload FROM dossier_events WHERE dossier_id = $1 ORDER BY id', [dossierId]));
  return rows;
}
