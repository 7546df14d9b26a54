// A deadline as the analyst enters it (an amount and a unit) and as the file
// stores it (an ISO-8601 duration read by engine/duration/isoDuration.ts).
// Pure functions, unit-tested in node.

import { durationToMs, parseDuration, WORKING_DAY_HOURS, type Clock } from '../../../../engine/duration/isoDuration.js';

export type DurationUnit = 'D' | 'H' | 'M';

export interface AmountAndUnit {
  amount: number;
  unit: DurationUnit;
}

export const UNITS: readonly DurationUnit[] = ['D', 'H', 'M'];

/** Rounds away binary noise (0.1 + 0.2) without losing what a person types. */
function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * What to show for a stored duration: the unit it is written in when it has
 * one component (P3D, PT4H, PT30M), else the largest unit that expresses it
 * exactly on its clock (P1DT4H on the working clock is 12 hours). `null` for
 * no value, `'invalid'` for a value that does not parse.
 */
export function splitDuration(iso: string | undefined | null, clock: Clock): AmountAndUnit | null | 'invalid' {
  if (iso === undefined || iso === null || iso.trim() === '') return null;
  const d = parseDuration(iso);
  if (!d) return 'invalid';
  const parts = [d.weeks, d.days, d.hours, d.minutes, d.seconds].filter((n) => n !== 0).length;
  if (parts <= 1) {
    if (d.days || (!d.weeks && !d.hours && !d.minutes && !d.seconds)) return { amount: d.days, unit: 'D' };
    if (d.hours) return { amount: d.hours, unit: 'H' };
    if (d.minutes) return { amount: d.minutes, unit: 'M' };
  }
  const ms = durationToMs(d, clock);
  const dayMs = (clock === 'working' ? WORKING_DAY_HOURS : 24) * 3_600_000;
  if (ms % dayMs === 0) return { amount: ms / dayMs, unit: 'D' };
  if (ms % 3_600_000 === 0) return { amount: ms / 3_600_000, unit: 'H' };
  return { amount: tidy(ms / 60_000), unit: 'M' };
}

/** The ISO-8601 text for an amount and unit: 2 D → P2D, 4 H → PT4H, 30 M → PT30M. */
export function joinDuration(amount: number, unit: DurationUnit): string {
  const n = String(tidy(amount));
  return unit === 'D' ? `P${n}D` : `PT${n}${unit}`;
}

/**
 * Parses what was typed in the amount box: a positive number, with a comma
 * or a dot as decimal separator (Vietnamese writes 0,5). Null for empty,
 * NaN for anything else.
 */
export function parseAmount(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+(?:[.,]\d+)?$/.test(trimmed)) return Number.NaN;
  const n = Number(trimmed.replace(',', '.'));
  return n > 0 ? n : Number.NaN;
}
