// The endpoints the browser workspace reads (api/routes/workspaceRoutes.ts),
// through HTTP with every response checked against the OpenAPI document:
// who am I, the department inbox with working time left, open breaches by
// department and procedure, dossiers at risk, the dossiers behind every cell
// of form 06 (equal to the cell), the heat map and a dossier's progress.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bearer, birthDossier, BIRTH_STEP_DATA, createKey, createTestbed, sample, type Testbed } from '../api/support/apiTestbed.js';
import { FORM06_MEMBER_COLUMNS } from '../../engine/store/queries/form06Members.js';
import { median } from '../../engine/store/queries/stepStatistics.js';
import { urgencyOf } from '../../api/views/workingTimeViews.js';
import { ROOT } from '../support/engineHarness.js';

const HOUR = 3_600_000;
const CUTRU = 'T.CUTRU';
export const RESIDENCE_FIXTURE = path.join(ROOT, 'test/fixtures/workspace/residence-confirmation.bpmn');

let tb: Testbed;
const key: Record<string, string> = {};
const codes: Record<string, string> = {};

const REVIEW = { reviewResult: 'eligible', reviewer: 'Lê Thu Hà' };
const CONFIRM = { residenceConfirmed: true, confirmationNumber: '12/XN' };

async function residence(name: string, channel: 'online' | 'direct' | 'post' = 'direct') {
  const r = await tb.engine.submit(CUTRU, {
    applicant: { name: `Công dân ${name}`, idNumber: '001090000001' },
    data: { requesterFullName: `Công dân ${name}`, dateOfBirth: '1990-01-01', residenceAddress: 'Thôn Đông, xã Đông Anh', purpose: 'Khác', copies: 1 },
    channel,
    actor: 'desk',
  });
  codes[name] = r.code;
  return r;
}

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Hanoi.
  tb = await createTestbed();
  const deployed = await tb.engine.deploy(await readFile(RESIDENCE_FIXTURE, 'utf8'));
  expect(deployed.warnings).toEqual([]);
  await tb.engine.deploy(await sample('birth-residence-insurance.bpmn'));
  key.justice = await createKey(tb, 'officer', 'TUPHAP_XA', 'Tư pháp xã');
  key.police = await createKey(tb, 'officer', 'CONGAN_XA', 'Công an xã');
  key.supervisor = await createKey(tb, 'supervisor', undefined, 'Giám sát');
  key.desk = await createKey(tb, 'desk', undefined, 'Một cửa');
  key.analyst = await createKey(tb, 'analyst', undefined, 'Phân tích');

  // A: reviewed at 09:00, then the police step (30 calendar minutes) goes late.
  const a = await residence('A', 'online');
  await tb.engine.completeTask(a.tasks[0].id, { actor: 'Tư pháp xã', data: REVIEW });
  // B: waiting for the review; C: a birth dossier (three departments).
  await residence('B', 'post');
  const { procedureCode, ...birth } = birthDossier();
  const c = await tb.engine.submit(procedureCode, { ...birth, channel: 'online', actor: 'desk' });
  codes.C = c.code;
  // D: reviewed and confirmed at once: resolved on time (early: no, same day).
  const d = await residence('D');
  const dNext = await tb.engine.completeTask(d.tasks[0].id, { actor: 'Tư pháp xã', data: REVIEW });
  await tb.engine.completeTask(dNext.openTasks[0].id, { actor: 'Công an xã', data: CONFIRM });
});
afterAll(() => tb.close());

test('who am I: role, department and its name', async () => {
  const me = (await tb.api.get('/api/me').set(bearer(key.justice)).expect(200)).body;
  expect(me).toMatchObject({ name: 'Tư pháp xã', role: 'officer', department: 'TUPHAP_XA', departmentName: 'Công chức Tư pháp – Hộ tịch xã Đông Anh', actor: 'Tư pháp xã' });
  const named = (await tb.api.get('/api/me').set(bearer(key.justice)).set('X-Onestop-User', 'L%C3%AA%20Thu%20H%C3%A0').expect(200)).body;
  expect(named.actor).toBe('Lê Thu Hà (Tư pháp xã)');
  expect((await tb.api.get('/api/me').set(bearer(key.supervisor)).expect(200)).body).toMatchObject({ role: 'supervisor', department: null, departmentName: null });
});

