import { bearer, birthDossier, createKey, createTestbed, databaseFingerprint, sample, type Testbed } from './support/apiTestbed.js';

// Input an attacker sends to break the server rather than to use it: each is
// refused with a 4xx problem that says why, and not one byte of the database
// changes (the same fingerprint as badInput.test.ts).

let tb: Testbed;
let desk: string;
let analyst: string;
let code: string;

beforeAll(async () => {
  tb = await createTestbed();
  analyst = await createKey(tb, 'analyst');
  desk = await createKey(tb, 'desk');
  await tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(await sample('birth-residence-insurance.bpmn')).expect(201);
  code = (await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier()).expect(201)).body.code;
});
afterAll(() => tb.close());

async function refused(status: number, send: () => PromiseLike<{ status: number; body: Record<string, unknown>; headers: Record<string, string> }>) {
  const before = await databaseFingerprint(tb);
  const res = await send();
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, detail: expect.any(String) });
  expect(await databaseFingerprint(tb)).toEqual(before);
  return res.body as { detail: string; instance?: string };
}

const submitRaw = (json: string) => tb.api.post('/api/dossiers').set(bearer(desk)).set('Content-Type', 'application/json').send(json);

describe('strings no field may hold', () => {
  test('NUL in a JSON string', async () => {
    const p = await refused(400, () => tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier({ applicant: { name: 'Mai\u0000', idNumber: '001190000123' } })));
    expect(p.detail).toMatch(/NUL/);
  });

  test('NUL in a field name of the data', async () => {
    const p = await refused(400, () => tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier({ data: { ['x\u0000y']: 1 } })));
    expect(p.detail).toMatch(/field name/);
  });

  test('a lone surrogate', async () => {
    const body = JSON.stringify(birthDossier()).replace('"Nguyễn Thị Mai"', '"Mai \\ud800"');
    const p = await refused(400, () => submitRaw(body));
    expect(p.detail).toMatch(/surrogate/);
  });

  test('data nested 5,000 deep', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const body = JSON.stringify(birthDossier()).replace(/"data":\{/, `"data":{"deep":${deep},`);
    const p = await refused(400, () => submitRaw(body));
    expect(p.detail).toMatch(/deeper than 64/);
  });
});

describe('numbers beyond what names anything', () => {
  test.each(['9223372036854775808', '1e308', 'Infinity', '-Infinity', 'NaN'])('offset=%s on a list', async (offset) => {
    await refused(400, () => tb.api.get(`/api/dossiers?offset=${offset}`).set(bearer(desk)));
  });

  test('a version number of 20 digits is a version that does not exist', async () => {
    await refused(404, () => tb.api.get('/api/procedures/2.002621/versions/12345678901234567890/bpmn').set(bearer(analyst)));
  });
});

describe('dates the calendars cannot place', () => {
  test('receivedAt in year 1', async () => {
    const p = await refused(400, () => tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier({ receivedAt: '0001-01-01T00:00:00Z' })));
    expect(p.detail).toMatch(/between 1900 and 2199/);
  });

  test('an apology moving the due date to year 9999', async () => {
    const p = await refused(400, () =>
      tb.api.post(`/api/dossiers/${code}/apology`).set(bearer(desk)).send({ reason: 'Chậm do thiếu hồ sơ', responsibleDepartment: 'TUPHAP_XA', newDueAt: '9999-12-31T00:00:00Z' }),
    );
    expect(p.detail).toMatch(/between 1900 and 2199/);
  });
});

describe('names too long to address', () => {
  test('a procedure code of 2,000 characters is refused at deploy, naming the process', async () => {
    const xml = (await sample('birth-residence-insurance.bpmn')).replace('onestop:procedureCode="2.002621"', `onestop:procedureCode="2.${'0'.repeat(1998)}"`);
    const p = await refused(422, () => tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(xml));
    expect(p.detail).toMatch(/"2\.0{38}… \(2000 characters\)" is not a procedure code: use 1 to 40/);
  });

  test('an element id of 2,000 characters is refused at deploy', async () => {
    const long = `Task_${'x'.repeat(1995)}`;
    const xml = (await sample('birth-residence-insurance.bpmn')).replace(/"Process_BirthResidenceInsurance"/g, `"${long}"`);
    const p = await refused(422, () => tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(xml));
    expect(p.detail).toMatch(/is 2000 characters long; ids may have at most 255/);
  });
});

