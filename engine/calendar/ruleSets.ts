// Rules as data with effective dates.
//
// Every rule that a law or a yearly decision may change is a record with a
// validity [validFrom, validTo): the holidays, each year's table of day swaps,
// the reception cut-off, the supplement rule and the scoring rule. A change is
// a new record (and the old one closed), never an edit, so the rules in force
// at any past instant can be rebuilt.
//
// A rule set is what is in force at one instant: one cut-off, one supplement
// rule, one scoring rule, the holidays and the day-swap tables. A dossier is
// pinned to the set in force at its reception, so a rule that takes effect
// later leaves the dossiers received before it as they were promised. A set's
// id is derived from its content, so the same rules always give the same id.

import { createHash } from 'node:crypto';
import type { CalendarDefinition, DaySwap, HolidayRule } from './calendarDefinition.js';
import { deepFreeze } from './deepFreeze.js';
import { holidayRuleProblems } from './holidayRules.js';
import { parseClockTime } from './officeHours.js';

export type SupplementPolicy = 'restart' | 'extend';

/** How a supplement request acts on the clock (Decree 118; sector texts). */
export interface SupplementRule {
  /** The policy of a procedure that does not choose one. */
  defaultPolicy: SupplementPolicy;
  /** A department may ask for a supplement within this many working days of receiving the dossier. */
  requestWithinWorkingDays: number;
}

/** How a dossier is scored (the national 766 progress indicator). */
export interface ScoringRule {
  /** Points of the progress group. */
  progressPoints: number;
  /** The time between a supplement request and its completion is not counted. */
  supplementPauseSubtracted: boolean;
  /** More supplement requests than this make the dossier overdue in the index. */
  maxSupplementRequestsOnTime: number;
}

export interface RuleBodies {
  holiday: HolidayRule;
  day_swaps: { year: number; swaps: DaySwap[]; source?: string };
  cutoff: { time: string | null };
  supplement: SupplementRule;
  scoring: ScoringRule;
}

export type RuleKind = keyof RuleBodies;
export const RULE_KINDS: readonly RuleKind[] = ['holiday', 'day_swaps', 'cutoff', 'supplement', 'scoring'];
/** Kinds of which exactly one record is in force at any instant. */
const SINGLE_KINDS: readonly RuleKind[] = ['cutoff', 'supplement', 'scoring'];

export type RuleRecord = {
  [K in RuleKind]: {
    id: string;
    kind: K;
    body: RuleBodies[K];
    /** ISO-8601 instant from which the record is in force. */
    validFrom: string;
    /** ISO-8601 instant from which it no longer is; null = open-ended. */
    validTo: string | null;
  };
}[RuleKind];

export interface RuleSet {
  /** Derived from the records it holds: the same rules always give the same id. */
  id: string;
  name: string;
  /** The window in which exactly these records are in force, as far as the records say. */
  validFrom: string;
  validTo: string | null;
  ruleIds: string[];
  cutoff: string | null;
  supplement: SupplementRule;
  scoring: ScoringRule;
  holidays: HolidayRule[];
  daySwaps: DaySwap[];
}

/** A calendar reference that carries the rule set a dossier is pinned to. */
export interface PinnedCalendar {
  calendarId: string | null;
  ruleSetId: string | null;
}

/** How the deadline arithmetic names a calendar: by id (the rules of today), or pinned to a rule set. */
export type CalendarRef = string | null | undefined | PinnedCalendar;

export function isPinned(ref: CalendarRef): ref is PinnedCalendar {
  return typeof ref === 'object' && ref !== null;
}

/** The calendar of a dossier: pinned to its rule set when it has one (dossiers received before rule sets existed have none). */
export function pinnedTo(calendarId: string | null, ruleSetId: string | null | undefined): CalendarRef {
  return ruleSetId ? { calendarId, ruleSetId } : calendarId;
}

const instant = (iso: string) => Date.parse(iso);
const inForce = (r: RuleRecord, t: number) => instant(r.validFrom) <= t && (r.validTo === null || t < instant(r.validTo));

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function bodyProblems(r: RuleRecord, at: string): string[] {
  const body = r.body as unknown;
  if (!isRecord(body)) return [`${at}.body must be an object`];
  switch (r.kind) {
    case 'holiday':
      return holidayRuleProblems([body], `${at}.body`).map((p) => p.replace(`${at}.body[0]`, `${at}.body`));
    case 'day_swaps':
      return Number.isInteger(body.year) && Array.isArray(body.swaps) ? [] : [`${at}.body must be { "year": 2027, "swaps": [...] }`];
    case 'cutoff':
      return body.time === null || (typeof body.time === 'string' && parseClockTime(body.time) !== null) ? [] : [`${at}.body.time must be "HH:MM" or null`];
    case 'supplement':
      return (body.defaultPolicy === 'restart' || body.defaultPolicy === 'extend') && Number.isInteger(body.requestWithinWorkingDays)
        ? []
        : [`${at}.body must give defaultPolicy "restart" or "extend" and requestWithinWorkingDays`];
    case 'scoring':
      return typeof body.progressPoints === 'number' && typeof body.supplementPauseSubtracted === 'boolean' && Number.isInteger(body.maxSupplementRequestsOnTime)
        ? []
        : [`${at}.body must give progressPoints, supplementPauseSubtracted and maxSupplementRequestsOnTime`];
    default:
      return [];
  }
}

