import type { Queryable } from '../db.js';

/** Counts of one step (BPMN element) over the dossiers of one procedure version. */
export interface StepCountsRow {
  elementId: string;
  openTasks: number;
  /** Open and past their due time. */
  lateOpenTasks: number;
  completedTasks: number;
  lateCompletedTasks: number;
  breaches: number;
  openBreaches: number;
}

export interface StepDurationRow {
  elementId: string;
  createdAt: Date;
  completedAt: Date;
}

export interface StepStatisticsFilter {
  versionId: number;
  now: Date;
  /** Only steps handed over in [from, before). */
  from?: Date;
  before?: Date;
  /** Completed steps per element used for the median (the most recent ones). */
  sample?: number;
}

const SCOPE = `FROM tasks t JOIN dossiers d ON d.id = t.dossier_id
  WHERE d.procedure_version_id = $1 AND ($2::timestamptz IS NULL OR t.created_at >= $2) AND ($3::timestamptz IS NULL OR t.created_at < $3)`;

/**
 * What the heat map of a procedure version shows on each step: open tasks,
 * breaches, and the completed steps' handover and completion times (the
 * caller measures the working time taken on the version's calendar).
 */
export async function stepStatistics(db: Queryable, f: StepStatisticsFilter): Promise<{ dossiers: number; counts: StepCountsRow[]; durations: StepDurationRow[] }> {
  const params = [f.versionId, f.from ?? null, f.before ?? null];
  const [dossiers, counts, durations] = await Promise.all([
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM dossiers d WHERE d.procedure_version_id = $1
          AND ($2::timestamptz IS NULL OR d.received_at >= $2) AND ($3::timestamptz IS NULL OR d.received_at < $3)`,
      params,
    ),
    db.query<StepCountsRow>(
      `SELECT t.element_id AS "elementId",
              count(*) FILTER (WHERE t.status IN ('open', 'claimed'))::int AS "openTasks",
              count(*) FILTER (WHERE t.status IN ('open', 'claimed') AND t.due_at < $4)::int AS "lateOpenTasks",
              count(*) FILTER (WHERE t.status = 'completed')::int AS "completedTasks",
              count(*) FILTER (WHERE t.status = 'completed' AND t.timeliness = 'late')::int AS "lateCompletedTasks",
              COALESCE(sum((SELECT count(*) FROM breaches b WHERE b.task_id = t.id)), 0)::int AS breaches,
              COALESCE(sum((SELECT count(*) FROM breaches b WHERE b.task_id = t.id AND b.closed_at IS NULL)), 0)::int AS "openBreaches"
         ${SCOPE}
        GROUP BY t.element_id`,
      [...params, f.now],
    ),
    db.query<StepDurationRow>(
      `SELECT "elementId", "createdAt", "completedAt" FROM (
         SELECT t.element_id AS "elementId", t.created_at AS "createdAt", t.completed_at AS "completedAt",
                row_number() OVER (PARTITION BY t.element_id ORDER BY t.completed_at DESC, t.id) AS n
           ${SCOPE} AND t.status = 'completed' AND t.completed_at IS NOT NULL) x
        WHERE n <= $4`,
      [...params, f.sample ?? 1000],
    ),
  ]);
  return { dossiers: dossiers.rows[0].n, counts: counts.rows, durations: durations.rows };
}

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
