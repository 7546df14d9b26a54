import { bearer, birthDossier, BIRTH_STEP_DATA, createKey, createTestbed, sample, type Testbed } from '../api/support/apiTestbed.js';
import { asPerson, onboard, OWN_PASSWORD, PASSWORD, sessionCookieOf, signIn } from './support/personSessions.js';

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed();
  await tb.api.post('/api/procedures').set(bearer(await createKey(tb, 'analyst'))).set('Content-Type', 'application/xml').send(await sample('birth-residence-insurance.bpmn')).expect(201);
});
afterAll(() => tb.close());

const audit = async (query: string) => (await tb.api.get(`/api/audit?${query}`).set(bearer(tb.admin)).expect(200)).body;

test('an administrator creates a person; the password given is changed at the first sign-in', async () => {
  const created = await tb.api.post('/api/people').set(bearer(tb.admin)).send({ username: 'Le.Thu.Ha', fullName: 'Lê Thu Hà', password: PASSWORD, memberships: [{ role: 'officer', department: 'TUPHAP_XA' }] }).expect(201);
  expect(created.body).toMatchObject({ username: 'le.thu.ha', fullName: 'Lê Thu Hà', active: true, mustChangePassword: true, memberships: [{ role: 'officer', department: 'TUPHAP_XA' }] });
  const first = await signIn(tb, 'le.thu.ha', PASSWORD);
  expect(first.body.mustChangePassword).toBe(true);
  const refused = await tb.api.get('/api/tasks').set(asPerson(first)).expect(403);
  expect(refused.body.detail).toMatch(/change your password first/);
  expect((await tb.api.get('/api/me').set(asPerson(first)).expect(200)).body).toMatchObject({ kind: 'person', name: 'le.thu.ha', fullName: 'Lê Thu Hà', mustChangePassword: true });
  const weak = await tb.api.post('/api/session/password').set(asPerson(first)).send({ currentPassword: PASSWORD, newPassword: 'password123' }).expect(422);
  expect(weak.body.errors[0]).toMatchObject({ path: '/newPassword' });
  const short = await tb.api.post('/api/session/password').set(asPerson(first)).send({ currentPassword: PASSWORD, newPassword: 'Ab1!x' }).expect(422);
  expect(short.body.detail).toMatch(/at least 10 characters/);
  await tb.api.post('/api/session/password').set(asPerson(first)).send({ currentPassword: PASSWORD, newPassword: OWN_PASSWORD }).expect(204);
  expect((await tb.api.get('/api/tasks').set(asPerson(first)).expect(200)).body.total).toBe(0);
  await tb.api.post('/api/session').send({ username: 'le.thu.ha', password: PASSWORD }).expect(401);
});

test('refused people: weak or common password, officer without department, unknown department, taken username', async () => {
  const post = (body: object) => tb.api.post('/api/people').set(bearer(tb.admin)).send(body);
  expect((await post({ username: 'a.b', fullName: 'A', password: 'qwertyuiop', memberships: [{ role: 'desk' }] }).expect(422)).body.detail).toMatch(/common/);
  expect((await post({ username: 'a.b', fullName: 'A', memberships: [{ role: 'officer' }] }).expect(422)).body.errors[0].path).toBe('/memberships/0/department');
  expect((await post({ username: 'a.b', fullName: 'A', memberships: [{ role: 'lead', department: 'NOWHERE' }] }).expect(422)).body.errors[0].message).toMatch(/does not exist/);
  await post({ username: 'dup', fullName: 'A', memberships: [{ role: 'desk' }] }).expect(201);
  await post({ username: 'DUP', fullName: 'B', memberships: [{ role: 'desk' }] }).expect(409);
});