test('the inbox: own department only, most urgent first, time left in working time', async () => {
  const inbox = (await tb.api.get('/api/inbox').set(bearer(key.justice)).expect(200)).body;
  expect(inbox.department).toBe('TUPHAP_XA');
  expect(inbox.asOf).toBe('2026-03-02T02:00:00.000Z');
  expect(inbox.items.every((t: { department: string }) => t.department === 'TUPHAP_XA')).toBe(true);
  expect(inbox.items.map((t: { dossierCode: string }) => t.dossierCode).sort()).toEqual([codes.B, codes.C].sort());
  const b = inbox.items.find((t: { dossierCode: string }) => t.dossierCode === codes.B);
  // One working hour, due at 10:00 the same day.
  expect(b).toMatchObject({ name: 'Thẩm định hồ sơ', urgency: 'due_today', workingMsLeft: HOUR, procedureName: 'Xác nhận thông tin cư trú (thử nghiệm)', applicantName: 'Công dân B', breached: false });
  // The work list does not show forms: each step has its own only when asked for.
  expect(b.form).toBeUndefined();
  const withForms = (await tb.api.get('/api/inbox?forms=true').set(bearer(key.justice)).expect(200)).body;
  expect(withForms.items.find((t: { dossierCode: string }) => t.dossierCode === codes.B).form.required).toEqual(['reviewResult', 'reviewer']);
  const dues = inbox.items.map((t: { dueAt: string }) => t.dueAt);
  expect(dues).toEqual([...dues].sort());
  // The birth registration step has a working day: due tomorrow 09:00.
  expect(inbox.counts).toEqual({ late: 0, dueToday: 1, onTrack: 1, other: 0 });

  await tb.api.get('/api/inbox?department=CONGAN_XA').set(bearer(key.justice)).expect(403);
  const police = (await tb.api.get('/api/inbox').set(bearer(key.police)).expect(200)).body;
  expect(police.items.map((t: { dossierCode: string }) => t.dossierCode)).toEqual([codes.A]);
  // A supervisor may look at any department's, or all.
  const all = (await tb.api.get('/api/inbox').set(bearer(key.supervisor)).expect(200)).body;
  expect(all.department).toBeNull();
  expect(all.total).toBe(3);
  await tb.api.get('/api/inbox').set(bearer(key.desk)).expect(403);
});

test('urgency: late, due today, on track, paused, no deadline', () => {
  const now = new Date('2026-03-02T09:00:00+07:00');
  expect(urgencyOf(now, new Date('2026-03-02T08:59:00+07:00'), false)).toBe('late');
  expect(urgencyOf(now, now, false)).toBe('late');
  expect(urgencyOf(now, new Date('2026-03-02T16:59:00+07:00'), false)).toBe('due_today');
  expect(urgencyOf(now, new Date('2026-03-03T08:00:00+07:00'), false)).toBe('on_track');
  expect(urgencyOf(now, new Date('2026-03-02T08:00:00+07:00'), true)).toBe('paused');
  expect(urgencyOf(now, null, false)).toBe('no_deadline');
  expect(median([])).toBeNull();
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 2, 3])).toBe(2.5);
});

test('at risk: due within one working day, no apology letter yet', async () => {
  const atRisk = (await tb.api.get('/api/supervision/at-risk').set(bearer(key.supervisor)).expect(200)).body;
  // The residence dossiers are promised in 90 minutes; the birth one in 3 working days.
  expect(atRisk.items.map((d: { code: string }) => d.code).sort()).toEqual([codes.A, codes.B].sort());
  const a = atRisk.items.find((d: { code: string }) => d.code === codes.A);
  expect(a).toMatchObject({ workingMsLeft: 1.5 * HOUR, heldBy: [{ code: 'CONGAN_XA', name: 'Công an xã Đông Anh (đăng ký, quản lý cư trú)' }] });
  // The desk sees it too (it writes the letters); an apology takes the dossier off the list.
  await tb.api.post(`/api/dossiers/${codes.B}/apology`).set(bearer(key.desk))
    .send({ reason: 'Chờ xác minh', responsibleDepartment: 'TUPHAP_XA', newDueAt: '2026-03-03T17:00:00+07:00' }).expect(200);
  const after = (await tb.api.get('/api/supervision/at-risk').set(bearer(key.desk)).expect(200)).body;
  expect(after.items.map((d: { code: string }) => d.code)).toEqual([codes.A]);
});

