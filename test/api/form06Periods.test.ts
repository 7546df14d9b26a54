import { birthDossier, BIRTH_STEP_DATA, createTestbed, sample, type Testbed } from './support/apiTestbed.js';
import { form06 } from '../../engine/read/form06.js';
import { FORM06_MEMBER_COLUMNS, form06Members } from '../../engine/store/queries/form06Members.js';

// Form 06 over periods of whole months and partial days at their edges: the
// counts come from the monthly rows, the daily rows at the edges and the
// overdue flows (migration 0023); every cell must still equal the dossiers
// (or steps) its list shows, which read the rows themselves. Dossiers from
// January to April: late across a month's end, waiting for a supplement, an
// apology moving the promised date, a withdrawal, a supplement received (its
// clocks restarted), and some still open "now" (15 April, 09:00), one of them
// due earlier today and one later today.

let tb: Testbed;
const codes: Record<string, string> = {};

async function submit(name: string, at: string, channel: 'online' | 'direct' | 'post' = 'online') {
  tb.clock.set(at);
  const { procedureCode, ...input } = birthDossier({ channel });
  codes[name] = (await tb.engine.submit(procedureCode, { ...input, channel, actor: 'desk' })).code;
}

/** Completes the dossier's open steps at `at`; `steps` of them only, or until it is resolved. */
async function work(name: string, at: string, steps = Infinity) {
  tb.clock.set(at);
  let open: Array<{ id: string; elementId: string }> = (await tb.engine.getDossier(codes[name])).openTasks;
  for (let done = 0; open.length && done < steps; done++) {
    const t = open[0];
    const next = await tb.engine.completeTask(t.id, { actor: 'o', data: BIRTH_STEP_DATA[t.elementId as keyof typeof BIRTH_STEP_DATA] });
    open = next.openTasks;
  }
}

beforeAll(async () => {
  tb = await createTestbed({ start: '2026-01-05T09:00:00+07:00' });
  await tb.engine.deploy(await sample('birth-residence-insurance.bpmn'));
  await submit('J1', '2026-01-15T09:00:00+07:00', 'direct'); // overdue at the end of January, resolved late in February
  await submit('J2', '2026-01-28T10:00:00+07:00', 'post'); // one step in January, resolved in February
  await work('J2', '2026-01-29T09:00:00+07:00', 1);
  await submit('F1', '2026-02-10T09:00:00+07:00'); // never touched: overdue ever after
  await submit('F2', '2026-02-11T09:00:00+07:00'); // waiting for a supplement ever after
  tb.clock.set('2026-02-11T10:00:00+07:00');
  await tb.engine.requestSupplement(codes.F2, { actor: 'desk', department: null, reason: 'thiếu giấy', items: ['Giấy chứng sinh'] });
  await work('J1', '2026-02-12T09:00:00+07:00');
  await work('J2', '2026-02-12T10:00:00+07:00');
  await submit('F3', '2026-02-26T09:00:00+07:00', 'direct'); // a supplement received in March: clocks restarted
  tb.clock.set('2026-02-26T10:00:00+07:00');
  await tb.engine.requestSupplement(codes.F3, { actor: 'desk', department: null, reason: 'thiếu giấy', items: ['Giấy chứng sinh'] });
  tb.clock.set('2026-03-09T09:00:00+07:00');
  await tb.engine.receiveSupplement(codes.F3, { actor: 'desk' });
  await submit('M1', '2026-03-05T09:00:00+07:00'); // apology to 20 March, resolved 19 March
  await submit('M2', '2026-03-05T09:30:00+07:00', 'direct'); // withdrawn
  await submit('M3', '2026-03-16T09:00:00+07:00'); // resolved early
  tb.clock.set('2026-03-06T09:00:00+07:00');
  await tb.engine.recordApology(codes.M1, { actor: 'desk', reason: 'Chờ xác minh', responsibleDepartment: 'CONGAN_XA', newDueAt: new Date('2026-03-20T09:00:00+07:00') });
  await tb.engine.withdraw(codes.M2, { actor: 'desk' });
  await work('M3', '2026-03-16T14:00:00+07:00');
  await work('M1', '2026-03-19T09:00:00+07:00');
  await work('F3', '2026-03-31T16:00:00+07:00', 1); // one step of it done on the month's last day
  await submit('A1', '2026-04-02T09:00:00+07:00', 'direct');
  await submit('A2', '2026-04-10T08:30:00+07:00'); // due today at 08:30: overdue now
  await submit('A3', '2026-04-10T10:00:00+07:00'); // due today at 10:00: not yet
  tb.clock.set('2026-04-15T09:00:00+07:00');
});
afterAll(() => tb.close());

