import type { Queryable } from '../store/db.js';
import { noticeContact } from '../store/notices/noticeContact.js';
import { insertNotices, type NewNoticeRow } from '../store/notices/insertNotices.js';
import type { CitizenNotice } from './citizenNotice.js';

/**
 * The unit of work's hook (engine/dossier/change.ts): the notices a change
 * causes are queued in its own transaction, one per contact the applicant
 * gave (e-mail, phone), so a committed change always has its notices and a
 * rolled-back one never does. Nothing is sent here: the sender
 * (./noticeSender.ts) delivers them after commit.
 */
export async function queueCitizenNotices(db: Queryable, dossier: { id: number; code: string }, notices: CitizenNotice[], deskDepartment: string, at: Date): Promise<void> {
  if (!notices.length) return;
  const contact = await noticeContact(db, dossier.id, deskDepartment);
  if (!contact || (!contact.email && !contact.phone)) return;
  const common = { ma_ho_so: dossier.code, thu_tuc: contact.procedureName, bo_phan_mot_cua: contact.deskName ?? 'Bộ phận Một cửa' };
  const rows: NewNoticeRow[] = [];
  for (const n of notices) {
    const params = { ...common, ...n.values };
    if (contact.email) rows.push({ kind: n.kind, channel: 'email', recipient: contact.email, params });
    if (contact.phone) rows.push({ kind: n.kind, channel: 'phone', recipient: contact.phone, params });
  }
  await insertNotices(db, dossier, rows, at);
}
