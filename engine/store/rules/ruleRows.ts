import type { Queryable } from '../db.js';
import type { RuleRecord, RuleSet } from '../../calendar/ruleSets.js';

/** Inserts the shipped records that are not there yet; an administrator's records and closings win. */
export async function seedRuleRecords(db: Queryable, records: readonly RuleRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db.query(
    `INSERT INTO rule_records (id, kind, body, valid_from, valid_to)
     SELECT r.id, r.kind, r.body, r.valid_from, r.valid_to
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, kind text, body jsonb, valid_from timestamptz, valid_to timestamptz)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(records.map((r) => ({ id: r.id, kind: r.kind, body: r.body, valid_from: r.validFrom, valid_to: r.validTo })))],
  );
}

export async function loadRuleRecords(db: Queryable): Promise<RuleRecord[]> {
  const { rows } = await db.query<{ id: string; kind: RuleRecord['kind']; body: unknown; validFrom: Date; validTo: Date | null }>(
    `SELECT id, kind, body, valid_from AS "validFrom", valid_to AS "validTo" FROM rule_records ORDER BY valid_from, id`,
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, body: r.body, validFrom: r.validFrom.toISOString(), validTo: r.validTo?.toISOString() ?? null }) as RuleRecord);
}

/** Adds a record, closing the open record of the same kind it supersedes (cut-off, supplement, scoring); one transaction by the caller. */
export async function insertRuleRecord(db: Queryable, record: RuleRecord, closes: readonly { id: string; validTo: string }[]): Promise<void> {
  for (const c of closes) await db.query('UPDATE rule_records SET valid_to = $2 WHERE id = $1', [c.id, c.validTo]);
  await db.query('INSERT INTO rule_records (id, kind, body, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5)', [
    record.id, record.kind, JSON.stringify(record.body), record.validFrom, record.validTo,
  ]);
}

/** Keeps a rule set a dossier is being pinned to (idempotent: the id is derived from the content). */
export async function saveRuleSet(db: Queryable, set: RuleSet): Promise<void> {
  await db.query(
    `INSERT INTO rule_sets (id, name, valid_from, valid_to, rules) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
    [set.id, set.name, set.validFrom, set.validTo, JSON.stringify(set)],
  );
}

export async function loadRuleSets(db: Queryable): Promise<RuleSet[]> {
  const { rows } = await db.query<{ rules: RuleSet }>('SELECT rules FROM rule_sets ORDER BY valid_from');
  return rows.map((r) => r.rules);
}

/** The id and name of a set, for the views that name the rules a dossier was pinned to. */
export async function ruleSetSummary(db: Queryable, id: string): Promise<{ id: string; name: string } | null> {
  const { rows } = await db.query<{ id: string; name: string }>('SELECT id, name FROM rule_sets WHERE id = $1', [id]);
  return rows[0] ?? null;
}
