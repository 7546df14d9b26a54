import type { Queryable } from '../db.js';
import type { NoticeKind } from '../../notices/noticeKinds.js';

export interface NoticeTemplateRow {
  kind: NoticeKind;
  subject: string;
  body: string;
  updatedAt: Date;
  updatedBy: string | null;
}

/** The templates an administrator changed (the others are the defaults). */
export async function listNoticeTemplates(db: Queryable): Promise<NoticeTemplateRow[]> {
  const { rows } = await db.query<NoticeTemplateRow>(
    `SELECT kind, subject, body, updated_at AS "updatedAt", updated_by AS "updatedBy" FROM notice_templates ORDER BY kind`);
  return rows;
}

export async function upsertNoticeTemplate(db: Queryable, row: NoticeTemplateRow): Promise<void> {
  await db.query(
    `INSERT INTO notice_templates (kind, subject, body, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (kind) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [row.kind, row.subject, row.body, row.updatedAt, row.updatedBy]);
}

/** Back to the default wording; false when the kind had none of its own. */
export async function deleteNoticeTemplate(db: Queryable, kind: NoticeKind): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM notice_templates WHERE kind = $1', [kind]);
  return (rowCount ?? 0) > 0;
}
