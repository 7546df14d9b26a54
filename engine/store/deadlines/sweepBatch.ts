/** One bounded batch of a sweep: what it recorded, and how many due rows it took (all of them when fewer than its limit). */
export interface SweepBatch<T> {
  recorded: T[];
  taken: number;
}

/** The batch's rows without the count every row carries (and without the empty row of a batch that recorded nothing). */
export function batchOf<T extends { id: number | null }>(rows: (T & { taken: number })[]): SweepBatch<T> {
  return {
    taken: rows[0]?.taken ?? 0,
    recorded: rows.filter((r) => r.id !== null).map(({ taken: _taken, ...r }) => r as unknown as T),
  };
}