test('the session cookie is HttpOnly, SameSite=Lax, for the whole site; Secure only when configured', async () => {
  await onboard(tb, 'cookie.check', [{ role: 'desk' }]);
  const res = await tb.api.post('/api/session').send({ username: 'cookie.check', password: OWN_PASSWORD }).expect(200);
  const line = ([] as string[]).concat(res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('onestop_session='))!;
  const attributes = line.split(';').slice(1).map((a) => a.trim().toLowerCase());
  expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', 'max-age=43200']));
  expect(attributes).not.toContain('secure');
  expect(res.headers['cache-control']).toBe('no-store');
  const secureBed = await createTestbed({ auth: { secureCookie: true } });
  try {
    await secureBed.api.post('/api/people').set(bearer(secureBed.admin)).send({ username: 'sec', fullName: 'S', password: PASSWORD, memberships: [{ role: 'desk' }] }).expect(201);
    const r = await secureBed.api.post('/api/session').send({ username: 'sec', password: PASSWORD }).expect(200);
    expect(String(r.headers['set-cookie'])).toMatch(/; Secure/i);
  } finally {
    await secureBed.close();
  }
});

test('a cookie-authenticated change from a foreign Origin or without the CSRF token is refused with 403; an API key needs neither', async () => {
  const desk = await onboard(tb, 'csrf.desk', [{ role: 'desk' }]);
  const before = (await tb.api.get('/api/dossiers').set(asPerson(desk)).expect(200)).body.total;
  const noToken = await tb.api.post('/api/dossiers').set('Cookie', desk.cookie).send(birthDossier()).expect(403);
  expect(noToken.body.detail).toMatch(/x-csrf-token/);
  const wrongToken = await tb.api.post('/api/dossiers').set('Cookie', desk.cookie).set('X-CSRF-Token', 'x'.repeat(32)).send(birthDossier()).expect(403);
  expect(wrongToken.body.detail).toMatch(/x-csrf-token/);
  const foreign = await tb.api.post('/api/dossiers').set(asPerson(desk)).set('Origin', 'https://evil.example').send(birthDossier()).expect(403);
  expect(foreign.body.detail).toMatch(/https:\/\/evil\.example/);
  expect((await tb.api.get('/api/dossiers').set(asPerson(desk)).expect(200)).body.total).toBe(before);
  await tb.api.post('/api/dossiers').set(asPerson(desk)).send(birthDossier()).expect(201);
  await tb.api.post('/api/dossiers').set(bearer(await createKey(tb, 'desk'))).set('Origin', 'https://evil.example').send(birthDossier()).expect(201);
});

test('X-Onestop-User cannot change the recorded person of a session; from a system key it is recorded as reported by that system', async () => {
  const desk = await onboard(tb, 'nguyen.van.an', [{ role: 'desk' }], 'Nguyễn Văn An');
  const made = await tb.api.post('/api/dossiers').set(asPerson(desk)).set('X-Onestop-User', 'Someone Else').send(birthDossier()).expect(201);
  const history = (await tb.api.get(`/api/dossiers/${made.body.code}/history`).set(asPerson(desk)).expect(200)).body;
  const actors = JSON.stringify(history);
  expect(actors).toContain('Nguyễn Văn An (@nguyen.van.an)');
  expect(actors).not.toContain('Someone Else');
  const key = await createKey(tb, 'desk', undefined, 'portal sync');
  const viaKey = await tb.api.post('/api/dossiers').set(bearer(key)).set('X-Onestop-User', encodeURIComponent('Trần Bình')).send(birthDossier()).expect(201);
  const keyHistory = JSON.stringify((await tb.api.get(`/api/dossiers/${viaKey.body.code}/history`).set(bearer(key)).expect(200)).body);
  expect(keyHistory).toContain('Trần Bình (portal sync)');
  expect(keyHistory).not.toContain('@');
});

test('a deactivated person’s session stops working at the next request', async () => {
  const s = await onboard(tb, 'leaving.soon', [{ role: 'supervisor' }]);
  await tb.api.get('/api/breaches').set(asPerson(s)).expect(200);
  await tb.api.patch(`/api/people/${s.id}`).set(bearer(tb.admin)).send({ active: false }).expect(200);
  const gone = await tb.api.get('/api/breaches').set(asPerson(s)).expect(401);
  expect(gone.body.detail).toMatch(/session has ended/);
  expect((await tb.api.post('/api/session').send({ username: 'leaving.soon', password: OWN_PASSWORD }).expect(401)).body.detail).toMatch(/deactivated/);
  expect((await audit('action=person.deactivated')).items[0]).toMatchObject({ actor: 'bootstrap administrator', actorKind: 'system', target: 'leaving.soon' });
});

