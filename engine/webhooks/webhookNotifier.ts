import type pg from 'pg';
import type { Notifier, OutboundEvent } from '../engineContext.js';
import { insertDeliveries, webhookDepartments, type NewDelivery } from '../store/webhooks/webhookRows.js';

export const WEBHOOK_JOB = 'webhook.deliver';

export interface WebhookJobData {
  deliveryId: number;
}

/** The part of Agenda the notifier needs: queue a job to run now. */
export interface JobQueue {
  now(name: string, data: WebhookJobData): Promise<unknown>;
}

export interface WebhookNotifierOptions {
  pool: pg.Pool;
  queue: JobQueue;
  /** Dossier-level events (department null) go to the one-stop desk. */
  deskDepartment: string;
  log?: (line: string) => void;
}

/** The JSON a department receives; stored as sent so every retry is byte-identical. */
export function webhookBody(e: OutboundEvent, department: string): string {
  return JSON.stringify({
    event: e.event,
    department,
    dossierCode: e.dossierCode,
    taskId: e.taskId ?? null,
    at: e.at,
    payload: e.payload,
  });
}

/**
 * Turns committed engine events into webhook deliveries: one row per event
 * for a department with a webhook, then a job that does the HTTP call. It
 * never calls the receiver itself and never throws, so a down receiver cannot
 * slow or fail a step.
 */
export function createWebhookNotifier(options: WebhookNotifierOptions): Notifier {
  const log = options.log ?? ((line: string) => console.warn(line));
  return {
    async publish(events: OutboundEvent[]): Promise<void> {
      try {
        if (!events.length) return;
        const routed = events.map((e) => ({ event: e, department: e.department ?? options.deskDepartment }));
        const configured = await webhookDepartments(options.pool, [...new Set(routed.map((r) => r.department))]);
        const deliveries: NewDelivery[] = routed
          .filter((r) => configured.has(r.department))
          .map((r) => ({
            department: r.department,
            event: r.event.event,
            dossierCode: r.event.dossierCode,
            taskId: r.event.taskId ?? null,
            body: webhookBody(r.event, r.department),
            createdAt: r.event.at,
          }));
        const ids = await insertDeliveries(options.pool, deliveries);
        for (const id of ids) {
          // A delivery whose job could not be queued stays 'pending' and is
          // visible to the administrator; it must not fail the step.
          await options.queue.now(WEBHOOK_JOB, { deliveryId: id }).catch((err: unknown) => log(`webhook delivery ${id}: could not queue: ${(err as Error).message}`));
        }
      } catch (err) {
        log(`webhooks: events of ${events[0]?.dossierCode ?? '?'} not recorded: ${(err as Error).message}`);
      }
    },
  };
}
