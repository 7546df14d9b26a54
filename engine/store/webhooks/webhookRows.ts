import type { Queryable } from '../db.js';
import type { Page } from '../queries/page.js';
import { ValidationError } from '../../errors.js';
import { assertDestinationAllowed, DestinationRefused } from '../../webhooks/destinationPolicy.js';
import { openSecret, sealSecret } from '../../webhooks/secretBox.js';

export interface DepartmentWebhook {
  department: string;
  url: string;
  secret: string;
  createdAt: Date;
  updatedAt: Date;
}

const WEBHOOK_COLUMNS = `department, url, secret, created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function upsertWebhook(db: Queryable, department: string, url: string, secret: string, at: Date): Promise<DepartmentWebhook> {
  // Refused before it is stored: see destinationPolicy.ts.
  await assertDestinationAllowed(url).catch((err) => {
    throw err instanceof DestinationRefused ? new ValidationError(`the webhook address is refused: ${err.message}`, [{ path: '/url', message: err.message }]) : err;
  });
  const { rows } = await db.query<DepartmentWebhook>(
    `INSERT INTO department_webhooks (department, url, secret, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
     ON CONFLICT (department) DO UPDATE SET url = EXCLUDED.url, secret = EXCLUDED.secret, updated_at = EXCLUDED.updated_at
     RETURNING ${WEBHOOK_COLUMNS}`,
    [department, url, sealSecret(secret), at],
  );
  return opened(rows[0]);
}

export async function deleteWebhook(db: Queryable, department: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM department_webhooks WHERE department = $1', [department]);
  return (rowCount ?? 0) > 0;
}

export async function getWebhook(db: Queryable, department: string): Promise<DepartmentWebhook | null> {
  const { rows } = await db.query<DepartmentWebhook>(`SELECT ${WEBHOOK_COLUMNS} FROM department_webhooks WHERE department = $1`, [department]);
  return rows[0] ? opened(rows[0]) : null;
}

/** Which of these departments have a webhook (one query per published batch). */
export async function webhookDepartments(db: Queryable, departments: string[]): Promise<Set<string>> {
  if (!departments.length) return new Set();
  const { rows } = await db.query<{ department: string }>(
    'SELECT department FROM department_webhooks WHERE department = ANY($1::text[])',
    [departments],
  );
  return new Set(rows.map((r) => r.department));
}

export type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'failed' | 'cancelled';

export interface WebhookDelivery {
  id: number;
  department: string;
  event: string;
  dossierCode: string;
  taskId: string | null;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  url: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
}

const deliveryColumns = (d: string) => `${d}.id, ${d}.department, ${d}.event, ${d}.dossier_code AS "dossierCode", ${d}.task_id AS "taskId",
  ${d}.status, ${d}.attempts, ${d}.url, ${d}.last_status_code AS "lastStatusCode", ${d}.last_error AS "lastError",
  ${d}.created_at AS "createdAt", ${d}.last_attempt_at AS "lastAttemptAt", ${d}.next_attempt_at AS "nextAttemptAt",
  ${d}.delivered_at AS "deliveredAt"`;

export interface NewDelivery {
  department: string;
  event: string;
  dossierCode: string;
  taskId: string | null;
  body: string;
  createdAt: Date;
}

export async function insertDeliveries(db: Queryable, deliveries: NewDelivery[]): Promise<number[]> {
  if (!deliveries.length) return [];
  const values: unknown[] = [];
  const tuples = deliveries.map((d, i) => {
    values.push(d.department, d.event, d.dossierCode, d.taskId, d.body, d.createdAt);
    const b = i * 6;
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}::uuid, $${b + 5}, $${b + 6})`;
  });
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO webhook_deliveries (department, event, dossier_code, task_id, body, created_at) VALUES ${tuples.join(', ')} RETURNING id`,
    values,
  );
  return rows.map((r) => r.id);
}

/** The delivery with the department's current address and secret (an administrator may have fixed them since). */
export async function getDeliveryForSending(db: Queryable, id: number): Promise<(WebhookDelivery & { targetUrl: string | null; secret: string | null }) | null> {
  const { rows } = await db.query<WebhookDelivery & { targetUrl: string | null; secret: string | null }>(
    `SELECT ${deliveryColumns('d')}, d.body, w.url AS "targetUrl", w.secret
       FROM webhook_deliveries d LEFT JOIN department_webhooks w ON w.department = d.department
      WHERE d.id = $1`,
    [id],
  );
  const row = rows[0];
  return row ? { ...row, secret: row.secret === null ? null : openSecret(row.secret) } : null;
}

/** Secrets are stored sealed (see secretBox.ts); callers get them usable. */
function opened(row: DepartmentWebhook): DepartmentWebhook {
  return { ...row, secret: openSecret(row.secret) };
}

export interface AttemptOutcome {
  status: DeliveryStatus;
  url: string | null;
  statusCode: number | null;
  error: string | null;
  at: Date;
  nextAttemptAt: Date | null;
}

export async function recordAttempt(db: Queryable, id: number, o: AttemptOutcome): Promise<void> {
  await db.query(
    `UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1, url = $3, last_status_code = $4, last_error = $5,
       last_attempt_at = $6, next_attempt_at = $7, delivered_at = CASE WHEN $2 = 'delivered' THEN $6 ELSE delivered_at END
     WHERE id = $1`,
    [id, o.status, o.url, o.statusCode, o.error, o.at, o.nextAttemptAt],
  );
}

export async function cancelDelivery(db: Queryable, id: number, reason: string): Promise<void> {
  await db.query(`UPDATE webhook_deliveries SET status = 'cancelled', last_error = $2, next_attempt_at = NULL WHERE id = $1`, [id, reason]);
}

export interface DeliveryFilter {
  department?: string;
  status?: DeliveryStatus;
  limit: number;
  offset: number;
}

export async function listDeliveries(db: Queryable, f: DeliveryFilter): Promise<Page<Omit<WebhookDelivery, 'body'>>> {
  const where = `($1::text IS NULL OR d.department = $1) AND ($2::text IS NULL OR d.status = $2)`;
  const params = [f.department ?? null, f.status ?? null];
  const [items, total] = await Promise.all([
    db.query<Omit<WebhookDelivery, 'body'>>(
      `SELECT ${deliveryColumns('d')} FROM webhook_deliveries d WHERE ${where} ORDER BY d.id DESC LIMIT $3 OFFSET $4`,
      [...params, f.limit, f.offset],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_deliveries d WHERE ${where}`, params),
  ]);
  return { items: items.rows, total: total.rows[0].n };
}

export async function listWebhooks(db: Queryable): Promise<DepartmentWebhook[]> {
  const { rows } = await db.query<DepartmentWebhook>(`SELECT ${WEBHOOK_COLUMNS} FROM department_webhooks ORDER BY department`);
  return rows.map(opened);
}
