import type { ResolvedDeps } from '../apiDeps.js';
import { periodReversed } from '../http/problem.js';
import type { Reply, RouteSpec } from '../http/route.js';
import { addDays, currentMonth, vietnamDayStart } from '../http/queryParams.js';
import { iso } from '../views/jsonViews.js';
import { ref } from '../openapi/schemas.js';
import { ii06aCsv, ii06aXlsx, XLSX_TYPE, type Ii06aGroupBy, type Ii06aPeriod } from '../../engine/index.js';

const DAY = { type: 'string', format: 'date' };
const PERIOD_QUERY = {
  from: { schema: DAY, description: 'First day (Vietnam); default the first of the month of `to`, or of this month.' },
  to: { schema: DAY, description: 'Last day (Vietnam), included; default today.' },
};

/** The period of a report: Vietnamese dates, both included; pending is measured at its end, or now if it is not over. */
function periodOf(query: { from?: string; to?: string }, now: Date): Ii06aPeriod {
  const month = currentMonth(now);
  const from = query.from ?? (query.to ? `${query.to.slice(0, 8)}01` : month.from);
  const to = query.to ?? month.to;
  if (from > to) throw periodReversed(from, to);
  const start = vietnamDayStart(from);
  const end = vietnamDayStart(addDays(to, 1));
  return { from, to, start, end, asOf: new Date(Math.min(end.getTime(), now.getTime())) };
}

export function reportRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/reports/ii06a',
      operationId: 'getIi06a',
      summary: 'Statistics report (Biểu II.06a)',
      description:
        'Biểu II.06a/VPCP/KSTT (Circular 01/2020/TT-VPCP), the results of handling dossiers in a period of Vietnamese dates (both included; default this month to today): ' +
        'received (online, in person, by post, carried over from before the period), resolved (early, on time, late against the promised date), ' +
        'pending at the end (within, past the deadline; one waiting for a supplement is within), withdrawn and stopped. ' +
        'One row per procedure, field (lĩnh vực, `onestop:field` of the procedure) or agency (the resolving agency’s identifier, else the receiving one’s). ' +
        'Dossiers never received (filed online and not checked, or refused at reception) are not counted. ' +
        '`Accept: text/csv` gives CSV (UTF-8 with BOM), `Accept: ' + XLSX_TYPE + '` a workbook. (Form 06 of Circular 03 is the control slip, not this report.)',
      tag: 'supervision',
      roles: ['supervisor'],
      query: {
        ...PERIOD_QUERY,
        groupBy: { schema: { type: 'string', enum: ['procedure', 'field', 'agency'], default: 'procedure' }, description: 'One row per procedure, field or agency.' },
      },
      responses: {
        200: { description: 'The report', schema: ref('Ii06aReport'), alternatives: { 'text/csv': { type: 'string' }, [XLSX_TYPE]: { type: 'string', format: 'binary' } } },
      },
      async handler({ query, req }): Promise<Reply> {
        const period = periodOf(query, deps.clock());
        const groupBy: Ii06aGroupBy = query.groupBy ?? 'procedure';
        const report = await deps.engine.read.ii06a(groupBy, period);
        const name = `bieu-ii06a-${groupBy}-${period.from}-${period.to}`;
        const wanted = req.accepts(['application/json', 'text/csv', XLSX_TYPE]);
        if (wanted === 'text/csv') {
          return { status: 200, body: ii06aCsv(report), contentType: 'text/csv; charset=utf-8', headers: { 'Content-Disposition': `attachment; filename="${name}.csv"`, Vary: 'Accept' } };
        }
        if (wanted === XLSX_TYPE) {
          return { status: 200, body: await ii06aXlsx(report), contentType: XLSX_TYPE, headers: { 'Content-Disposition': `attachment; filename="${name}.xlsx"`, Vary: 'Accept' } };
        }
        return { status: 200, body: { ...report, asOf: iso(report.asOf) }, headers: { Vary: 'Accept' } };
      },
    },
    {
      method: 'get',
      path: '/api/reports/service-index',
      operationId: 'getServiceIndex',
      summary: 'Service index groups (Decision 766)',
      description:
        'For a period: the progress group (20 points) scored as the national portal does, and the online (12), online payment (10) and digitisation (22) groups ' +
        'as far as this system holds their inputs; each with its formula, numerator, denominator and the dossiers counted and not counted. ' +
        'Progress = 20 × (resolved on time + pending within deadline) ÷ (all received or processed in the period); on time: the processing end ' +
        '(NgayKetThucXuLy; the request date while a supplement is awaited; the end of the period while open) less the supplement and fee pauses ≤ the date promised at reception; ' +
        'more than one supplement request counts as overdue.',
      tag: 'supervision',
      roles: ['supervisor'],
      query: PERIOD_QUERY,
      responses: { 200: { description: 'The groups', schema: ref('ServiceIndex') } },
      async handler({ query }): Promise<Reply> {
        const index = await deps.engine.read.serviceIndex(periodOf(query, deps.clock()));
        return { status: 200, body: { ...index, asOf: iso(index.asOf) } };
      },
    },
  ];
}
