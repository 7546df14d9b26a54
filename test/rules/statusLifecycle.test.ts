import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { FixedClock } from '../support/fixedClock.js';
import { engineFor, seedDepartments } from '../support/engineHarness.js';
import { ConflictError, ValidationError } from '../../engine/errors.js';
import type { OnestopEngine } from '../../engine/onestopEngine.js';
import { ALL_STATUSES, DOSSIER_STATUSES, statusCode, statusOfCode, TRANSITIONS, type DossierStatus } from '../../engine/dossier/statuses.js';
import { ANYWHERE, applicant, PLAIN, WITH_FEE } from './lifecycleProcedures.js';

// The national status lifecycle (codes 1-10), each transition through the
// engine's commands, each refused one answered with a sentence.

let db: TestDatabase;
let clock: FixedClock;
let engine: OnestopEngine;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  clock = new FixedClock('2026-03-02T09:00:00+07:00');
  engine = engineFor(db.pool, clock);
  for (const xml of [PLAIN, WITH_FEE, ANYWHERE]) await engine.deploy(xml);
});
afterAll(() => db.drop());

const file = (procedure = 'T.PLAIN') => engine.submit(procedure, { applicant, data: {}, channel: 'online', check: true, actor: 'portal' });
const receive = (procedure = 'T.PLAIN') => engine.submit(procedure, { applicant, data: {}, channel: 'direct', actor: 'desk' });
const historyTypes = async (code: string) => (await engine.history(code)).map((e) => e.type);
const portalCodes = async (code: string) =>
  (await db.pool.query<{ status_code: number }>('SELECT status_code FROM portal_outbox WHERE dossier_code = $1 ORDER BY id', [code])).rows.map((r) => r.status_code);
const completeStep = async (code: string) => {
  const [task] = (await engine.getDossier(code)).openTasks;
  return engine.completeTask(task.id, { actor: 'officer', data: {} });
};

test('names and the portal codes 1-10 map both ways', () => {
  expect(ALL_STATUSES.map(statusCode)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  for (const s of ALL_STATUSES) expect(statusOfCode(DOSSIER_STATUSES[s])).toBe(s);
  expect(statusOfCode(11)).toBeNull();
});

test('filed online (1), accepted by the desk: received (2) and processing (4) with the clock started at acceptance', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const filed = await file();
  expect(filed).toMatchObject({ status: 'new', tasks: [], dueAt: null });
  expect((await engine.getDossier(filed.code)).status).toMatchObject({ name: 'new', code: 1 });

  // The desk checks it on Tuesday at 10:00: the 3 working days run from then.
  clock.set('2026-03-03T10:00:00+07:00');
  const accepted = await engine.accept(filed.code, { actor: 'desk' });
  expect(accepted.status).toBe('processing');
  expect(accepted.receivedAt.toISOString()).toBe('2026-03-03T03:00:00.000Z');
  expect(accepted.dueAt?.toISOString()).toBe(new Date('2026-03-06T10:00:00+07:00').toISOString());
  expect(accepted.tasks.map((t) => t.department)).toEqual(['TUPHAP_XA']);
  const view = await engine.getDossier(filed.code);
  expect(view).toMatchObject({ status: { name: 'processing', code: 4 } });
  expect(await historyTypes(filed.code)).toEqual(['dossier.filed', 'dossier.accepted', 'dossier.received', 'task.created']);
  // The portal hears 1, then 2 and 4.
  expect(await portalCodes(filed.code)).toEqual([1, 2, 4]);

  const again = engine.accept(filed.code, { actor: 'desk' });
  await expect(again).rejects.toThrow(ConflictError);
  await expect(again).rejects.toThrow(`cannot accept the dossier: dossier ${filed.code} is processing (allowed when new)`);
});

test('refused at reception (3) with the reasons of Form 03; no reason, no refusal', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const filed = await file();
  await expect(engine.refuse(filed.code, { actor: 'desk', reasons: ['  '] })).rejects.toThrow(ValidationError);
  const refused = await engine.refuse(filed.code, { actor: 'desk', reasons: ['Thiếu giấy chứng sinh', 'Tờ khai không có chữ ký'] });
  expect(refused).toMatchObject({ status: 'refused', reasons: ['Thiếu giấy chứng sinh', 'Tờ khai không có chữ ký'] });
  const view = await engine.getDossier(filed.code);
  expect(view).toMatchObject({ status: { name: 'refused', code: 3 }, refusalReasons: ['Thiếu giấy chứng sinh', 'Tờ khai không có chữ ký'] });
  expect((await engine.history(filed.code)).at(-1)).toMatchObject({ type: 'dossier.refused', actor: 'desk', payload: { reasons: ['Thiếu giấy chứng sinh', 'Tờ khai không có chữ ký'] } });
  await expect(engine.accept(filed.code, { actor: 'desk' })).rejects.toThrow(/cannot accept the dossier: dossier .* is refused/);
  expect(await portalCodes(filed.code)).toEqual([1, 3]);
});