const vnStart = (day: string) => new Date(`${day}T00:00:00+07:00`);
const dayAfter = (day: string) => new Date(vnStart(day).getTime() + 86_400_000);
const periodOf = (from: string, to: string) => {
  const end = dayAfter(to);
  return { from, to, start: vnStart(from), end, asOf: new Date(Math.min(end.getTime(), tb.clock.now().getTime())) };
};

const PERIODS: Array<[string, string]> = [
  ['2026-01-10', '2026-03-20'], // partial January, whole February, partial March
  ['2026-02-01', '2026-03-31'], // whole months only
  ['2026-01-20', '2026-02-10'], // two partial months, no whole one
  ['2026-03-05', '2026-03-05'], // one day
  ['2026-02-15', '2026-04-30'], // not over: pending and overdue measured now
  ['2025-12-01', '2026-04-15'], // from before the first dossier to today
];

test.each(['procedure', 'department'] as const)('per %s, every cell over whole months and edge days equals its list', async (groupBy) => {
  for (const [from, to] of PERIODS) {
    const period = periodOf(from, to);
    const report = await form06(tb.db.pool, groupBy, period);
    expect(report.rows.length).toBeGreaterThan(0);
    for (const row of [...report.rows, report.total]) {
      for (const column of FORM06_MEMBER_COLUMNS) {
        const members = await form06Members(tb.db.pool, groupBy, period, { column, key: row.key === 'TOTAL' ? undefined : row.key, limit: 500, offset: 0 });
        expect([from, to, row.key, column, members.total]).toEqual([from, to, row.key, column, row[column]]);
      }
    }
  }
});

test('the periods see what happened in them: late across a month end, waiting, withdrawn, pending now', async () => {
  const total = async (from: string, to: string) => (await form06(tb.db.pool, 'procedure', periodOf(from, to))).total;
  // End of January: J1 overdue, J2 within its deadline.
  expect(await total('2026-01-01', '2026-01-31')).toMatchObject({ receivedTotal: 2, pendingTotal: 2, pendingOverdue: 1, pendingWithinDeadline: 1 });
  // February: both carried over and resolved late (Tết in between); F1 overdue, F2 waiting, F3 waiting at the month's end.
  expect(await total('2026-02-01', '2026-02-28')).toMatchObject({
    carriedOver: 2, receivedTotal: 5, resolvedTotal: 2, resolvedLate: 2, pendingTotal: 3, pendingOverdue: 1, awaitingSupplement: 2, pendingWithinDeadline: 2,
  });
  // Now: F1 overdue, F2 waiting, F3 and A1 open, A2 overdue since 08:30 today, A3 due at 10:00.
  expect(await total('2026-04-01', '2026-04-30')).toMatchObject({ carriedOver: 3, receivedTotal: 6, pendingTotal: 6, awaitingSupplement: 1 });
  const a2 = await tb.engine.getDossier(codes.A2);
  expect(a2.dueAt?.toISOString()).toBe('2026-04-15T01:30:00.000Z');
});

test('the rows rebuilt from the dossiers equal the rows the triggers kept', async () => {
  const snapshot = async () => {
    const read = async (sql: string) => (await tb.db.pool.query(sql)).rows;
    const nonZero = `received <> 0 OR received_online <> 0 OR received_direct <> 0 OR received_post <> 0 OR finished <> 0 OR resolved_early <> 0
      OR resolved_on_time <> 0 OR resolved_late <> 0 OR late_with_apology <> 0 OR withdrawn <> 0 OR overdue_started <> 0 OR overdue_ended <> 0`;
    return {
      procedureDays: await read(`SELECT * FROM form06_procedure_days WHERE ${nonZero} ORDER BY 1, 2, 3`),
      departmentDays: await read(`SELECT * FROM form06_department_days WHERE ${nonZero} ORDER BY 1, 2`),
      procedureMonths: await read(`SELECT * FROM form06_procedure_months WHERE ${nonZero} ORDER BY 1, 2, 3`),
      departmentMonths: await read(`SELECT * FROM form06_department_months WHERE ${nonZero} ORDER BY 1, 2`),
    };
  };
  const kept = await snapshot();
  expect(kept.departmentMonths.length).toBeGreaterThan(0);
  expect(kept.procedureDays.some((r) => r.overdue_started > 0 && r.overdue_ended === 0)).toBe(true);
  await tb.db.pool.query('SELECT form06_rebuild_procedure_days(); SELECT form06_rebuild_department_days()');
  expect(await snapshot()).toEqual(kept);
});
