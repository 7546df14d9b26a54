import { actingFor, departmentScope } from '../auth/departmentScope.js';
import type { ResolvedDeps } from '../apiDeps.js';
import { FORM06_MEMBER_COLUMNS, median, type Form06MemberColumn, type TaskStatus } from '../../engine/index.js';
import { notFound, periodReversed } from '../http/problem.js';
import { ok, type RouteSpec } from '../http/route.js';
import { addDays, currentMonth, PAGE_QUERY, pageOf, periodEnd, periodQuery, periodStart, vietnamDayStart } from '../http/queryParams.js';
import { iso, statusJson, taskJson } from '../views/jsonViews.js';
import { urgencyOf, WORKING_DAY_MS, workingMsLeft } from '../views/workingTimeViews.js';
import { DEPARTMENT_CODE, DOSSIER_CODE, PROCEDURE_CODE, ref } from '../openapi/schemas.js';
import { meExtras } from '../auth/me.js';

// Endpoints of the browser workspace (designer/src/workspace): what the
// pages need that the contract's lists do not say directly. Every working
// time is measured here, on the server's clock and the procedure's calendar,
// so a page never trusts the browser's clock.

const ALL_ROLES = ['admin', 'analyst', 'desk', 'officer', 'supervisor'] as const;
const EVERYONE = [...ALL_ROLES, 'lead'] as const;
const DAY = { type: 'string', format: 'date' };

/** The period of a report: Vietnamese dates, both included; default this month up to today (as GET /api/reports/form06). */
function reportPeriod(now: Date, query: { from?: string; to?: string }) {
  const month = currentMonth(now);
  const from: string = query.from ?? (query.to ? `${query.to.slice(0, 8)}01` : month.from);
  const to: string = query.to ?? month.to;
  if (from > to) throw periodReversed(from, to);
  const start = vietnamDayStart(from);
  const end = vietnamDayStart(addDays(to, 1));
  return { from, to, start, end, asOf: new Date(Math.min(end.getTime(), now.getTime())) };
}

