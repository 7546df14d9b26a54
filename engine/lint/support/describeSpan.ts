// Milliseconds of a clock back into words for lint messages, in the units a
// clerk reads statutory time limits in (days, then hours, then minutes).

import { WORKING_DAY_HOURS, type Clock } from '../../duration/isoDuration.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export function describeSpan(ms: number, clock: Clock): string {
  const qualifier = clock === 'working' ? 'working ' : '';
  const dayMs = (clock === 'working' ? WORKING_DAY_HOURS : 24) * HOUR_MS;

  // Seconds are noise at the scale of statutory deadlines: round up to the
  // minute so a non-zero span never reads as "0 minutes".
  let rest = Math.ceil(Math.max(0, ms) / MINUTE_MS) * MINUTE_MS;
  const days = Math.floor(rest / dayMs);
  rest -= days * dayMs;
  const hours = Math.floor(rest / HOUR_MS);
  rest -= hours * HOUR_MS;
  const minutes = rest / MINUTE_MS;

  const parts = [
    unit(days, `${qualifier}day`),
    unit(hours, `${qualifier}hour`),
    unit(minutes, `${qualifier}minute`),
  ].filter((part): part is string => part !== null);

  if (parts.length === 0) return `0 ${qualifier}minutes`;
  if (parts.length === 1) return parts[0]!;
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function unit(count: number, name: string): string | null {
  if (count === 0) return null;
  return `${count} ${name}${count === 1 ? '' : 's'}`;
}
