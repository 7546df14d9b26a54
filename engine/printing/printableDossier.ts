// What the printed forms say about a dossier, gathered from the dossier's own
// data and its append-only history. The forms never query anything: the same
// dossier and history always print the same forms.

import type { Timeliness } from '../timeliness/classifyTimeliness.js';

export interface PrintableApplicant {
  name: string;
  idNumber: string;
  phone?: string;
  email?: string;
  address?: string;
}

export interface PrintableSupplement {
  requestedAt: Date;
  requestedBy: string | null;
  /** Name of the department that asked (or the desk). */
  department: string;
  reason: string;
  items: string[];
  /** Who the applicant may call about it (Form 02 of Circular 03). */
  contactPerson: string;
}

export interface PrintableApology {
  issuedAt: Date;
  reason: string;
  /** Name of the unit that caused the delay. */
  responsibleUnit: string;
  previousDueAt: Date | null;
  newDueAt: Date;
}

export interface PrintableHandover {
  step: string;
  /** Unit and person handing over; the person may be unknown. */
  handedOverBy: { unit: string; person: string | null };
  receivedBy: { unit: string; person: string | null };
  handedOverAt: Date;
  dueAt: Date | null;
  completedAt: Date | null;
  timeliness: Timeliness | null;
  note: string;
}

export interface PrintableDossier {
  code: string;
  procedure: { code: string; name: string };
  applicant: PrintableApplicant;
  channel: string;
  /** Whether the dossier was received (a dossier filed online and not yet accepted, or refused, was not). */
  received: boolean;
  /** The receiving point (desk) and the agency it receives for. */
  receivingPoint: string;
  receivingAgency: string;
  /** Lead (handling) agency and the coordinating ones, by name. */
  handlingAgency: string;
  coordinatingAgencies: string[];
  receivedAt: Date;
  receivedBy: string | null;
  /** Promised return: the first promise and the one in force. */
  originalDueAt: Date | null;
  dueAt: Date | null;
  /** The rule set the dossier was pinned to at reception, when known. */
  ruleSet: { id: string; name: string } | null;
  supplements: PrintableSupplement[];
  refusal: { at: Date; by: string | null; reasons: string[] } | null;
  apologies: PrintableApology[];
  stop: { at: Date; by: string | null; reason: string } | null;
  handovers: PrintableHandover[];
}

/** One row of the dossier's history, as the engine keeps it. */
export interface HistoryRow {
  type: string;
  at: Date;
  actor?: string | null;
  payload: Record<string, unknown>;
}

/** One handover as the control slip reads it from the history. */
export interface ControlSlipLeg {
  step: string;
  fromDepartment: string | null;
  toDepartment: string;
  handedOverAt: Date;
  dueAt: Date | null;
  completedAt: Date | null;
  completedBy: string | null;
  timeliness: Timeliness | null;
}

export interface DossierReads {
  dossier: {
    code: string;
    procedureCode: string;
    channel: string;
    receivingAgency: string;
    applicant: Record<string, unknown>;
    receivedAt: Date;
    dueAt: Date | null;
    originalDueAt: Date | null;
  };
  procedureName: string;
  history: HistoryRow[];
  controlSlip: ControlSlipLeg[];
  departments: Array<{ code: string; name: string; agency: string }>;
  /** The department code of the one-stop desk. */
  deskDepartment: string;
  ruleSet?: { id: string; name: string } | null;
}

const text = (x: unknown): string => (typeof x === 'string' ? x : '');
const texts = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
const dateOf = (x: unknown): Date | null => (x instanceof Date ? x : typeof x === 'string' && !Number.isNaN(Date.parse(x)) ? new Date(x) : null);

/** The dossier as the forms print it, from the engine's reads. */
export function printableDossier(reads: DossierReads): PrintableDossier {
  const { dossier, history } = reads;
  const byCode = new Map(reads.departments.map((d) => [d.code, d]));
  const unitName = (code: string | null) => (code ? (byCode.get(code)?.name ?? code) : (byCode.get(reads.deskDepartment)?.name ?? 'Bộ phận Một cửa'));
  const agencyOf = (code: string) => byCode.get(code)?.agency ?? code;
  const desk = byCode.get(reads.deskDepartment);
  const applicant = dossier.applicant;
  const received = history.find((e) => e.type === 'dossier.received');

  // The lead agency resolves the last step; the others coordinate (Form 06 header).
  const agencies = [...new Set(reads.controlSlip.map((leg) => agencyOf(leg.toDepartment)))];
  const lastLeg = reads.controlSlip.at(-1);
  const handlingAgency = lastLeg ? agencyOf(lastLeg.toDepartment) : (desk?.agency ?? dossier.receivingAgency);

  const supplements = history.filter((e) => e.type === 'supplement.requested').map((e): PrintableSupplement => {
    const department = unitName(text(e.payload.department) || null);
    return {
      requestedAt: e.at,
      requestedBy: e.actor ?? null,
      department,
      reason: text(e.payload.reason),
      items: texts(e.payload.items),
      contactPerson: text(e.payload.contactPerson) || [e.actor, department].filter(Boolean).join(', '),
    };
  });
  const refused = history.find((e) => e.type === 'dossier.refused');
  const stopped = history.find((e) => e.type === 'dossier.stopped');
  const apologies = history.filter((e) => e.type === 'dossier.apology').map((e): PrintableApology => ({
    issuedAt: e.at,
    reason: text(e.payload.reason),
    responsibleUnit: unitName(text(e.payload.responsibleDepartment) || null),
    previousDueAt: dateOf(e.payload.previousDueAt),
    newDueAt: dateOf(e.payload.dueAt) ?? e.at,
  }));

  return {
    code: dossier.code,
    procedure: { code: dossier.procedureCode, name: reads.procedureName },
    applicant: {
      name: text(applicant.name),
      idNumber: text(applicant.idNumber),
      ...(text(applicant.phone) ? { phone: text(applicant.phone) } : {}),
      ...(text(applicant.email) ? { email: text(applicant.email) } : {}),
      ...(text(applicant.address) ? { address: text(applicant.address) } : {}),
    },
    channel: dossier.channel,
    received: received !== undefined,
    receivingPoint: desk?.name ?? 'Bộ phận Một cửa',
    receivingAgency: desk?.agency ?? dossier.receivingAgency,
    handlingAgency,
    coordinatingAgencies: agencies.filter((a) => a !== handlingAgency),
    receivedAt: dossier.receivedAt,
    receivedBy: received?.actor ?? null,
    originalDueAt: dossier.originalDueAt,
    dueAt: dossier.dueAt,
    ruleSet: reads.ruleSet ?? null,
    supplements,
    refusal: refused ? { at: refused.at, by: refused.actor ?? null, reasons: texts(refused.payload.reasons).length ? texts(refused.payload.reasons) : [text(refused.payload.reason)].filter(Boolean) } : null,
    apologies,
    stop: stopped ? { at: stopped.at, by: stopped.actor ?? null, reason: text(stopped.payload.reason) } : null,
    handovers: reads.controlSlip.map((leg): PrintableHandover => ({
      step: leg.step,
      handedOverBy: { unit: unitName(leg.fromDepartment), person: null },
      receivedBy: { unit: unitName(leg.toDepartment), person: leg.completedBy },
      handedOverAt: leg.handedOverAt,
      dueAt: leg.dueAt,
      completedAt: leg.completedAt,
      timeliness: leg.timeliness,
      note: leg.completedAt ? leg.step : `${leg.step} (đang xử lý)`,
    })),
  };
}