export function workspaceRoutes(deps: ResolvedDeps): RouteSpec[] {
  const time = () => deps.engine.time;
  return [
    {
      method: 'get',
      path: '/api/me',
      operationId: 'whoAmI',
      summary: 'Who the key belongs to',
      description: 'The key’s name, role and (for an officer) department: what the browser workspace uses to choose the pages it offers after sign-in.',
      tag: 'workspace',
      roles: EVERYONE,
      responses: { 200: { description: 'The caller', schema: ref('Me') } },
      async handler({ caller }) {
        const key = caller.key!;
        const department = key.department ? await deps.engine.read.department(key.department) : null;
        return ok({ id: key.id, name: key.name, role: key.role, department: key.department, departmentName: department?.name ?? null, actor: caller.actor, ...meExtras(caller) });
      },
    },
    {
      method: 'get',
      path: '/api/inbox',
      operationId: 'getInbox',
      summary: 'A department’s inbox',
      description:
        'The open and claimed steps of one department, most urgent first, each with the working time left and its urgency (late, due today, on track). ' +
        'User tasks only: external jobs (`/api/jobs`) and awaited replies are not an officer’s work. ' +
        'An officer sees its own department only (another `department` is refused with 403); a supervisor names one, or sees every department.',
      tag: 'workspace',
      roles: ['officer', 'supervisor'],
      query: {
        department: { schema: DEPARTMENT_CODE, description: 'The department (an officer’s own by default).' },
        status: { schema: { type: 'string', enum: ['open', 'claimed'] }, description: 'Only open (unclaimed) or only claimed steps (default: both).' },
        forms: { schema: { type: 'boolean', default: false }, description: 'true: each step with its form (JSON Schema); GET /api/tasks/{id} has it too.' },
        ...PAGE_QUERY,
      },
      responses: { 200: { description: 'The inbox', schema: ref('Inbox') } },
      async handler({ query, caller }) {
        const department = departmentScope(caller, query.department, 'read the inbox');
        const now = deps.clock();
        const p = pageOf(query);
        const statuses: TaskStatus[] = query.status ? [query.status] : ['open', 'claimed'];
        const page = await deps.engine.read.inbox({ statuses, department, ...p });
        const items = page.items.map((t) => {
          const paused = t.dossierStatus === 'supplement_requested';
          // The work list shows no form: sent only when asked for.
          const { form, ...task } = taskJson(t);
          return {
            ...task,
            ...(query.forms ? { form } : {}),
            procedureName: t.procedureName,
            applicantName: t.applicantName,
            dossierStatus: statusJson(t.dossierStatus),
            workingMsLeft: workingMsLeft(time(), now, t.dueAt, t.calendarId),
            urgency: urgencyOf(now, t.dueAt, paused),
            breached: t.breached,
          };
        });
        const count = (u: string) => items.filter((i) => i.urgency === u).length;
        return ok({
          asOf: iso(now),
          department: department ?? null,
          counts: { late: count('late'), dueToday: count('due_today'), onTrack: count('on_track'), other: count('paused') + count('no_deadline') },
          items,
          total: page.total,
          ...p,
        });
      },
    },
    {
      method: 'get',
      path: '/api/supervision/open-breaches',
      operationId: 'getOpenBreaches',
      summary: 'Open breaches by department and procedure',
      description:
        'What is late now: every open breach (a step not done after its due time, or a dossier not resolved after its promised date), grouped by department and procedure ' +
        'with the oldest due time first, and the breaches themselves oldest first, each with how long it has been overdue in working time. ' +
        'A group with a null department is the dossiers’ promised dates.',
      tag: 'workspace',
      roles: ['supervisor'],
      query: {
        department: { schema: DEPARTMENT_CODE, description: 'Only this department’s.' },
        dossierLevel: { schema: { type: 'boolean' }, description: 'true: only breaches of the dossiers’ promised dates.' },
        procedureCode: { schema: PROCEDURE_CODE, description: 'Only this procedure’s.' },
        limit: { schema: { type: 'integer', minimum: 1, maximum: 500, default: 200 }, description: 'Most breaches listed.' },
        groupLimit: { schema: { type: 'integer', minimum: 1, maximum: 2000, default: 100 }, description: 'Most groups listed (oldest due time first); `groupsTotal` says how many there are.' },
        groupOffset: { schema: { type: 'integer', minimum: 0, default: 0 }, description: 'Groups skipped: the next page of groups.' },
      },
      responses: { 200: { description: 'Open breaches', schema: ref('OpenBreaches') } },
      async handler({ query }) {
        const now = deps.clock();
        const r = await deps.engine.read.openBreaches({ department: query.department, dossierLevel: query.dossierLevel, procedureCode: query.procedureCode, limit: query.limit ?? 200, groupLimit: query.groupLimit ?? 100, groupOffset: query.groupOffset ?? 0 });
        const oldestCalendar = new Map<string, string | null>();
        for (const b of r.items) {
          const k = `${b.department}|${b.procedureCode}`;
          if (!oldestCalendar.has(k)) oldestCalendar.set(k, b.calendarId);
        }
        return ok({
          asOf: iso(now),
          total: r.total,
          groupsTotal: r.groupsTotal,
          groups: r.groups.map((g) => ({
            ...g,
            oldestDueAt: iso(g.oldestDueAt),
            overdueWorkingMs: -(workingMsLeft(time(), now, g.oldestDueAt, oldestCalendar.get(`${g.department}|${g.procedureCode}`) ?? null) ?? 0) || 0,
          })),
          items: r.items.map(({ calendarId, ...b }) => ({
            ...b,
            dueAt: iso(b.dueAt),
            detectedAt: iso(b.detectedAt),
            overdueWorkingMs: -(workingMsLeft(time(), now, b.dueAt, calendarId) ?? 0) || 0,
          })),
        });
      },
    },
    {
      method: 'get',
      path: '/api/supervision/at-risk',
      operationId: 'getAtRiskDossiers',
      summary: 'Dossiers late within one working day, without an apology letter',
      description:
        'Dossiers being processed whose promised date falls within the next working day and that have no apology and new appointment letter yet: ' +
        'the law asks for the letter at least one working day ahead. Soonest first. A dossier waiting for the citizen is not listed (its clock stands still).',
      tag: 'workspace',
      roles: ['supervisor', 'desk'],
      responses: { 200: { description: 'Dossiers at risk', schema: ref('AtRiskDossiers') } },
      async handler() {
        const now = deps.clock();
        // A working day never spans more than a month of days off: a safe bound for the query.
        const candidates = await deps.engine.read.atRiskCandidates(now, new Date(now.getTime() + 31 * 86_400_000));
        const items = candidates
          .map((d) => ({ d, left: workingMsLeft(time(), now, d.dueAt, d.calendarId)! }))
          .filter(({ left }) => left <= WORKING_DAY_MS)
          .map(({ d, left }) => ({
            code: d.code,
            procedureCode: d.procedureCode,
            procedureName: d.procedureName,
            applicantName: d.applicantName,
            status: statusJson(d.status),
            receivedAt: iso(d.receivedAt),
            dueAt: iso(d.dueAt),
            workingMsLeft: left,
            heldBy: d.heldBy,
          }));
        return ok({ asOf: iso(now), horizonWorkingMs: WORKING_DAY_MS, items });
      },
    },
    {
      method: 'get',
      path: '/api/reports/form06/dossiers',
      operationId: 'getForm06Dossiers',
      summary: 'The dossiers behind one cell of form 06',
      description:
        'For the same period and grouping as GET /api/reports/form06: the dossiers counted in `column` of the row `key` (every row when absent). ' +
        'Per department, each item is a step of that department (a dossier counts once per step). `total` equals the cell.',
      tag: 'workspace',
      roles: ['supervisor'],
      query: {
        column: { schema: { type: 'string', enum: [...FORM06_MEMBER_COLUMNS] }, description: 'The column of form 06.', required: true },
        key: { schema: { type: 'string', minLength: 1, maxLength: 60 }, description: 'The row: a procedure code, or a department code with groupBy=department; absent or TOTAL for the total row.' },
        groupBy: { schema: { type: 'string', enum: ['procedure', 'department'], default: 'procedure' }, description: 'As in the report.' },
        from: { schema: DAY, description: 'First day (Vietnam).' },
        to: { schema: DAY, description: 'Last day (Vietnam), included.' },
        ...PAGE_QUERY,
      },
      responses: { 200: { description: 'The dossiers', schema: ref('Form06Members') } },
      async handler({ query }) {
        const period = reportPeriod(deps.clock(), query);
        const groupBy: 'procedure' | 'department' = query.groupBy ?? 'procedure';
        const key: string | undefined = query.key && query.key !== 'TOTAL' ? query.key : undefined;
        const p = pageOf(query);
        const page = await deps.engine.read.form06Members(groupBy, period, { column: query.column as Form06MemberColumn, key, ...p });
        return ok({
          groupBy,
          key: key ?? null,
          column: query.column,
          from: period.from,
          to: period.to,
          asOf: iso(period.asOf),
          items: page.items.map((m) => ({
            ...m,
            status: statusJson(m.status),
            receivedAt: iso(m.receivedAt),
            dueAt: iso(m.dueAt),
            resolvedAt: iso(m.resolvedAt),
            returnedAt: iso(m.returnedAt),
            step: m.step && { ...m.step, dueAt: iso(m.step.dueAt), completedAt: iso(m.step.completedAt) },
          })),
          total: page.total,
          ...p,
        });
      },
    },
    {
      method: 'get',
      path: '/api/procedures/{code}/versions/{version}/heatmap',
      operationId: 'getProcedureHeatmap',
      summary: 'Per-step load and delays of a procedure version',
      description:
        'For every step of the version: open tasks (and how many are past due), completed ones, the median time taken in working time ' +
        '(over the 1000 most recent), and the breaches recorded (and still open). `from`/`to` keep the steps handed over in that period.',
      tag: 'workspace',
      roles: ['supervisor', 'analyst'],
      pathParams: {
        code: { schema: PROCEDURE_CODE, description: 'Procedure code', entity: 'procedure' },
        version: { schema: { type: 'integer', minimum: 1 }, description: 'Version number', entity: 'version' },
      },
      query: { ...periodQuery('Handed over') },
      responses: { 200: { description: 'The heat map', schema: ref('ProcedureHeatmap') } },
      async handler({ params, query }) {
        const version = await deps.engine.read.procedureVersion(params.code, Number(params.version));
        if (!version) throw notFound(`procedure ${params.code} has no version ${params.version}`);
        const now = deps.clock();
        const [stats, departments] = await Promise.all([
          deps.engine.read.stepStatistics({ versionId: version.id, now, from: periodStart(query.from), before: periodEnd(query.to) }),
          deps.engine.read.departments(),
        ]);
        const names = new Map(departments.map((d) => [d.code, d.name]));
        const cal = version.model.calendarId;
        return ok({
          code: params.code,
          version: version.version,
          name: version.name,
          asOf: iso(now),
          dossiers: stats.dossiers,
          steps: Object.values(version.model.steps).map((s) => {
            const c = stats.counts.find((r) => r.elementId === s.elementId);
            const done = stats.durations.filter((d) => d.elementId === s.elementId);
            const working = median(done.map((d) => time().elapsed(d.createdAt, d.completedAt, 'working', cal)));
            const elapsed = median(done.map((d) => d.completedAt.getTime() - d.createdAt.getTime()));
            return {
              elementId: s.elementId,
              name: s.name,
              department: s.department,
              departmentName: names.get(s.department) ?? null,
              clock: s.clock,
              deadline: s.deadline,
              openTasks: c?.openTasks ?? 0,
              lateOpenTasks: c?.lateOpenTasks ?? 0,
              completedTasks: c?.completedTasks ?? 0,
              lateCompletedTasks: c?.lateCompletedTasks ?? 0,
              medianWorkingMs: working === null ? null : Math.round(working),
              medianElapsedMs: elapsed === null ? null : Math.round(elapsed),
              breaches: c?.breaches ?? 0,
              openBreaches: c?.openBreaches ?? 0,
            };
          }),
        });
      },
    },
    {
      method: 'get',
      path: '/api/dossiers/{code}/progress',
      operationId: 'getDossierProgress',
      summary: 'Where a dossier stands on its diagram',
      description:
        'One entry per step (BPMN element) the dossier reached: current (open), done or cancelled, and late (completed late, breached, or open past its due time), ' +
        'with the working time left on the open ones: what the dossier page marks on the procedure diagram. An officer sees the dossiers its department has a step on.',
      tag: 'workspace',
      roles: ['desk', 'supervisor', 'officer'],
      pathParams: { code: { schema: DOSSIER_CODE, description: 'Dossier code', entity: 'dossier' } },
      responses: { 200: { description: 'The dossier’s progress', schema: ref('DossierProgress') } },
      async handler({ params, caller }) {
        const dossier = await deps.engine.read.readableDossier(params.code, actingFor(caller));
        const now = deps.clock();
        const { steps, model, version } = await deps.engine.read.dossierProgress(dossier);
        const cal = model.calendarId;
        const paused = dossier.status === 'supplement_requested';
        const byElement = new Map<string, typeof steps>();
        for (const s of steps) byElement.set(s.elementId, [...(byElement.get(s.elementId) ?? []), s]);
        // Handover order; steps handed over at the same instant in the order of the model.
        const modelOrder = Object.keys(model.steps);
        const entries = [...byElement.entries()].sort(([a, ra], [b, rb]) =>
          ra[0].createdAt.getTime() - rb[0].createdAt.getTime() || modelOrder.indexOf(a) - modelOrder.indexOf(b));
        const elements = entries.map(([elementId, runs]) => {
          const last = runs[runs.length - 1];
          const open = runs.find((r) => r.status === 'open' || r.status === 'claimed');
          const shown = open ?? last;
          const state = open ? 'current' : runs.some((r) => r.status === 'completed') ? 'done' : 'cancelled';
          const late = runs.some((r) => r.timeliness === 'late' || r.breached || ((r.status === 'open' || r.status === 'claimed') && !paused && !!r.dueAt && r.dueAt.getTime() <= now.getTime()));
          return {
            elementId,
            name: shown.name,
            department: shown.department,
            state,
            late,
            timeliness: shown.timeliness ?? null,
            handedOverAt: iso(shown.createdAt),
            dueAt: iso(shown.dueAt),
            completedAt: iso(shown.completedAt),
            workingMsLeft: open && !paused ? workingMsLeft(time(), now, open.dueAt, cal) : null,
            times: runs.length,
          };
        });
        const pending = ['new', 'received', 'processing'].includes(dossier.status);
        return ok({
          dossierCode: dossier.code,
          procedureCode: dossier.procedureCode,
          version,
          asOf: iso(now),
          status: statusJson(dossier.status),
          dueAt: iso(dossier.dueAt),
          workingMsLeft: pending ? workingMsLeft(time(), now, dossier.dueAt, cal) : null,
          elements,
        });
      },
    },
  ];
}