test('ten wrong passwords lock the account; the right one is refused while locked, and accepted after 15 minutes', async () => {
  await onboard(tb, 'slow.typist', [{ role: 'desk' }]);
  for (let i = 1; i <= 10; i++) {
    const r = await tb.api.post('/api/session').send({ username: 'slow.typist', password: `wrong-password-${i}` }).expect(401);
    expect(r.body.detail).toBe('wrong username or password');
  }
  const locked = await tb.api.post('/api/session').send({ username: 'slow.typist', password: OWN_PASSWORD }).expect(423);
  expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
  expect(locked.headers['content-type']).toMatch(/application\/problem\+json/);
  expect((await audit('actor=slow.typist&action=session.failed')).total).toBe(10);
  expect((await audit('action=person.locked')).items[0].target).toBe('slow.typist');
  expect((await audit('action=session.refused-locked')).total).toBe(1);
  tb.clock.set('2026-03-02T09:16:00+07:00');
  await signIn(tb, 'slow.typist', OWN_PASSWORD);
  tb.clock.set('2026-03-02T09:00:00+07:00');
});

test('sign out of this device, of every device; idle sessions end', async () => {
  await onboard(tb, 'two.devices', [{ role: 'analyst' }]);
  const a = await signIn(tb, 'two.devices', OWN_PASSWORD);
  const b = await signIn(tb, 'two.devices', OWN_PASSWORD);
  const c = await signIn(tb, 'two.devices', OWN_PASSWORD);
  const out = await tb.api.delete('/api/session').set(asPerson(a)).expect(204);
  expect(String(out.headers['set-cookie'])).toMatch(/onestop_session=;.*Expires=Thu, 01 Jan 1970/);
  await tb.api.get('/api/me').set(asPerson(a)).expect(401);
  await tb.api.get('/api/me').set(asPerson(b)).expect(200);
  await tb.api.delete('/api/session?everywhere=true').set(asPerson(b)).expect(204);
  await tb.api.get('/api/me').set(asPerson(c)).expect(401);
  const d = await signIn(tb, 'two.devices', OWN_PASSWORD);
  tb.clock.set('2026-03-02T09:31:00+07:00');
  await tb.api.get('/api/me').set(asPerson(d)).expect(401);
  tb.clock.set('2026-03-02T09:00:00+07:00');
  expect((await audit('actor=two.devices&action=session.')).items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['session.signed-in', 'session.signed-out', 'session.signed-out-everywhere']));
});

test('a person with several memberships acts with the one the route needs', async () => {
  const both = await onboard(tb, 'desk.and.officer', [{ role: 'desk' }, { role: 'officer', department: 'CONGAN_XA' }]);
  const me = (await tb.api.get('/api/me').set(asPerson(both)).expect(200)).body;
  expect(me.memberships).toEqual([{ role: 'desk', department: null }, { role: 'officer', department: 'CONGAN_XA' }]);
  // The inbox is an officer's (or supervisor's): the officer membership, scoped to its department.
  expect((await tb.api.get('/api/inbox').set(asPerson(both)).expect(200)).body.department).toBe('CONGAN_XA');
  await tb.api.get('/api/inbox?department=TUPHAP_XA').set(asPerson(both)).expect(403);
  await tb.api.get('/api/reports/form06').set(asPerson(both)).expect(403);
});

