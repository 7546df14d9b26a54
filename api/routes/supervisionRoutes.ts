import { departmentScope } from '../auth/departmentScope.js';
import type { ResolvedDeps } from '../apiDeps.js';
import { FORM06_COLUMNS, FORM06_HEADINGS_VI, toCsv } from '../../engine/index.js';
import { periodReversed } from '../http/problem.js';
import { ok, type Reply, type RouteSpec } from '../http/route.js';
import { addDays, currentMonth, PAGE_QUERY, pageOf, periodEnd, periodQuery, periodStart, vietnamDayStart } from '../http/queryParams.js';
import { iso } from '../views/jsonViews.js';
import { DEPARTMENT_CODE, ref } from '../openapi/schemas.js';

const DAY = { type: 'string', format: 'date' };

export function supervisionRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/breaches',
      operationId: 'listBreaches',
      summary: 'List deadline breaches',
      description:
        'One breach per missed due time: of a step (`taskId`) or of the dossier’s promised date (`taskId` null). Newest detection first; `from`/`to` filter on the detection time. ' +
        'An officer sees its own department’s only.',
      tag: 'supervision',
      roles: ['supervisor', 'officer'],
      query: {
        open: { schema: { type: 'boolean' }, description: 'true: steps still not done; false: closed ones.' },
        department: { schema: DEPARTMENT_CODE, description: 'Only this department’s.' },
        ...periodQuery('Detected'),
        ...PAGE_QUERY,
      },
      responses: { 200: { description: 'One page', schema: ref('BreachPage') } },
      async handler({ query, caller }) {
        const department = departmentScope(caller, query.department, 'list the breaches');
        const p = pageOf(query);
        const page = await deps.engine.read.breaches({ open: query.open, department, detectedFrom: periodStart(query.from), detectedBefore: periodEnd(query.to), ...p });
        return ok({
          items: page.items.map((b) => ({ ...b, dueAt: iso(b.dueAt), detectedAt: iso(b.detectedAt), closedAt: iso(b.closedAt) })),
          total: page.total,
          ...p,
        });
      },
    },
    {
      method: 'get',
      path: '/api/reports/form06',
      operationId: 'getForm06',
      summary: 'Statistics report (Biểu II.06a, older path)',
      description:
        'The older path of the statistics report (Biểu II.06a of Circular 01/2020; Form 06 of Circular 03/2025 is the control slip), kept for one version: ' +
        'use GET /api/reports/ii06a. Per procedure (dossiers) or per department (their steps, against each step’s own allotment), for a period of Vietnamese dates (both included; default: this month to today): ' +
        'received (online, in person, by post, carried over), resolved (early, on time, late, late with and without an apology letter), pending (within deadline, overdue) ' +
        'at the end of the period, withdrawn, awaiting supplement, and the progress ratio of the service index (Decision 766). A dossier is resolved when its result is ready. ' +
        '`Accept: text/csv` gives the same rows as CSV (UTF-8 with BOM), total last: with `headings=vi` the header line is in Vietnamese and the total row unnamed by code, ' +
        'with `decimal=comma` numbers are written 0,6 and cells separated by semicolons (a spreadsheet set to Vietnamese).',
      tag: 'supervision',
      roles: ['supervisor'],
      query: {
        from: { schema: DAY, description: 'First day (Vietnam).' },
        to: { schema: DAY, description: 'Last day (Vietnam), included.' },
        groupBy: { schema: { type: 'string', enum: ['procedure', 'department'], default: 'procedure' }, description: 'One row per procedure code or per department code.' },
        headings: { schema: { type: 'string', enum: ['code', 'vi'], default: 'code' }, description: 'CSV only: the header line as column codes, or in Vietnamese.' },
        decimal: { schema: { type: 'string', enum: ['point', 'comma'], default: 'point' }, description: 'CSV only: 0.6 (cells separated by commas) or 0,6 (by semicolons).' },
      },
      responses: { 200: { description: 'The report', schema: ref('Form06Report'), alternatives: { 'text/csv': { type: 'string' } } } },
      async handler({ query, req }): Promise<Reply> {
        const now = deps.clock();
        const month = currentMonth(now);
        const from: string = query.from ?? (query.to ? `${query.to.slice(0, 8)}01` : month.from);
        const to: string = query.to ?? month.to;
        if (from > to) throw periodReversed(from, to);
        const start = vietnamDayStart(from);
        const end = vietnamDayStart(addDays(to, 1));
        const asOf = new Date(Math.min(end.getTime(), now.getTime()));
        const groupBy: 'procedure' | 'department' = query.groupBy ?? 'procedure';
        const report = await deps.engine.read.form06(groupBy, { from, to, start, end, asOf });
        if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
          return {
            status: 200,
            body: query.headings === 'vi'
              ? toCsv(FORM06_COLUMNS, [...report.rows, { ...report.total, key: '' }], { headings: FORM06_HEADINGS_VI, decimalComma: query.decimal === 'comma' })
              : toCsv(FORM06_COLUMNS, [...report.rows, report.total], { decimalComma: query.decimal === 'comma' }),
            contentType: 'text/csv; charset=utf-8',
            headers: { 'Content-Disposition': `attachment; filename="form06-${groupBy}-${from}-${to}.csv"`, Vary: 'Accept' },
          };
        }
        return { status: 200, body: { ...report, asOf: iso(report.asOf) }, headers: { Vary: 'Accept' } };
      },
    },
  ];
}
