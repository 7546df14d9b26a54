export type Timeliness = 'early' | 'on_time' | 'late';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

function localDay(t: Date, offsetMs: number): number {
  return Math.floor((t.getTime() + offsetMs) / 86_400_000);
}

/**
 * Circular 01/2018 counts a result as early when it is ready on a day before
 * the promised day, on time when on the promised day (at or before the promised
 * time), late after the promised time.
 */
export function classifyTimeliness(completedAt: Date, dueAt: Date | null, offsetMs = VIETNAM_OFFSET_MS): Timeliness {
  if (!dueAt) return 'on_time';
  if (completedAt.getTime() > dueAt.getTime()) return 'late';
  return localDay(completedAt, offsetMs) < localDay(dueAt, offsetMs) ? 'early' : 'on_time';
}
