// Office hours are written the way they are posted at a receiving point:
// "08:00-12:00". Internally a period is a pair of minutes after midnight.

export interface Period {
  start: number; // minutes after local midnight
  end: number; // exclusive; 1440 allowed ("24:00")
}

const CLOCK_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes after midnight of "HH:MM", or null. "24:00" is accepted as the end of the day. */
export function parseClockTime(text: string): number | null {
  const match = typeof text === 'string' ? CLOCK_TIME.exec(text.trim()) : null;
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : null;
}

/** Parses "HH:MM-HH:MM"; returns a problem description instead when it is not a usable period. */
export function parsePeriod(text: unknown): Period | string {
  if (typeof text !== 'string') return `expected "HH:MM-HH:MM", got ${JSON.stringify(text)}`;
  const [from, to, ...rest] = text.split('-');
  const start = from === undefined ? null : parseClockTime(from);
  const end = to === undefined ? null : parseClockTime(to);
  if (rest.length > 0 || start === null || end === null) {
    return `"${text}" is not a period of the form "HH:MM-HH:MM" (24-hour clock)`;
  }
  if (start === 1440) return `"${text}" starts at 24:00`;
  if (end <= start) return `"${text}" ends before it starts`;
  return { start, end };
}

/** Sorted periods, or the problems found (bad syntax, overlaps). */
export function parsePeriods(texts: readonly unknown[]): { periods: Period[]; problems: string[] } {
  const problems: string[] = [];
  const periods: Period[] = [];
  texts.forEach((text, index) => {
    const parsed = parsePeriod(text);
    if (typeof parsed === 'string') problems.push(`[${index}]: ${parsed}`);
    else periods.push(parsed);
  });
  periods.sort((a, b) => a.start - b.start);
  for (let i = 1; i < periods.length; i++) {
    if (periods[i].start < periods[i - 1].end) {
      problems.push(`periods ${formatPeriod(periods[i - 1])} and ${formatPeriod(periods[i])} overlap`);
    }
  }
  return { periods, problems };
}

function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function formatPeriod(period: Period): string {
  return `${formatClockTime(period.start)}-${formatClockTime(period.end)}`;
}