test('a step goes late: open breaches by department and procedure, the inbox turns red, the dossier progress marks it', async () => {
  tb.clock.set('2026-03-02T11:00:00+07:00');
  const swept = await tb.engine.sweepDeadlines();
  expect(swept.breaches.length).toBeGreaterThanOrEqual(2);

  const open = (await tb.api.get('/api/supervision/open-breaches').set(bearer(key.supervisor)).expect(200)).body;
  const police = open.groups.find((g: { department: string | null }) => g.department === 'CONGAN_XA');
  expect(police).toMatchObject({ procedureCode: CUTRU, count: 1, dossiers: 1, oldestDueAt: '2026-03-02T02:30:00.000Z', departmentName: 'Công an xã Đông Anh (đăng ký, quản lý cư trú)' });
  // Overdue since 09:30: 1.5 working hours at 11:00.
  expect(police.overdueWorkingMs).toBe(1.5 * HOUR);
  const promised = open.groups.find((g: { department: string | null }) => g.department === null);
  expect(promised).toMatchObject({ procedureCode: CUTRU, count: 1 });
  const dues = open.items.map((b: { dueAt: string }) => b.dueAt);
  expect(dues).toEqual([...dues].sort());
  const groupDues = open.groups.map((g: { oldestDueAt: string }) => g.oldestDueAt);
  expect(groupDues).toEqual([...groupDues].sort());
  expect(open.groupsTotal).toBe(open.groups.length);
  expect(open.total).toBe(open.groups.reduce((n: number, g: { count: number }) => n + g.count, 0));
  // A page of groups: the rest after it, the totals of all of them.
  const firstGroup = (await tb.api.get('/api/supervision/open-breaches?groupLimit=1').set(bearer(key.supervisor)).expect(200)).body;
  expect(firstGroup).toMatchObject({ total: open.total, groupsTotal: open.groups.length, groups: [open.groups[0]] });
  const nextGroups = (await tb.api.get('/api/supervision/open-breaches?groupLimit=1&groupOffset=1').set(bearer(key.supervisor)).expect(200)).body;
  expect(nextGroups.groups).toEqual([open.groups[1]]);
  await expect(groupsAsRecounted()).resolves.toBe(true);
  const filtered = (await tb.api.get(`/api/supervision/open-breaches?department=CONGAN_XA&procedureCode=${CUTRU}`).set(bearer(key.supervisor)).expect(200)).body;
  expect(filtered.items.map((b: { dossierCode: string }) => b.dossierCode)).toEqual([codes.A]);
  const dossierLevel = (await tb.api.get('/api/supervision/open-breaches?dossierLevel=true').set(bearer(key.supervisor)).expect(200)).body;
  expect(dossierLevel.items.every((b: { department: string | null }) => b.department === null)).toBe(true);

  const inbox = (await tb.api.get('/api/inbox').set(bearer(key.police)).expect(200)).body;
  expect(inbox.items[0]).toMatchObject({ dossierCode: codes.A, urgency: 'late', breached: true, workingMsLeft: -1.5 * HOUR });

  const progress = (await tb.api.get(`/api/dossiers/${codes.A}/progress`).set(bearer(key.police)).expect(200)).body;
  expect(progress.elements).toEqual([
    expect.objectContaining({ elementId: 'Task_Review', state: 'done', late: false, timeliness: 'on_time' }),
    expect.objectContaining({ elementId: 'Task_Confirm', state: 'current', late: true, workingMsLeft: -1.5 * HOUR }),
  ]);
  expect(progress.workingMsLeft).toBe(-0.5 * HOUR);
  // An officer of a department with no step on the dossier may not read it.
  const other = await createKey(tb, 'officer', 'BHXH');
  await tb.api.get(`/api/dossiers/${codes.A}/progress`).set(bearer(other)).expect(403);
  await tb.api.get('/api/dossiers/000.00.12.H26-260302-9999/progress').set(bearer(key.desk)).expect(404);

  // Done late: the breach closes, the dossier is resolved late.
  const task = inbox.items[0];
  await tb.api.post(`/api/tasks/${task.id}/complete`).set(bearer(key.police)).send({ data: CONFIRM }).expect(200);
  const done = (await tb.api.get(`/api/dossiers/${codes.A}/progress`).set(bearer(key.supervisor)).expect(200)).body;
  expect(done.elements[1]).toMatchObject({ state: 'done', late: true, timeliness: 'late', workingMsLeft: null });
  expect(done.status.name).toBe('resolved');
  const after = (await tb.api.get('/api/supervision/open-breaches').set(bearer(key.supervisor)).expect(200)).body;
  expect(after.groups.map((g: { department: string | null; procedureCode: string }) => `${g.department}:${g.procedureCode}`)).toEqual([`TUPHAP_XA:${CUTRU}`]);
  expect(after).toMatchObject({ total: 1, groupsTotal: 1 });
  await expect(groupsAsRecounted()).resolves.toBe(true);
});

/** The groups the recording and closing statements keep (migration 0025) equal the open breaches counted afresh. */
async function groupsAsRecounted(): Promise<boolean> {
  const { rows } = await tb.db.pool.query<{ kept: unknown; recounted: unknown }>(
    `SELECT (SELECT json_agg(x ORDER BY x.department NULLS FIRST, x.procedure_code) FROM (SELECT department, procedure_code, breaches, dossiers, oldest_due_at
               FROM open_breach_groups WHERE breaches > 0) x) AS kept,
            (SELECT json_agg(x ORDER BY x.department NULLS FIRST, x.procedure_code) FROM (SELECT department, procedure_code, count(*)::int AS breaches,
               count(DISTINCT dossier_id)::int AS dossiers, min(due_at) AS oldest_due_at FROM breaches WHERE closed_at IS NULL GROUP BY 1, 2) x) AS recounted`,
  );
  expect(rows[0].kept).toEqual(rows[0].recounted);
  return true;
}

