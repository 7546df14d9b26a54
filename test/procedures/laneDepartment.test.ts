// The lane-department rule: a step that names a department other than its
// lane's is flagged with a warning (the drawing misleads), in the linter the
// designer runs and in the deploy answer, and never refuses the file.

import { lintBpmn } from '../../engine/lint/lintBpmn.js';
import { createTestbed, sample, bearer, createKey, type Testbed } from '../api/support/apiTestbed.js';

const BIRTH_FILE = 'birth-residence-insurance.bpmn';
const moved = (xml: string, department: string) =>
  xml.replace('<bpmn:userTask id="Task_RegisterBirth" ', `<bpmn:userTask id="Task_RegisterBirth" onestop:department="${department}" `);

test('a step moved to the police but left in the civil-status lane gets a warning naming both departments', async () => {
  const { problems } = await lintBpmn(moved(await sample(BIRTH_FILE), 'CONGAN_XA'));
  const flagged = problems.filter((p) => p.rule === 'lane-department');
  expect(flagged).toEqual([expect.objectContaining({ elementId: 'Task_RegisterBirth', severity: 'warning' })]);
  expect(flagged[0].message).toMatch(/"CONGAN_XA".*Lane_CivilStatus.*"TUPHAP_XA"/);
});

test('a step naming its own lane’s department, or none, is not flagged; the samples are clean', async () => {
  for (const xml of [moved(await sample(BIRTH_FILE), 'TUPHAP_XA'), await sample(BIRTH_FILE), await sample('construction-permit-house.bpmn')]) {
    expect((await lintBpmn(xml)).problems.filter((p) => p.rule === 'lane-department')).toEqual([]);
  }
});

describe('at deploy', () => {
  let tb: Testbed;
  beforeAll(async () => {
    tb = await createTestbed();
  });
  afterAll(() => tb?.close());

  test('the warning comes back with the deployed version, which is stored', async () => {
    const analyst = await createKey(tb, 'analyst');
    const res = await tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(moved(await sample(BIRTH_FILE), 'CONGAN_XA')).expect(201);
    expect(res.body.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ elementId: 'Task_RegisterBirth', rule: 'lane-department', severity: 'warning' })]));
  });
});