test('a lead reassigns a task of the department to a colleague; history and control slip show the person; the audit log keeps it', async () => {
  const lead = await onboard(tb, 'truong.phong', [{ role: 'lead', department: 'TUPHAP_XA' }], 'Trưởng phòng Tư pháp');
  const officer = await onboard(tb, 'cong.chuc', [{ role: 'officer', department: 'TUPHAP_XA' }], 'Công chức Hộ tịch');
  await onboard(tb, 'other.dept', [{ role: 'officer', department: 'CONGAN_XA' }]);
  const desk = await onboard(tb, 'desk.person', [{ role: 'desk' }], 'Cán bộ Một cửa');
  const d = (await tb.api.post('/api/dossiers').set(asPerson(desk)).send(birthDossier()).expect(201)).body;
  const taskId = d.tasks[0].id;
  const mine = await tb.api.post(`/api/tasks/${taskId}/claim`).set(asPerson(lead)).expect(200);
  expect(mine.body.assignee).toBe('Trưởng phòng Tư pháp (@truong.phong)');
  await tb.api.post(`/api/tasks/${taskId}/assign`).set(asPerson(lead)).send({ username: 'other.dept' }).expect(409);
  await tb.api.post(`/api/tasks/${taskId}/assign`).set(asPerson(officer)).send({ username: 'cong.chuc' }).expect(403);
  const assigned = await tb.api.post(`/api/tasks/${taskId}/assign`).set(asPerson(lead)).send({ personId: officer.id }).expect(200);
  expect(assigned.body).toMatchObject({ status: 'claimed', assignee: 'Công chức Hộ tịch (@cong.chuc)' });
  // "My tasks": what the officer claimed; "my department's tasks": the department's.
  const myTasks = (await tb.api.get(`/api/tasks?assignee=${encodeURIComponent(assigned.body.assignee)}`).set(asPerson(officer)).expect(200)).body;
  expect(myTasks.items.map((t: { id: string }) => t.id)).toEqual([taskId]);
  const reassigned = (await audit('action=task.reassigned')).items[0];
  expect(reassigned).toMatchObject({ actor: 'truong.phong', actorKind: 'person', target: taskId, detail: { from: 'Trưởng phòng Tư pháp (@truong.phong)', to: 'cong.chuc', department: 'TUPHAP_XA' } });
  await tb.api.post(`/api/tasks/${taskId}/complete`).set(asPerson(lead)).send({ data: BIRTH_STEP_DATA.Task_RegisterBirth }).expect(409);
  await tb.api.post(`/api/tasks/${taskId}/complete`).set(asPerson(officer)).send({ data: BIRTH_STEP_DATA.Task_RegisterBirth }).expect(200);
  const slip = (await tb.api.get(`/api/dossiers/${d.code}/control-slip`).set(asPerson(desk)).expect(200)).body;
  expect(slip.rows[0].completedBy).toBe('Công chức Hộ tịch (@cong.chuc)');
  const history = JSON.stringify((await tb.api.get(`/api/dossiers/${d.code}/history`).set(asPerson(desk)).expect(200)).body);
  expect(history).toContain('Cán bộ Một cửa (@desk.person)');
  const reads = await audit('actor=desk.person&action=dossier.read');
  expect(reads.items.map((e: { target: string; detail: { operation: string } }) => [e.target, e.detail.operation])).toEqual([[d.code, 'getDossierHistory'], [d.code, 'getControlSlip']]);
});