test('a 3,000-branch parallel split is refused at deploy, so no dossier is left with part of its tasks', async () => {
  const flows = Array.from({ length: 3000 }, (_, i) => `<bpmn:sequenceFlow id="F_${i}" sourceRef="Split" targetRef="T" />`).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:onestop="urn:onestop:bpmn:1.0" id="Defs" targetNamespace="urn:test">
  <bpmn:process id="Fan" name="Fan" isExecutable="true" onestop:procedureCode="T.FAN" onestop:deadline="P3D">
    <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F_s" sourceRef="Start" targetRef="Split" /><bpmn:parallelGateway id="Split" />${flows}
    <bpmn:userTask id="T" name="Xử lý" onestop:department="TUPHAP_XA" onestop:deadline="P1D" /><bpmn:sequenceFlow id="F_e" sourceRef="T" targetRef="End" /><bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;
  const p = await refused(422, () => tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(xml));
  expect(p.detail).toMatch(/opens 3000 parallel steps at once; at most 500/);
});

describe('a reception dated back', () => {
  // The testbed's clock stands at 2026-03-02 09:00 (+07:00); the limit is RECEIVED_AT_MAX_BACKDATE_DAYS, 30 by default.
  test('more than 30 days back is refused, so no dossier starts out already late', async () => {
    const p = await refused(422, () => tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier({ receivedAt: '2026-01-30T09:00:00+07:00' })));
    expect(p.detail).toMatch(/receivedAt is 31 days ago: a reception may be dated back at most 30 days/);
  });

  test('within the limit it is received, and its history says who dated it back and by how much', async () => {
    const res = await tb.api.post('/api/dossiers').set(bearer(desk)).set('X-Onestop-User', 'An').send(birthDossier({ receivedAt: '2026-02-27T09:00:00+07:00' })).expect(201);
    expect(res.body.receivedAt).toBe('2026-02-27T02:00:00.000Z');
    const history = (await tb.api.get(`/api/dossiers/${res.body.code}/history`).set(bearer(desk)).expect(200)).body.items as Array<{ type: string; actor: string; payload: Record<string, unknown> }>;
    const received = history.find((e) => e.type === 'dossier.received')!;
    expect(received.actor).toMatch(/^An \(/);
    expect(received.payload).toMatchObject({ backdatedBy: received.actor, backdatedMs: 3 * 24 * 60 * 60 * 1000 });
  });

  test('a reception dated now records no back-dating', async () => {
    const res = await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier()).expect(201);
    const history = (await tb.api.get(`/api/dossiers/${res.body.code}/history`).set(bearer(desk)).expect(200)).body.items as Array<{ type: string; payload: Record<string, unknown> }>;
    expect(history.find((e) => e.type === 'dossier.received')!.payload).not.toHaveProperty('backdatedMs');
  });
});

describe('the X-Onestop-User header, judged once decoded', () => {
  test.each([
    ['%00', 'NUL'],
    ['Mai%0AAdmin', 'a line break'],
    ['Mai%E2%80%AEnimdA', 'a right-to-left override'],
    ['Mai%E2%81%A6x', 'a bidi isolate'],
    ['Mai%C2%85x', 'a C1 control'],
  ])('%s (%s) is refused before anything is written', async (value) => {
    const p = await refused(400, () => tb.api.post('/api/dossiers').set(bearer(desk)).set('X-Onestop-User', value).send(birthDossier()));
    expect(p.detail).toMatch(/X-Onestop-User header must not hold control characters or bidirectional overrides/i);
  });

  test('a percent-encoded Vietnamese name still names the officer', async () => {
    const res = await tb.api.post('/api/dossiers').set(bearer(desk)).set('X-Onestop-User', 'L%C3%AA%20Thu%20H%C3%A0').send(birthDossier()).expect(201);
    const history = await tb.api.get(`/api/dossiers/${res.body.code}/history`).set(bearer(desk)).expect(200);
    expect(JSON.stringify(history.body)).toContain('Lê Thu Hà');
  });
});

test('a token in the query string is not echoed in the problem', async () => {
  const res = await tb.api.get('/api/nothing-here?token=s3cr3t-value&page=2').set(bearer(desk));
  expect(res.status).toBe(404);
  expect(JSON.stringify(res.body)).not.toContain('s3cr3t-value');
  expect(res.body.instance).toBe('/api/nothing-here?page=2');
});
