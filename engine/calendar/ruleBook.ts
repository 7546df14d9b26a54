import type pg from 'pg';
import type { Queryable } from '../store/db.js';
import { withTransaction } from '../store/db.js';
import { insertRuleRecord, loadRuleRecords, loadRuleSets, saveRuleSet, seedRuleRecords } from '../store/rules/ruleRows.js';
import { ValidationError } from '../errors.js';
import { VN_RULE_RECORDS } from './nationalRules.js';
import { ruleRecordProblems, ruleSetAt, supersede, type RuleRecord, type RuleSet } from './ruleSets.js';

/**
 * The rule records in force over time (seeded from the repository's national
 * records) and the rule sets dossiers were pinned to, held in memory for the
 * synchronous due-time arithmetic and reloaded after every change.
 */
export class RuleBook {
  private records: RuleRecord[] = [...VN_RULE_RECORDS];
  private pinned = new Map<string, RuleSet>();
  private loaded: Promise<void> | null = null;

  constructor(private readonly pool: pg.Pool) {}

  /** Loads once (for callers that may come before start-up loaded it). */
  ready(): Promise<void> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  async load(): Promise<void> {
    this.loaded ??= Promise.resolve();
    await seedRuleRecords(this.pool, VN_RULE_RECORDS);
    this.records = await loadRuleRecords(this.pool);
    // Sets computed but not yet pinned stay known: their content is fixed by their id.
    for (const set of await loadRuleSets(this.pool)) this.pinned.set(set.id, set);
  }

  /** The rule set in force at `t`; known by its id from then on, so due times can be computed under it before it is pinned. */
  inForceAt(t: Date): RuleSet {
    const set = ruleSetAt(this.records, t);
    if (!this.pinned.has(set.id)) this.pinned.set(set.id, set);
    return this.pinned.get(set.id) as RuleSet;
  }

  /** A set a dossier was pinned to (or one computed here); undefined for an unknown id. */
  byId(id: string | null | undefined): RuleSet | undefined {
    return id ? this.pinned.get(id) : undefined;
  }

  /** Keeps `set` for the dossier being pinned to it, inside the caller's transaction. */
  static save(db: Queryable, set: RuleSet): Promise<void> {
    return saveRuleSet(db, set);
  }

  /** Pins: keeps the set in force at `t`, inside the caller's transaction, and returns it. */
  async pin(db: Queryable, t: Date): Promise<RuleSet> {
    const set = this.inForceAt(t);
    await saveRuleSet(db, set);
    return set;
  }

  /** All records, for the administrator's view. */
  list(): readonly RuleRecord[] {
    return this.records;
  }

  /**
   * Adds a record with its effective date. A new cut-off, supplement or
   * scoring rule closes the one in force at its start; dossiers already
   * received stay pinned to the sets they were given.
   */
  async add(record: RuleRecord): Promise<RuleRecord> {
    await this.ready();
    const next = supersede(this.records, record);
    const problems = ruleRecordProblems(next);
    if (problems.length) throw new ValidationError(`the rule is invalid: ${problems.join('; ')}`, problems.map((message) => ({ path: '', message })));
    const closes = next.filter((r) => {
      const before = this.records.find((o) => o.id === r.id);
      return before && before.validTo !== r.validTo;
    }).map((r) => ({ id: r.id, validTo: r.validTo as string }));
    await withTransaction(this.pool, (client) => insertRuleRecord(client, record, closes));
    await this.load();
    return record;
  }
}