test('a person who is an officer of several departments acts for the department of the task: claim, complete, reassign', async () => {
  const both = await onboard(tb, 'two.departments', [{ role: 'officer', department: 'TUPHAP_XA' }, { role: 'lead', department: 'CONGAN_XA' }], 'Hai Phòng');
  const colleague = await onboard(tb, 'police.colleague', [{ role: 'officer', department: 'CONGAN_XA' }], 'Công an viên');
  const desk = await onboard(tb, 'desk.two.depts', [{ role: 'desk' }]);
  const d = (await tb.api.post('/api/dossiers').set(asPerson(desk)).send(birthDossier()).expect(201)).body;
  const first = d.tasks[0];
  expect(first.department).toBe('TUPHAP_XA');
  await tb.api.post(`/api/tasks/${first.id}/claim`).set(asPerson(both)).expect(200);
  const done = (await tb.api.post(`/api/tasks/${first.id}/complete`).set(asPerson(both)).send({ data: BIRTH_STEP_DATA.Task_RegisterBirth }).expect(200)).body;
  const police = done.openTasks.find((t: { department: string }) => t.department === 'CONGAN_XA');
  const insurance = done.openTasks.find((t: { department: string }) => t.department === 'BHXH');
  // The second membership counts: the step of CONGAN_XA is read, claimed and completed by the same person.
  expect((await tb.api.get(`/api/tasks/${police.id}`).set(asPerson(both)).expect(200)).body.department).toBe('CONGAN_XA');
  expect((await tb.api.post(`/api/tasks/${police.id}/claim`).set(asPerson(both)).expect(200)).body.assignee).toBe('Hai Phòng (@two.departments)');
  // As the lead of CONGAN_XA the person hands it to a colleague and takes it back.
  await tb.api.post(`/api/tasks/${police.id}/assign`).set(asPerson(both)).send({ personId: colleague.id }).expect(200);
  await tb.api.post(`/api/tasks/${police.id}/assign`).set(asPerson(both)).send({ personId: both.id }).expect(200);
  await tb.api.post(`/api/tasks/${police.id}/complete`).set(asPerson(both)).send({ data: BIRTH_STEP_DATA.Task_RegisterPermanentResidence }).expect(200);
  // A department the person does not belong to stays refused, saying whose the step is.
  const refused = await tb.api.post(`/api/tasks/${insurance.id}/claim`).set(asPerson(both)).expect(403);
  expect(refused.body.detail).toMatch(/BHXH/);
  const history = JSON.stringify((await tb.api.get(`/api/dossiers/${d.code}/history`).set(asPerson(desk)).expect(200)).body);
  expect(history.match(/Hai Phòng \(@two\.departments\)/g)?.length).toBeGreaterThanOrEqual(4);
});

test('a person who is an officer of several departments reads the papers of a dossier only the second one has a step on', async () => {
  const both = await onboard(tb, 'land.and.police', [{ role: 'officer', department: 'VPDKDD' }, { role: 'officer', department: 'CONGAN_XA' }]);
  const land = await onboard(tb, 'land.only', [{ role: 'officer', department: 'VPDKDD' }]);
  const justice = await onboard(tb, 'justice.for.papers', [{ role: 'officer', department: 'TUPHAP_XA' }]);
  const desk = await onboard(tb, 'desk.second.dept', [{ role: 'desk' }]);
  const d = (await tb.api.post('/api/dossiers').set(asPerson(desk)).send(birthDossier()).expect(201)).body;
  // Nobody of the two departments has a step yet.
  await tb.api.get(`/api/dossiers/${d.code}/documents`).set(asPerson(both)).expect(403);
  await tb.api.post(`/api/tasks/${d.tasks[0].id}/complete`).set(asPerson(justice)).send({ data: BIRTH_STEP_DATA.Task_RegisterBirth }).expect(200);
  // Now CONGAN_XA has one: its officer reads the papers, whichever membership is listed first; VPDKDD alone still cannot.
  const list = (await tb.api.get(`/api/dossiers/${d.code}/documents`).set(asPerson(both)).expect(200)).body;
  expect(list.papers.map((p: { code: string }) => p.code)).toContain('TO_KHAI_KHAI_SINH');
  await tb.api.get(`/api/dossiers/${d.code}/documents`).set(asPerson(land)).expect(403);
});

test('a person refused by the role check of a documents route is recorded in the documents access log', async () => {
  const analyst = await onboard(tb, 'nosy.analyst', [{ role: 'analyst' }], 'Chuyên viên Tò mò');
  const desk = await onboard(tb, 'desk.for.papers', [{ role: 'desk' }]);
  const d = (await tb.api.post('/api/dossiers').set(asPerson(desk)).send(birthDossier()).expect(201)).body;
  await tb.api.get(`/api/dossiers/${d.code}/documents`).set(asPerson(analyst)).expect(403);
  const log = await tb.db.pool.query(`SELECT actor, action, detail FROM document_access_log WHERE dossier_code = $1`, [d.code]);
  expect(log.rows).toEqual([{ actor: 'Chuyên viên Tò mò (@nosy.analyst)', action: 'refused', detail: 'listDossierDocuments needs the role desk, supervisor, officer; the caller is analyst' }]);
});