test('the heat map: open tasks, median working time taken and breaches per step', async () => {
  const heat = (await tb.api.get(`/api/procedures/${CUTRU}/versions/1/heatmap`).set(bearer(key.supervisor)).expect(200)).body;
  expect(heat).toMatchObject({ code: CUTRU, version: 1, name: 'Xác nhận thông tin cư trú (thử nghiệm)', dossiers: 3 });
  expect(heat.steps.map((s: { elementId: string }) => s.elementId)).toEqual(['Task_Review', 'Task_Confirm']);
  const [review, confirm] = heat.steps;
  // B's review is still open, past 10:00.
  expect(review).toMatchObject({ department: 'TUPHAP_XA', openTasks: 1, lateOpenTasks: 1, completedTasks: 2, medianWorkingMs: 0, breaches: 1, openBreaches: 1, clock: 'working', deadline: 'PT1H' });
  // D confirmed at once (0), A after two hours (09:00 → 11:00): median 1 hour.
  expect(confirm).toMatchObject({ department: 'CONGAN_XA', openTasks: 0, completedTasks: 2, lateCompletedTasks: 1, medianWorkingMs: HOUR, medianElapsedMs: HOUR, breaches: 1, openBreaches: 0, clock: 'calendar' });
  expect((await tb.api.get(`/api/procedures/${CUTRU}/versions/1/heatmap`).set(bearer(key.analyst)).expect(200)).body.steps).toHaveLength(2);
  await tb.api.get(`/api/procedures/${CUTRU}/versions/7/heatmap`).set(bearer(key.supervisor)).expect(404);
  await tb.api.get(`/api/procedures/${CUTRU}/versions/1/heatmap`).set(bearer(key.desk)).expect(403);
});

test('every cell of form 06 lists exactly the dossiers (or steps) it counts', async () => {
  for (const groupBy of ['procedure', 'department'] as const) {
    const report = (await tb.api.get(`/api/reports/form06?groupBy=${groupBy}&from=2026-03-01&to=2026-03-31`).set(bearer(key.supervisor)).expect(200)).body;
    for (const row of [...report.rows, report.total]) {
      for (const column of FORM06_MEMBER_COLUMNS) {
        const members = (await tb.api.get(`/api/reports/form06/dossiers?groupBy=${groupBy}&key=${encodeURIComponent(row.key)}&column=${column}&from=2026-03-01&to=2026-03-31&limit=500`)
          .set(bearer(key.supervisor)).expect(200)).body;
        expect([groupBy, row.key, column, members.total]).toEqual([groupBy, row.key, column, row[column]]);
        expect(members.items).toHaveLength(row[column]);
      }
    }
  }
  const late = (await tb.api.get(`/api/reports/form06/dossiers?key=${CUTRU}&column=resolvedLate&from=2026-03-01&to=2026-03-31`).set(bearer(key.supervisor)).expect(200)).body;
  expect(late.items.map((m: { code: string }) => m.code)).toEqual([codes.A]);
  expect(late.items[0].step).toBeNull();
  const policeLate = (await tb.api.get('/api/reports/form06/dossiers?groupBy=department&key=CONGAN_XA&column=resolvedLate').set(bearer(key.supervisor)).expect(200)).body;
  expect(policeLate).toMatchObject({ from: '2026-03-01', to: '2026-03-02', total: 1 });
  expect(policeLate.items[0].step).toMatchObject({ elementId: 'Task_Confirm', department: 'CONGAN_XA', timeliness: 'late' });
  await tb.api.get('/api/reports/form06/dossiers?column=nope').set(bearer(key.supervisor)).expect(400);
  await tb.api.get('/api/reports/form06/dossiers').set(bearer(key.supervisor)).expect(400);
  await tb.api.get('/api/reports/form06/dossiers?column=resolvedLate&from=2026-03-05&to=2026-03-01').set(bearer(key.supervisor)).expect(400);
});

test('a birth dossier done in the departments shows every step done on its progress', async () => {
  const d = await tb.engine.getDossier(codes.C);
  const next = await tb.engine.completeTask(d.openTasks[0].id, { actor: 'o', data: BIRTH_STEP_DATA.Task_RegisterBirth });
  const progress = (await tb.api.get(`/api/dossiers/${codes.C}/progress`).set(bearer(key.desk)).expect(200)).body;
  expect(progress.elements.map((e: { elementId: string; state: string }) => `${e.elementId}:${e.state}`).sort()).toEqual(
    ['Task_IssueHealthInsuranceCard:current', 'Task_RegisterBirth:done', 'Task_RegisterPermanentResidence:current'],
  );
  expect(next.openTasks).toHaveLength(2);
});
