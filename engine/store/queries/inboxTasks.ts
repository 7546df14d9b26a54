import type { Queryable } from '../db.js';
import type { DossierStatus } from '../../dossier/statuses.js';
import { TASK_COLUMNS, type TaskStatus } from '../tasks/taskRows.js';
import type { TaskWithForm } from './taskList.js';
import type { Page, PageRequest } from './page.js';

/** A task as a department's inbox shows it: with what the officer needs to pick it up. */
export interface InboxTaskRow extends TaskWithForm {
  procedureName: string;
  applicantName: string | null;
  dossierStatus: DossierStatus;
  /** Business calendar of the dossier's procedure version (null: the default one). */
  calendarId: string | null;
  /** A breach of this step's due time is recorded and still open. */
  breached: boolean;
}

/**
 * What the rows give: the step and its dossier. The form, the procedure's name
 * and calendar come from the version's model, which the server holds in
 * memory (engine/read/inbox.ts): read per row here, the whole model was
 * fetched from TOAST twice for every step of the page.
 */
export type InboxStepRow = Omit<InboxTaskRow, 'form' | 'procedureName' | 'calendarId'> & { procedureVersionId: number };

export interface InboxFilter extends PageRequest {
  statuses: TaskStatus[];
  /** Absent: every department (supervisors only; the route decides). */
  department?: string;
}

const FROM = `FROM tasks t JOIN dossiers d ON d.id = t.dossier_id`;
// Officers' steps only: external jobs are machines' work (/api/jobs), awaited replies are waits of the dossier.
const WHERE = `WHERE t.status = ANY($1::text[]) AND t.kind = 'user' AND ($2::text IS NULL OR t.department = $2)`;

/** A department's work, most urgent first (no due time last), as listTasks orders it. */
export async function listInboxTasks(db: Queryable, f: InboxFilter): Promise<Page<InboxStepRow>> {
  const params = [f.statuses, f.department ?? null];
  const [items, total] = await Promise.all([
    db.query<InboxStepRow>(
      `SELECT ${TASK_COLUMNS}, d.procedure_version_id AS "procedureVersionId",
              d.applicant->>'name' AS "applicantName", d.status AS "dossierStatus",
              EXISTS (SELECT 1 FROM breaches b WHERE b.task_id = t.id AND b.closed_at IS NULL) AS breached
         ${FROM} ${WHERE}
        ORDER BY t.due_at ASC NULLS LAST, t.created_at, t.id LIMIT $3 OFFSET $4`,
      [...params, f.limit, f.offset],
    ),
    // Every step has a dossier: the count needs the steps alone.
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks t ${WHERE}`, params),
  ]);
  return { items: items.rows, total: total.rows[0].n };
}