test('stopped (8) at the applicant’s request: open steps cancelled, nothing moves it again', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const d = await receive();
  clock.set('2026-03-03T09:00:00+07:00');
  await expect(engine.stop(d.code, { actor: 'desk', reason: ' ' })).rejects.toThrow(ValidationError);
  const stopped = await engine.stop(d.code, { actor: 'desk', reason: 'Người nộp đề nghị dừng giải quyết' });
  expect(stopped.status).toBe('stopped');
  const view = await engine.getDossier(d.code);
  expect(view).toMatchObject({ status: { name: 'stopped', code: 8 }, openTasks: [] });
  expect(view.stoppedAt?.toISOString()).toBe('2026-03-03T02:00:00.000Z');
  await expect(completeStep(d.code)).rejects.toThrow();
  await expect(engine.stop(d.code, { actor: 'desk', reason: 'again' })).rejects.toThrow(/cannot stop the dossier: dossier .* is stopped/);
  expect(await historyTypes(d.code)).toEqual(['dossier.received', 'task.created', 'dossier.stopped', 'task.cancelled']);
  expect(await portalCodes(d.code)).toEqual([2, 4, 8]);
  const stoppedRecord = (await db.pool.query('SELECT record FROM portal_outbox WHERE dossier_code = $1 ORDER BY id DESC LIMIT 1', [d.code])).rows[0].record;
  expect(stoppedRecord).toMatchObject({ TrangThaiHoSo: 8, NgayKetThucXuLy: '20260303090000', HoSoCoThanhPhanSoHoa: 0, CoKetQuaDienTu: 0 });
});

test('the portal hears that a dossier’s papers were scanned at reception', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const d = await receive();
  await db.pool.query(
    `INSERT INTO dossier_documents (dossier_id, document_code, name, version, stage, content_type, size, sha256, uploaded_at)
     SELECT id, 'TK', 'Tờ khai', 1, 'reception', 'application/pdf', 10, repeat('a', 64), now() FROM dossiers WHERE code = $1`, [d.code]);
  await engine.stop(d.code, { actor: 'desk', reason: 'Theo đề nghị' });
  const record = (await db.pool.query('SELECT record FROM portal_outbox WHERE dossier_code = $1 ORDER BY id DESC LIMIT 1', [d.code])).rows[0].record;
  expect(record).toMatchObject({ TrangThaiHoSo: 8, HoSoCoThanhPhanSoHoa: 1, CoKetQuaDienTu: 0 });
});

test('awaiting fees (6) when the process ends; the payment resolves it (9) with the wait not counted; returned by post (10)', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const d = await receive('T.FEE');
  expect(d.dueAt?.toISOString()).toBe(new Date('2026-03-05T09:00:00+07:00').toISOString());
  clock.set('2026-03-04T09:00:00+07:00');
  const done = await completeStep(d.code);
  expect(done.status).toBe('awaiting_fees');
  expect((await engine.getDossier(d.code)).status).toMatchObject({ name: 'awaiting_fees', code: 6 });
  await expect(engine.returnResult(d.code, { actor: 'desk' })).rejects.toThrow(/cannot return the result: dossier .* is awaiting fees/);
  await expect(engine.payFees(d.code, { actor: 'desk', amount: 20_000, paidAt: clock.now(), online: true })).rejects.toThrow(/50000 VND/);

  // Paid online Friday 09:00, two working days later: the promised date moves by those two days.
  clock.set('2026-03-06T09:00:00+07:00');
  const paid = await engine.payFees(d.code, { actor: 'desk', amount: 50_000, paidAt: new Date('2026-03-06T08:30:00+07:00'), online: true });
  expect(paid.status).toBe('resolved');
  expect(paid.dueAt?.toISOString()).toBe(new Date('2026-03-09T09:00:00+07:00').toISOString());
  const history = await engine.history(d.code);
  expect(history.map((e) => e.type).slice(-5)).toEqual(['task.completed', 'fees.requested', 'dossier.rescheduled', 'fees.paid', 'dossier.resolved']);
  expect(history.at(-1)).toMatchObject({ payload: { timeliness: 'early' } });
  await expect(engine.payFees(d.code, { actor: 'desk', amount: 50_000, paidAt: clock.now(), online: true })).rejects.toThrow(/cannot record the fees: dossier .* is resolved/);

  await expect(engine.returnResult(d.code, { actor: 'desk', channel: 'post' })).rejects.toThrow(/tracking number/);
  const returned = await engine.returnResult(d.code, { actor: 'desk', channel: 'post', trackingNumber: 'EB123456789VN' });
  expect(returned).toMatchObject({ status: 'returned', channel: 'post', trackingNumber: 'EB123456789VN' });
  expect(await engine.getDossier(d.code)).toMatchObject({ status: { code: 10 }, returnChannel: 'post', trackingNumber: 'EB123456789VN' });
  expect(await portalCodes(d.code)).toEqual([2, 4, 6, 9, 10]);
  const last = (await db.pool.query('SELECT record FROM portal_outbox WHERE dossier_code = $1 ORDER BY id DESC LIMIT 1', [d.code])).rows[0].record;
  expect(last).toMatchObject({ MaHoSo: d.code, MaTTHC: 'T.FEE', TrangThaiHoSo: 10, KenhThucHien: 1, NgayTiepNhan: '20260302090000', NgayHenTra: '20260309090000', NgayKetThucXuLy: '20260306090000', DuocThanhToanTrucTuyen: 1, DanhSachPhiLePhi: [{ Gia: 50000 }] });
});

