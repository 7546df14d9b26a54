import type { Queryable } from '../db.js';

/** One open breach, with the names a supervisor reads. */
export interface OpenBreachRow {
  id: number;
  dossierCode: string;
  procedureCode: string;
  procedureName: string;
  taskId: string | null;
  elementId: string | null;
  step: string | null;
  /** null: the dossier's promised date (no single department). */
  department: string | null;
  departmentName: string | null;
  dueAt: Date;
  detectedAt: Date;
  calendarId: string | null;
}

/** Open breaches of one department and procedure. */
export interface OpenBreachGroupRow {
  department: string | null;
  departmentName: string | null;
  procedureCode: string;
  procedureName: string;
  count: number;
  dossiers: number;
  oldestDueAt: Date;
}

export interface OpenBreachFilter {
  department?: string;
  /** Only breaches of the promised date (department null). */
  dossierLevel?: boolean;
  procedureCode?: string;
  /** Most breaches listed. */
  limit: number;
  /** The page of groups (oldest due time first); `groupsTotal` says how many there are. */
  groupLimit: number;
  groupOffset: number;
}

// Each version's name and calendar read once (a few hundred versions at most):
// joined row by row, the whole model was fetched from TOAST for every breach listed.
const VERSIONS = `WITH v AS MATERIALIZED (SELECT id, name, model->>'calendarId' AS calendar_id FROM procedure_versions)`;
const FROM = `FROM breaches b JOIN dossiers d ON d.id = b.dossier_id
  JOIN v ON v.id = d.procedure_version_id
  LEFT JOIN procedures p ON p.code = d.procedure_code
  LEFT JOIN tasks t ON t.id = b.task_id
  LEFT JOIN departments dep ON dep.code = b.department`;
// The procedure is the breach's own copy (migration 0007): counting and
// grouping read the open breaches alone, not every late dossier.
const WHERE = `WHERE b.closed_at IS NULL
  AND ($1::text IS NULL OR b.department = $1) AND (NOT $2::boolean OR b.department IS NULL)
  AND ($3::text IS NULL OR b.procedure_code = $3)`;
// The groups as the statements that record and close breaches keep them (migration 0025):
// counted here on each request, every open breach was scanned, sorted by dossier and scanned again for the total.
const GROUP_WHERE = `WHERE g.breaches > 0 AND ($1::text IS NULL OR g.department = $1) AND (NOT $2::boolean OR g.department IS NULL)
  AND ($3::text IS NULL OR g.procedure_code = $3)`;

/**
 * What is late now: the open breaches (step not done, or dossier not resolved
 * after its promised date), grouped by department and procedure, oldest due
 * time first, and the breaches themselves oldest first.
 */
export async function openBreaches(db: Queryable, f: OpenBreachFilter): Promise<{ groups: OpenBreachGroupRow[]; groupsTotal: number; items: OpenBreachRow[]; total: number }> {
  const params = [f.department ?? null, f.dossierLevel ?? false, f.procedureCode ?? null];
  const [groups, totals, items] = await Promise.all([
    db.query<OpenBreachGroupRow>(
      `SELECT g.department, dep.name AS "departmentName", g.procedure_code AS "procedureCode",
              COALESCE(p.name, g.procedure_code) AS "procedureName", g.breaches AS count, g.dossiers, g.oldest_due_at AS "oldestDueAt"
         FROM open_breach_groups g LEFT JOIN procedures p ON p.code = g.procedure_code LEFT JOIN departments dep ON dep.code = g.department
         ${GROUP_WHERE}
        ORDER BY g.oldest_due_at, g.department NULLS FIRST, g.procedure_code LIMIT $4 OFFSET $5`,
      [...params, f.groupLimit, f.groupOffset],
    ),
    // Every open breach matching the filter is in one group: their sum is the total.
    db.query<{ groups: number; total: number }>(`SELECT count(*)::int AS groups, COALESCE(sum(g.breaches), 0)::int AS total FROM open_breach_groups g ${GROUP_WHERE}`, params),
    db.query<OpenBreachRow>(
      `${VERSIONS}
       SELECT b.id, d.code AS "dossierCode", d.procedure_code AS "procedureCode", v.name AS "procedureName",
              b.task_id AS "taskId", t.element_id AS "elementId", t.name AS step, b.department,
              dep.name AS "departmentName", b.due_at AS "dueAt", b.detected_at AS "detectedAt",
              v.calendar_id AS "calendarId"
         ${FROM} ${WHERE}
        ORDER BY b.due_at, b.id LIMIT $4`,
      [...params, f.limit],
    ),
  ]);
  return { groups: groups.rows, groupsTotal: totals.rows[0].groups, items: items.rows, total: totals.rows[0].total };
}
