export type WaitKind = 'timer' | 'message';
export type WaitStatus = 'open' | 'fired' | 'cancelled';

export interface WaitRow {
  id: string;
  dossierId: number;
  kind: WaitKind;
  elementId: string;
  executionId: string;
  messageName: string | null;
  department: string | null;
  dueAt: Date | null;
  createdAt: Date;
  status: WaitStatus;
}

export const WAIT_COLUMNS = `id::text, dossier_id AS "dossierId", kind, element_id AS "elementId", execution_id AS "executionId",
  message_name AS "messageName", department, due_at AS "dueAt", created_at AS "createdAt", status`;
