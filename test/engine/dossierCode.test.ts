// Dossier codes per Circular 03/2025 art. 13, and department codes in the
// official identifier format (dots, hyphens).
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { FixedClock } from '../support/fixedClock.js';
import { engineFor, seedDepartments } from '../support/engineHarness.js';
import { upsertDepartment } from '../../engine/store/departments/departmentRows.js';
import { DOSSIER_CODE_PATTERN, formatDossierCode } from '../../engine/dossier/dossierCode.js';
import { isDepartmentCode } from '../../engine/bpmn/extensionReader/departmentCode.js';
import type { OnestopEngine } from '../../engine/onestopEngine.js';

const DOTTED = '000.00.12.H26';
const bpmn = (department: string, code: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:onestop="urn:onestop:bpmn:1.0" id="Defs_${code}" targetNamespace="urn:test">
  <bpmn:process id="Proc_${code.replace(/\W/g, '_')}" name="Thủ tục kiểm tra mã" isExecutable="true" onestop:procedureCode="${code}" onestop:deadline="P2D">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Check" />
    <bpmn:userTask id="Task_Check" name="Thẩm định" onestop:department="${department}" onestop:deadline="P1D" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_Check" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;

describe('formatDossierCode', () => {
  it('pads the sequence to 4 digits and grows past 9999 instead of failing', () => {
    expect(formatDossierCode(DOTTED, '2026-03-02', 1)).toBe('000.00.12.H26-260302-0001');
    expect(formatDossierCode(DOTTED, '2026-03-02', 9999)).toBe('000.00.12.H26-260302-9999');
    expect(formatDossierCode(DOTTED, '2026-03-02', 10000)).toBe('000.00.12.H26-260302-10000');
    expect(formatDossierCode('HO-QLDT', '2026-03-02', 123456)).toBe('HO-QLDT-260302-123456');
    expect(DOSSIER_CODE_PATTERN.test('000.00.12.H26-260302-10000')).toBe(true);
    expect(DOSSIER_CODE_PATTERN.test('000.00.12.H26-260302-123')).toBe(false);
    expect(() => formatDossierCode(DOTTED, '2026-03-02', 0)).toThrow(RangeError);
  });
});

describe('department codes', () => {
  it.each(['CONGAN_XA', 'HO-QLDT', '000.00.12.H26', 'So.TNMT_2'])('accepts %s', (code) => expect(isDepartmentCode(code)).toBe(true));
  it.each(['', 'X', '-HO', 'HO QLDT', 'Sở', 'A/B', 'A'.repeat(41)])('refuses %j', (code) => expect(isDepartmentCode(code)).toBe(false));
});

describe('with a database', () => {
  let db: TestDatabase;
  let clock: FixedClock;
  let engine: OnestopEngine;
  const applicant = { name: 'Nguyễn Thị Hương', idNumber: '001188000123' };

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDepartments(db.pool);
    await upsertDepartment(db.pool, { code: DOTTED, name: 'Văn phòng UBND xã', agency: 'UBND xã Đông Anh', calendarId: null });
    await upsertDepartment(db.pool, { code: 'HO-QLDT', name: 'Phòng Quản lý đô thị', agency: 'UBND xã Đông Anh', calendarId: null });
    clock = new FixedClock('2026-03-02T09:00:00+07:00');
    engine = engineFor(db.pool, clock);
    await engine.deploy(bpmn(DOTTED, 'T.DOTTED'));
    await engine.deploy(bpmn('HO-QLDT', 'T.HYPHEN'));
  });
  afterAll(() => db.drop());

  it('gives the 10000th dossier of a day the sequence 10000', async () => {
    await db.pool.query("INSERT INTO dossier_counters (agency, day, last_seq) VALUES ('000.00.99.H26', '2026-03-02', 9999)");
    const dossier = await engine.submit('T.DOTTED', { applicant, data: {}, receivingAgency: '000.00.99.H26' });
    expect(dossier.code).toBe('000.00.99.H26-260302-10000');
    const next = await engine.submit('T.DOTTED', { applicant, data: {}, receivingAgency: '000.00.99.H26' });
    expect(next.code).toBe('000.00.99.H26-260302-10001');
    expect((await engine.getDossier(next.code)).code).toBe(next.code);
  });

  it('routes a dossier to a department whose code has dots, and to one with a hyphen', async () => {
    const dotted = await engine.submit('T.DOTTED', { applicant, data: {} });
    expect(dotted.tasks.map((t) => t.department)).toEqual([DOTTED]);
    const hyphen = await engine.submit('T.HYPHEN', { applicant, data: {} });
    expect(hyphen.tasks.map((t) => t.department)).toEqual(['HO-QLDT']);
    expect((await engine.getDossier(hyphen.code)).openTasks.map((t) => t.department)).toEqual(['HO-QLDT']);
  });

  it('starts the code with the receiving point\'s own agency identifier when it has one', async () => {
    await upsertDepartment(db.pool, { code: 'MOTCUA_PHUONG', name: 'Bộ phận Một cửa phường Hoàn Kiếm', agency: 'UBND phường Hoàn Kiếm', calendarId: null, agencyId: '000.00.31.H26' });
    const atPoint = await engine.submit('T.DOTTED', { applicant, data: {}, receivingPoint: 'MOTCUA_PHUONG' });
    expect(atPoint.code).toMatch(/^000\.00\.31\.H26-260302-\d{4}$/);
    const atDefault = await engine.submit('T.DOTTED', { applicant, data: {}, receivingPoint: 'MOTCUA_XA' });
    expect(atDefault.code).toMatch(/^000\.00\.12\.H26-260302-\d{4}$/);
    await expect(engine.submit('T.DOTTED', { applicant, data: {}, receivingPoint: 'NOWHERE' })).rejects.toThrow(/receiving point NOWHERE is not a known department/);
  });

  it('refuses at deploy a drawing whose department code is malformed', async () => {
    await expect(engine.deploy(bpmn('HO QLDT', 'T.BAD'))).rejects.toThrow(/is not a department code/);
  });
});
