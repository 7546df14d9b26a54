import type { Queryable } from '../db.js';

export type DigitisationGroup = 'procedure' | 'department';

export interface DigitisationRow {
  key: string;
  received: number;
  digitisedAtReception: number;
  resolved: number;
  resolvedWithEResult: number;
}

// The grouping is one of two fixed expressions, never caller text.
const GROUPS: Record<DigitisationGroup, { key: string; from: string }> = {
  procedure: { key: 'd.procedure_code', from: 'dossiers d' },
  department: { key: 't.department', from: `dossiers d JOIN (SELECT DISTINCT dossier_id, department FROM tasks) t ON t.dossier_id = d.id` },
};

/**
 * The digitisation figures of the national service index for dossiers
 * received in [from, to): how many had their papers digitised at reception
 * (scanned at the desk, or filed online with their files), and how many of
 * those resolved carry an e-result. By procedure, or by department with a step.
 */
export async function digitisationFigures(db: Queryable, q: { from: Date; to: Date; groupBy: DigitisationGroup }): Promise<DigitisationRow[]> {
  const g = GROUPS[q.groupBy];
  const { rows } = await db.query<DigitisationRow>(
    `SELECT ${g.key} AS key,
            count(*)::int AS received,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM dossier_documents x WHERE x.dossier_id = d.id AND x.stage = 'reception'))::int AS "digitisedAtReception",
            count(*) FILTER (WHERE d.resolved_at IS NOT NULL)::int AS resolved,
            count(*) FILTER (WHERE d.resolved_at IS NOT NULL
                               AND EXISTS (SELECT 1 FROM dossier_documents x WHERE x.dossier_id = d.id AND x.stage = 'step'))::int AS "resolvedWithEResult"
       FROM ${g.from}
      WHERE d.received_at >= $1 AND d.received_at < $2
      GROUP BY ${g.key} ORDER BY ${g.key}`,
    [q.from, q.to],
  );
  return rows;
}
