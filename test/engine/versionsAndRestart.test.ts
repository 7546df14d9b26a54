import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { FixedClock } from '../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../support/engineHarness.js';
import { createPool } from '../../engine/store/db.js';

let db: TestDatabase;
const applicant = { name: 'Trần Thị Bình', idNumber: '001190000002' };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
});
afterAll(() => db.drop());

test('a re-deploy creates version 2, an identical file is a no-op, and running dossiers stay on version 1', async () => {
  const clock = new FixedClock('2026-03-02T09:00:00+07:00');
  const engine = engineFor(db.pool, clock);
  const v1xml = await fixture('engine', 'linked.bpmn');
  const v1 = await engine.deploy(v1xml);
  expect(v1).toMatchObject({ code: 'T.LINKED', version: 1, created: true });
  expect(await engine.deploy(v1xml)).toMatchObject({ version: 1, created: false });

  const old = await engine.submit('T.LINKED', { applicant, data: { childName: 'A', area: 500 } });

  // Version 2 routes the registration to the police and drops the review.
  const v2xml = v1xml
    .replace('id="Task_Register" name="Đăng ký khai sinh" onestop:department="TUPHAP_XA"', 'id="Task_Register" name="Đăng ký khai sinh" onestop:department="CONGAN_XA"')
    .replace(/<bpmn:sequenceFlow id="F8"[\s\S]*?<\/bpmn:sequenceFlow>/, '')
    .replace(/<bpmn:userTask id="Task_Review"[^>]*\/>\s*<bpmn:sequenceFlow id="F10"[^>]*\/>/, '');
  const v2 = await engine.deploy(v2xml);
  expect(v2).toMatchObject({ code: 'T.LINKED', version: 2, created: true });

  const fresh = await engine.submit('T.LINKED', { applicant, data: { childName: 'B', area: 500 } });
  expect(fresh.version).toBe(2);
  expect(fresh.tasks[0].department).toBe('CONGAN_XA');

  // The old dossier still follows version 1 to the end, review included.
  const step = async (elementId: string, data = {}) => {
    const t = (await engine.getDossier(old.code)).openTasks.find((x) => x.elementId === elementId)!;
    return engine.completeTask(t.id, { actor: 'x', data });
  };
  expect(old.tasks[0].department).toBe('TUPHAP_XA');
  await step('Task_Register', { certificateNumber: '1' });
  await step('Task_Residence');
  const r = await step('Task_Insurance');
  expect(r.created.map((t) => t.elementId)).toEqual(['Task_Review']);

  const versions = await db.pool.query('SELECT version FROM procedure_versions WHERE procedure_code = $1 ORDER BY version', ['T.LINKED']);
  expect(versions.rows.map((x) => x.version)).toEqual([1, 2]);
});

test('a dossier continues correctly when the engine process is stopped and started between two steps', async () => {
  const clock = new FixedClock('2026-03-10T09:00:00+07:00');
  const first = engineFor(db.pool, clock);
  const submitted = await first.submit('T.LINKED', { applicant, data: { childName: 'C', area: 1 } });
  const register = submitted.tasks[0];
  await first.completeTask(register.id, { actor: 'x', data: { certificateNumber: '9' } });

  // A new process: new pool, empty definition cache, nothing shared in memory.
  const pool = createPool(db.url, 4);
  try {
    const second = engineFor(pool, clock);
    const open = (await second.getDossier(submitted.code)).openTasks;
    expect(open.map((t) => t.elementId).sort()).toEqual(['Task_Insurance', 'Task_Residence']);
    for (const t of open) await second.completeTask(t.id, { actor: 'y', data: {} });
    const dossier = await second.getDossier(submitted.code);
    expect(dossier.status.name).toBe('resolved');
  } finally {
    await pool.end();
  }
});