test('CSV import: a dry run shows the errors of each line and creates nobody; then everyone in one go', async () => {
  const bad = ['username,fullName,role,department,password', 'csv.one,Một,officer,TUPHAP_XA,', 'csv.two,Hai,officer,', 'csv.three,Ba,chief,BHXH,', 'csv.one,Một,lead,TUPHAP_XA,'].join('\n');
  const preview = (await tb.api.post('/api/people/import?dryRun=true').set(bearer(tb.admin)).send({ csv: bad }).expect(200)).body;
  expect(preview).toMatchObject({ dryRun: true, imported: false, people: 3, memberships: 4, errorLines: 2 });
  expect(preview.lines.map((l: { line: number; errors: unknown[] }) => [l.line, l.errors.length])).toEqual([[2, 0], [3, 1], [4, 1], [5, 0]]);
  expect(preview.lines[1].errors[0]).toMatchObject({ path: '/department' });
  expect(preview.lines[2].errors[0]).toMatchObject({ path: '/role' });
  const refused = (await tb.api.post('/api/people/import').set(bearer(tb.admin)).send({ csv: bad }).expect(422)).body;
  expect(refused.errors.map((e: { path: string }) => e.path)).toEqual(['/csv/line/3/department', '/csv/line/4/role']);
  expect((await tb.api.get('/api/people?search=csv.').set(bearer(tb.admin)).expect(200)).body.total).toBe(0);
  const good = ['username,fullName,role,department', 'csv.one,Một,officer,TUPHAP_XA', 'csv.one,Một,lead,TUPHAP_XA', 'csv.two,"Hai, Văn",desk,'].join('\r\n');
  const done = (await tb.api.post('/api/people/import').set(bearer(tb.admin)).send({ csv: good }).expect(200)).body;
  expect(done).toMatchObject({ imported: true, people: 2, errorLines: 0 });
  const people = (await tb.api.get('/api/people?search=csv.').set(bearer(tb.admin)).expect(200)).body;
  expect(people.items.map((p: { username: string; fullName: string; memberships: unknown[] }) => [p.username, p.fullName, p.memberships.length])).toEqual([['csv.one', 'Một', 2], ['csv.two', 'Hai, Văn', 1]]);
  const again = (await tb.api.post('/api/people/import?dryRun=true').set(bearer(tb.admin)).send({ csv: good }).expect(200)).body;
  expect(again.lines[0].errors[0].message).toBe('csv.one already exists');
});

test('system keys show their last use; the first administrator of a fresh install', async () => {
  const key = await createKey(tb, 'supervisor', undefined, 'dashboard screen');
  const list = async () => (await tb.api.get('/api/keys').set(bearer(tb.admin)).expect(200)).body.items.find((k: { name: string }) => k.name === 'dashboard screen');
  expect((await list()).lastUsedAt).toBeNull();
  await tb.api.get('/api/breaches').set(bearer(key)).expect(200);
  expect((await list()).lastUsedAt).toBe('2026-03-02T02:00:00.000Z');
  expect((await audit('action=admin.createKey')).total).toBeGreaterThan(0);
});

test('an unknown username and a wrong password get the same answer', async () => {
  const a = await tb.api.post('/api/session').send({ username: 'nobody.here', password: 'whatever-it-is' }).expect(401);
  const b = await tb.api.post('/api/session').send({ username: 'le.thu.ha', password: 'whatever-it-is' }).expect(401);
  expect(a.body.detail).toBe(b.body.detail);
  expect(sessionCookieOf).toBeDefined();
});