test('a procedure received at any receiving point: the code carries the resolving agency, both agencies are kept', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const d = await engine.submit('T.ANYWHERE', { applicant, data: {}, channel: 'direct', receivingAgency: '000.00.12.H26', resolvingAgency: '000.00.31.H26' });
  expect(d.code).toMatch(/^000\.00\.31\.H26-260302-\d{4}$/);
  expect(await engine.getDossier(d.code)).toMatchObject({ receivingAgency: '000.00.12.H26', resolvingAgency: '000.00.31.H26' });
  const record = (await db.pool.query('SELECT record FROM portal_outbox WHERE dossier_code = $1 ORDER BY id LIMIT 1', [d.code])).rows[0].record;
  expect(record).toMatchObject({ MaCoQuan: '000.00.31.H26', MaDonViTiepNhan: '000.00.12.H26' });
  // Without the flag the receiving agency resolves: another resolving agency is refused.
  await expect(engine.submit('T.PLAIN', { applicant, data: {}, channel: 'direct', resolvingAgency: '000.00.31.H26' })).rejects.toThrow(/onestop:anyReceivingPoint/);
});

/** A dossier brought to each status the lifecycle can hold. */
async function dossierIn(status: DossierStatus): Promise<string> {
  clock.set('2026-03-02T09:00:00+07:00');
  if (status === 'new') return (await file()).code;
  if (status === 'refused') {
    const d = await file();
    await engine.refuse(d.code, { actor: 'desk', reasons: ['Không đủ thành phần'] });
    return d.code;
  }
  const d = await receive(status === 'awaiting_fees' ? 'T.FEE' : 'T.PLAIN');
  if (status === 'processing') return d.code;
  if (status === 'supplement_requested') await engine.requestSupplement(d.code, { actor: 'desk', department: null, reason: 'Thiếu', items: ['Tờ khai'] });
  if (status === 'withdrawn') await engine.withdraw(d.code, { actor: 'desk' });
  if (status === 'stopped') await engine.stop(d.code, { actor: 'desk', reason: 'Theo đề nghị' });
  if (status === 'awaiting_fees' || status === 'resolved' || status === 'returned') await completeStep(d.code);
  if (status === 'returned') await engine.returnResult(d.code, { actor: 'desk', channel: 'in_person' });
  return d.code;
}

test('every transition the lifecycle does not allow is refused with 409 and a sentence', async () => {
  const held = ALL_STATUSES.filter((s) => s !== 'received');
  const codes = new Map<DossierStatus, string>();
  for (const s of held) codes.set(s, await dossierIn(s));
  for (const s of held) expect((await engine.getDossier(codes.get(s)!)).status.name).toBe(s);

  const moves: Array<[DossierStatus, (code: string) => Promise<unknown>]> = [
    ['received', (c) => engine.accept(c, { actor: 'desk' })],
    ['refused', (c) => engine.refuse(c, { actor: 'desk', reasons: ['x'] })],
    ['stopped', (c) => engine.stop(c, { actor: 'desk', reason: 'x' })],
    ['withdrawn', (c) => engine.withdraw(c, { actor: 'desk' })],
    ['supplement_requested', (c) => engine.requestSupplement(c, { actor: 'desk', department: null, reason: 'x', items: ['y'] })],
    ['resolved', (c) => engine.payFees(c, { actor: 'desk', amount: 50_000, paidAt: clock.now(), online: false })],
    ['returned', (c) => engine.returnResult(c, { actor: 'desk' })],
  ];
  let refused = 0;
  for (const [target, move] of moves) {
    for (const from of held) {
      const allowedByTable = TRANSITIONS[from].includes(target);
      // Fees resolve only a dossier awaiting them; a supplement only while processing.
      const allowedByCommand = target === 'resolved' ? from === 'awaiting_fees' : target === 'supplement_requested' ? from === 'processing' : allowedByTable;
      if (allowedByCommand) continue;
      const attempt = move(codes.get(from)!);
      await expect(attempt).rejects.toThrow(ConflictError);
      await expect(attempt).rejects.toThrow(new RegExp(`^cannot .+: dossier ${codes.get(from)!.replace(/\./g, '\\.')} is ${from.replace(/_/g, ' ')} \\(allowed when .+\\)$`));
      refused++;
    }
  }
  expect(refused).toBeGreaterThan(40);
  // Nothing refused moved a dossier.
  for (const s of held) expect((await engine.getDossier(codes.get(s)!)).status.name).toBe(s);
});
