import type { JsonSchema } from '../http/route.js';
import { closed, dateTime, nullableDateTime, ref, STATUS_CODE } from './schemas.js';

// The national status lifecycle (codes 1-10) and the portal synchronisation.

const text = (maxLength: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength });
const change = (extra: Record<string, JsonSchema>) => closed({ dossierCode: { type: 'string' }, status: ref('DossierStatus'), statusCode: STATUS_CODE, ...extra });

export const LIFECYCLE_SCHEMAS: Record<string, JsonSchema> = {
  Refusal: closed({ reasons: { type: 'array', minItems: 1, maxItems: 50, items: text(2000), description: 'Why the dossier is not received (Form 03).' } }),
  Stop: closed({ reason: { ...text(2000), description: 'Why processing stops (Decree 118 art. 21; notice on Form 05).' } }),
  FeePayment: closed({
    amount: { type: 'number', exclusiveMinimum: 0, maximum: 1e12, description: 'Paid, in VND; at least the procedure’s fee.' },
    paidAt: { ...dateTime, description: 'When it was paid; never in the future.' },
    online: { type: 'boolean', description: 'Paid through the portal’s or the province’s payment gateway.' },
  }),
  ResultReturn: closed(
    {
      channel: { type: 'string', enum: ['in_person', 'post'], default: 'in_person', description: 'Handed over at the desk, or sent by post.' },
      trackingNumber: { ...text(40), description: 'The postal tracking number; required by post.' },
    },
    [],
  ),
  DossierAccepted: change({ receivedAt: dateTime, clockStartedAt: dateTime, dueAt: nullableDateTime, tasks: { type: 'array', items: ref('RoutedTask') } }),
  DossierRefused: change({ refusedAt: dateTime, reasons: { type: 'array', items: { type: 'string' } } }),
  DossierStopped: change({ stoppedAt: dateTime }),
  FeesPaid: change({ resolvedAt: dateTime, dueAt: { ...nullableDateTime, description: 'The promised date, moved by the working time the dossier waited for the payment.' } }),
  PortalSync: closed({
    dossierCode: { type: 'string' },
    synchronised: { type: 'boolean', description: 'Every status change of the dossier was delivered to the portal.' },
    records: { type: 'integer', minimum: 0, description: 'Status changes written for the portal.' },
    delivered: { type: 'integer', minimum: 0 },
    lastDeliveredAt: nullableDateTime,
    waiting: {
      description: 'The first record not delivered yet (later ones wait behind it); null when synchronised.',
      anyOf: [
        closed({ statusCode: { type: 'integer' }, createdAt: dateTime, attempts: { type: 'integer' }, nextAttemptAt: dateTime, lastError: { type: ['string', 'null'] } }),
        { type: 'null' },
      ],
    },
    reason: { type: ['string', 'null'], description: 'Why it is not synchronised, in a sentence; null when it is.' },
  }),
};

const count = { type: 'integer', minimum: 0 };
const ii06aRow: JsonSchema = closed({
  key: { type: 'string', description: 'Procedure code, field or agency identifier; TOTAL for the total row.' },
  name: { type: 'string' },
  receivedTotal: { ...count, description: 'carriedOver + receivedOnline + receivedDirect + receivedPost' },
  receivedOnline: count,
  receivedDirect: count,
  receivedPost: count,
  carriedOver: { ...count, description: 'Received before the period and not finished at its start.' },
  resolvedTotal: count,
  resolvedEarly: count,
  resolvedOnTime: count,
  resolvedLate: count,
  pendingTotal: count,
  pendingWithinDeadline: count,
  pendingOverdue: count,
  withdrawn: count,
  stopped: count,
});
const indexGroup = (extra: Record<string, JsonSchema> = {}): JsonSchema =>
  closed(
    {
      max: { type: 'number' },
      score: { type: ['number', 'null'], description: 'Points; null when nothing was counted or the inputs are not held.' },
      formula: { type: 'string' },
      numerator: count,
      denominator: count,
      counted: { type: 'array', items: { type: 'string' }, description: 'Dossier codes in the numerator.' },
      notCounted: { type: 'array', items: { type: 'string' }, description: 'Dossier codes in the denominator only.' },
      note: { type: 'string' },
      ...extra,
    },
    ['max', 'score', 'formula', 'numerator', 'denominator', 'counted', 'notCounted', ...Object.keys(extra)],
  );

export const REPORT_SCHEMAS: Record<string, JsonSchema> = {
  Ii06aRow: ii06aRow,
  Ii06aReport: closed({
    groupBy: { type: 'string', enum: ['procedure', 'field', 'agency'] },
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
    asOf: { ...dateTime, description: 'Pending is measured at the end of the period, or now if it is not over.' },
    rows: { type: 'array', items: ref('Ii06aRow') },
    total: ref('Ii06aRow'),
  }),
  ServiceIndex: closed({
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
    asOf: dateTime,
    progress: indexGroup({ verdicts: { type: 'array', items: closed({ code: { type: 'string' }, onTime: { type: 'boolean' }, why: { type: 'string' } }) } }),
    online: indexGroup(),
    onlinePayment: indexGroup(),
    digitisation: indexGroup(),
  }),
};
