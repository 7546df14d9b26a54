import type { NewEvent } from '../store/events/eventRows.js';
import type { SupplementPolicy } from '../procedures/procedureModel.js';
import type { Timeliness } from '../timeliness/classifyTimeliness.js';
import type { Channel } from './channel.js';
import type { CreatedTask, OutboundEvent } from './changeTypes.js';
import { noticeOfApology, noticeOfReception, noticeOfResult, noticeOfReturn, noticeOfSupplementRequest, type CitizenNotice } from '../notices/citizenNotice.js';

/** What each fact a dossier change records says, by its history type. */
/** A reception dated before it was entered: who entered it, and how long before now it is dated. */
export interface Backdating { backdatedBy: string | null; backdatedMs: number }

interface Facts {
  'dossier.received': { procedureCode: string; version: number; receivedAt: Date; clockStartedAt: Date; dueAt: Date | null; channel: Channel } & Partial<Backdating>;
  'document.uploaded': { documentId: string; documentCode: string; name: string; version: number; stage: 'reception' | 'supplement' | 'step'; taskId: string | null; contentType: string; size: number; sha256: string };
  'gateway.decided': { gatewayId: string; gateway: string; flowId: string; targetId: string; target: string };
  'task.completed': { taskId: string; elementId: string; name: string; department: string; dueAt: Date | null; timeliness: Timeliness; data: Record<string, unknown> };
  'task.cancelled': { taskId: string; elementId: string; reason: string };
  'task.claimed': { taskId: string; elementId: string };
  'task.unclaimed': { taskId: string; elementId: string };
  'task.rescheduled': { taskId: string; elementId: string; previousDueAt: Date | null; dueAt: Date; reason: string };
  'dossier.rescheduled': { reason: string; taskId?: string; name?: string; previousDueAt: Date | null; dueAt: Date; tookMs?: number };
  'dossier.resolved': { timeliness: Timeliness; dueAt: Date | null };
  'dossier.returned': { timeliness: Timeliness; channel?: 'in_person' | 'post'; trackingNumber?: string | null };
  'dossier.withdrawn': { reason: string | null; cancelledTasks: string[] };
  'supplement.requested': { department: string | null; taskId: string | null; reason: string; items: string[]; policy: SupplementPolicy };
  'supplement.received': { policy: SupplementPolicy; pausedAt: Date; data: Record<string, unknown> };
  'timer.fired': { waitId: string; elementId: string; name: string; dueAt: Date | null };
  'message.received': { name: string; elementIds: string[]; data: Record<string, unknown> };
  'incident.opened': { incidentId: string; elementId: string | null; kind: string; message: string };
  /** A call activity started the version in force of another procedure, inside this dossier. */
  'procedure.called': { callId: string; elementId: string; procedureCode: string; version: number; depth: number };
  /** The called procedure ended; the calling run went on past the call activity. */
  'procedure.returned': { callId: string; elementId: string; procedureCode: string; version: number };
  'dossier.filed': { procedureCode: string; version: number; channel: Channel; submittedAt: Date };
  'dossier.accepted': { receivedAt: Date };
  'dossier.refused': { reasons: string[] };
  'dossier.stopped': { reason: string; cancelledTasks: string[] };
  'fees.requested': { amount: number };
  'fees.paid': { amount: number; paidAt: Date; online: boolean; waitedMs: number };
  'dossier.apology': { reason: string; responsibleDepartment: string; previousDueAt: Date | null; dueAt: Date; issuedInTime: boolean };
}

type PlainFact = { [T in keyof Facts]: { type: T; at: Date; actor?: string | null; payload: Facts[T] } }[keyof Facts];

/** A step routed to its department; its history row and its notice both follow from the task. */
export interface TaskCreated {
  type: 'task.created';
  task: CreatedTask;
  /** The step's allotment as drawn (ISO duration), for the history. */
  deadline: string | null;
}

/** One fact of a dossier change, as a command records it. */
export type DomainEvent = PlainFact | TaskCreated;

/**
 * The one mapping from a recorded fact to the dossier's history row and, for
 * the facts a department or the desk is told about, the outbound notice.
 */
export function recordedEvent(e: DomainEvent, dossierCode: string): { history: NewEvent; notice: OutboundEvent | null } {
  switch (e.type) {
    case 'task.created': {
      const t = e.task;
      return {
        history: {
          type: e.type,
          at: t.handedOverAt,
          payload: { taskId: t.id, elementId: t.elementId, name: t.name, department: t.department, fromDepartment: t.fromDepartment, dueAt: t.dueAt, deadline: e.deadline, counted: t.counted },
        },
        notice: {
          event: e.type,
          department: t.department,
          dossierCode,
          taskId: t.id,
          at: t.handedOverAt,
          payload: { taskId: t.id, elementId: t.elementId, name: t.name, fromDepartment: t.fromDepartment, dueAt: t.dueAt },
        },
      };
    }
    case 'dossier.resolved':
      // The desk's own software hears of every result (department null).
      return { history: e, notice: { event: e.type, department: null, dossierCode, at: e.at, payload: e.payload } };
    default:
      return { history: e, notice: null };
  }
}

/** The notice the citizen gets of a recorded fact (reception, supplement request, apology, result, return), if any. */
export function citizenNoticeOf(e: DomainEvent): CitizenNotice | null {
  switch (e.type) {
    case 'dossier.received':
      return noticeOfReception(e.at, e.payload);
    case 'supplement.requested':
      return noticeOfSupplementRequest(e.at, e.payload);
    case 'dossier.apology':
      return noticeOfApology(e.at, e.payload);
    case 'dossier.resolved':
      return noticeOfResult(e.at);
    case 'dossier.returned':
      return noticeOfReturn(e.at, e.payload);
    default:
      return null;
  }
}