/** Problems of a list of rule records, in words an administrator can act on; empty when valid. */
export function ruleRecordProblems(records: readonly RuleRecord[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  records.forEach((r, i) => {
    const at = `rules[${i}]${r && typeof r.id === 'string' ? ` (${r.id})` : ''}`;
    if (!r || typeof r.id !== 'string' || !r.id) return void problems.push(`${at}.id must be a non-empty text`);
    if (ids.has(r.id)) problems.push(`${at}: the id is used twice`);
    ids.add(r.id);
    if (!RULE_KINDS.includes(r.kind)) return void problems.push(`${at}.kind must be one of ${RULE_KINDS.join(', ')}`);
    if (Number.isNaN(instant(r.validFrom))) problems.push(`${at}.validFrom must be an ISO-8601 instant`);
    if (r.validTo !== null && !(instant(r.validTo) > instant(r.validFrom))) problems.push(`${at}.validTo must be null or come after validFrom`);
    problems.push(...bodyProblems(r, at));
  });
  for (const kind of SINGLE_KINDS) {
    const ofKind = records.filter((r) => r.kind === kind).sort((a, b) => instant(a.validFrom) - instant(b.validFrom));
    for (let i = 1; i < ofKind.length; i++) {
      const previous = ofKind[i - 1];
      if (previous.validTo === null || instant(previous.validTo) > instant(ofKind[i].validFrom)) {
        problems.push(`${kind} rules ${previous.id} and ${ofKind[i].id} are both in force from ${ofKind[i].validFrom}: close the first before the second starts`);
      }
    }
  }
  return problems;
}

function ruleSetId(records: readonly RuleRecord[]): string {
  const content = records.map((r) => JSON.stringify([r.id, r.kind, r.body])).sort().join('\n');
  return `rs-${createHash('sha256').update(content).digest('hex').slice(0, 12)}`;
}

function formatLocalDate(iso: string): string {
  const local = new Date(instant(iso) + 7 * 3_600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}

/**
 * The rule set in force at `at`: the records valid then, and the window over
 * which exactly those records stay in force. Throws when a single rule
 * (cut-off, supplement, scoring) has no record at that instant.
 */
export function ruleSetAt(records: readonly RuleRecord[], at: Date): RuleSet {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new RangeError('ruleSetAt: not a valid Date');
  const current = records.filter((r) => inForce(r, t));
  const single = <K extends 'cutoff' | 'supplement' | 'scoring'>(kind: K): RuleBodies[K] => {
    const found = current.find((r) => r.kind === kind);
    if (!found) throw new RangeError(`no ${kind} rule is in force on ${at.toISOString()}: add a record whose validity covers it`);
    return found.body as RuleBodies[K];
  };
  const starts = current.map((r) => instant(r.validFrom));
  // The window ends where a current record ends or a future one begins.
  const ends = [
    ...current.filter((r) => r.validTo !== null).map((r) => instant(r.validTo as string)),
    ...records.filter((r) => instant(r.validFrom) > t).map((r) => instant(r.validFrom)),
  ];
  const validFrom = new Date(Math.max(...starts)).toISOString();
  const validTo = ends.length ? new Date(Math.min(...ends)).toISOString() : null;
  const ordered = [...current].sort((a, b) => a.id.localeCompare(b.id));
  const daySwaps = new Map<string, DaySwap>();
  for (const r of ordered) if (r.kind === 'day_swaps') for (const swap of r.body.swaps) daySwaps.set(swap.date, swap);
  return deepFreeze({
    id: ruleSetId(current),
    name: `Quy tắc áp dụng từ ${formatLocalDate(validFrom)}`,
    validFrom,
    validTo,
    ruleIds: ordered.map((r) => r.id),
    cutoff: single('cutoff').time,
    supplement: single('supplement'),
    scoring: single('scoring'),
    holidays: ordered.flatMap((r) => (r.kind === 'holiday' ? [r.body] : [])),
    daySwaps: [...daySwaps.values()].sort((a, b) => a.date.localeCompare(b.date)),
  });
}

/**
 * The calendar of a receiving point under a rule set: the set's cut-off,
 * holidays and yearly tables; the receiving point keeps its office hours, and
 * its own day swaps win over the national table on the same date.
 */
export function calendarUnderRuleSet(def: CalendarDefinition, set: RuleSet): CalendarDefinition {
  const swaps = new Map<string, DaySwap>();
  for (const swap of set.daySwaps) swaps.set(swap.date, swap);
  for (const swap of def.daySwaps) swaps.set(swap.date, swap);
  return {
    ...def,
    id: `${def.id}@${set.id}`,
    cutoff: set.cutoff,
    holidays: set.holidays,
    daySwaps: [...swaps.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/** Adds `next` and closes the open record of the same single kind at its start. */
export function supersede(records: readonly RuleRecord[], next: RuleRecord): RuleRecord[] {
  const closed = records.map((r) =>
    r.kind === next.kind && SINGLE_KINDS.includes(r.kind) && instant(r.validFrom) < instant(next.validFrom) && (r.validTo === null || instant(r.validTo) > instant(next.validFrom))
      ? ({ ...r, validTo: next.validFrom } as RuleRecord)
      : r,
  );
  return [...closed, next];
}
