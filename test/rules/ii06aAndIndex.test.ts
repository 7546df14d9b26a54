import ExcelJS from 'exceljs';
import { bearer, createKey, createTestbed, type Testbed } from '../api/support/apiTestbed.js';
import { applicant, PLAIN } from './lifecycleProcedures.js';

// Biểu II.06a and the 766 progress figure on a small set of dossiers whose
// figures are worked out by hand below. T.PLAIN promises 3 working days.
//
//   dossier  channel  received          what happens                                   II.06a            766 progress
//   G        direct   Fri 27/2 09:00    resolved Tue 3/3 (due Wed 4/3 09:00)           carried, early    on time
//   H        direct   Tue 10/2 09:00    resolved Wed 11/2, before the period           not counted       not counted
//   A        online   Mon 2/3 09:00     resolved Wed 4/3 (due Thu 5/3 09:00)           early             on time
//   B        direct   Mon 2/3 09:00     resolved Mon 9/3                               late              late
//   C        post     Mon 2/3 09:00     supplement 2/3 11:00 → 6/3 10:00 (95 h),       early (restarted  on time: 6/3 15:00 − 95 h
//                                      resolved Fri 6/3 15:00                         due Wed 11/3)     = 2/3 16:00 ≤ 5/3 09:00
//   D        online   Mon 2/3 09:00     two supplements, resolved Tue 3/3 10:00        early             overdue (2 supplements)
//   E        online   Thu 12/3 09:00    pending at the end (due Tue 17/3 09:00)        pending within    on time
//   F        direct   Mon 2/3 09:00     pending at the end (due Thu 5/3 09:00)         pending overdue   late
//   I, J     online   filed 2/3          I refused at reception, J never checked       not counted       not counted
//
// Period 2/3–13/3/2026. II.06a: received 3 online + 2 direct + 1 post + 1 carried over = 7;
// resolved 4 early + 1 late; pending 1 within + 1 overdue. Progress: A, C, E, G on time
// of 7 → 20 × 4 ÷ 7 = 11.43. Online: 3 of the 6 received in the period (A, D, E) = 50% → 12 of 12.

let tb: Testbed;
let supervisor: string;
const code: Record<string, string> = {};

beforeAll(async () => {
  tb = await createTestbed();
  supervisor = await createKey(tb, 'supervisor');
  const e = tb.engine;
  await e.deploy(PLAIN);
  const at = (t: string) => tb.clock.set(`${t}+07:00`);
  const receive = async (name: string, channel: 'online' | 'direct' | 'post') => (code[name] = (await e.submit('T.PLAIN', { applicant, data: {}, channel })).code);
  const complete = async (name: string) => {
    const [task] = (await e.getDossier(code[name])).openTasks;
    await e.completeTask(task.id, { actor: 'officer', data: {} });
  };
  const ask = (name: string) => e.requestSupplement(code[name], { actor: 'desk', department: null, reason: 'Thiếu giấy tờ', items: ['Tờ khai'] });
  const back = (name: string) => e.receiveSupplement(code[name], { actor: 'desk' });

  at('2026-02-10T09:00:00'); await receive('H', 'direct');
  at('2026-02-11T09:00:00'); await complete('H');
  at('2026-02-27T09:00:00'); await receive('G', 'direct');
  at('2026-03-02T09:00:00');
  await receive('A', 'online'); await receive('B', 'direct'); await receive('C', 'post'); await receive('D', 'online'); await receive('F', 'direct');
  code.I = (await e.submit('T.PLAIN', { applicant, data: {}, channel: 'online', check: true })).code;
  code.J = (await e.submit('T.PLAIN', { applicant, data: {}, channel: 'online', check: true })).code;
  await e.refuse(code.I, { actor: 'desk', reasons: ['Thiếu giấy tờ'] });
  at('2026-03-02T10:00:00'); await ask('D');
  at('2026-03-02T11:00:00'); await ask('C');
  at('2026-03-02T14:00:00'); await back('D');
  at('2026-03-02T15:00:00'); await ask('D');
  at('2026-03-03T09:00:00'); await back('D'); await complete('G');
  at('2026-03-03T10:00:00'); await complete('D');
  at('2026-03-04T09:00:00'); await complete('A');
  at('2026-03-06T10:00:00'); await back('C');
  at('2026-03-06T15:00:00'); await complete('C');
  at('2026-03-09T09:00:00'); await complete('B');
  at('2026-03-12T09:00:00'); await receive('E', 'online');
  at('2026-03-16T09:00:00');
});
afterAll(() => tb.close());

const PERIOD = 'from=2026-03-02&to=2026-03-13';
const EXPECTED_TOTAL = {
  key: 'TOTAL', name: 'Tổng số',
  receivedTotal: 7, receivedOnline: 3, receivedDirect: 2, receivedPost: 1, carriedOver: 1,
  resolvedTotal: 5, resolvedEarly: 4, resolvedOnTime: 0, resolvedLate: 1,
  pendingTotal: 2, pendingWithinDeadline: 1, pendingOverdue: 1,
  withdrawn: 0, stopped: 0,
};

test('Biểu II.06a by procedure, field and agency', async () => {
  const byProcedure = (await tb.api.get(`/api/reports/ii06a?${PERIOD}`).set(bearer(supervisor)).expect(200)).body;
  expect(byProcedure).toMatchObject({ groupBy: 'procedure', from: '2026-03-02', to: '2026-03-13', asOf: '2026-03-13T17:00:00.000Z', total: EXPECTED_TOTAL });
  expect(byProcedure.rows).toEqual([{ ...EXPECTED_TOTAL, key: 'T.PLAIN', name: 'Thủ tục T.PLAIN' }]);
  const byField = (await tb.api.get(`/api/reports/ii06a?${PERIOD}&groupBy=field`).set(bearer(supervisor)).expect(200)).body;
  expect(byField.rows).toEqual([{ ...EXPECTED_TOTAL, key: 'Hộ tịch', name: 'Hộ tịch' }]);
  const byAgency = (await tb.api.get(`/api/reports/ii06a?${PERIOD}&groupBy=agency`).set(bearer(supervisor)).expect(200)).body;
  expect(byAgency.rows).toEqual([{ ...EXPECTED_TOTAL, key: '000.00.12.H26', name: '000.00.12.H26' }]);
  await tb.api.get('/api/reports/ii06a?from=2026-03-13&to=2026-03-02').set(bearer(supervisor)).expect(400);
});

test('CSV and XLSX exports carry the same figures', async () => {
  const csv = await tb.api.get(`/api/reports/ii06a?${PERIOD}`).set(bearer(supervisor)).set('Accept', 'text/csv').expect(200);
  expect(csv.headers['content-type']).toMatch(/^text\/csv/);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('key,name,receivedTotal,receivedOnline,receivedDirect,receivedPost,carriedOver,resolvedTotal,resolvedEarly,resolvedOnTime,resolvedLate,pendingTotal,pendingWithinDeadline,pendingOverdue,withdrawn,stopped');
  expect(lines.at(-1)).toBe('TOTAL,Tổng số,7,3,2,1,1,5,4,0,1,2,1,1,0,0');

  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const res = await tb.api.get(`/api/reports/ii06a?${PERIOD}&groupBy=field`).set(bearer(supervisor)).set('Accept', XLSX)
    .buffer(true).parse((r, done) => { const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => done(null, Buffer.concat(chunks))); })
    .expect(200);
  expect(res.headers['content-type']).toBe(XLSX);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as never);
  const sheet = book.getWorksheet('II.06a')!;
  expect(sheet.getCell('A1').value).toBe('Biểu II.06a/VPCP/KSTT: Kết quả giải quyết thủ tục hành chính');
  expect(sheet.getCell('A2').value).toBe('Theo lĩnh vực, từ 2026-03-02 đến 2026-03-13');
  expect(sheet.getRow(4).getCell(3).value).toBe('Tổng số hồ sơ tiếp nhận');
  expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual(['Hộ tịch', 'Hộ tịch', 7, 3, 2, 1, 1, 5, 4, 0, 1, 2, 1, 1, 0, 0]);
  expect((sheet.getRow(6).values as unknown[]).slice(1, 4)).toEqual(['TOTAL', 'Tổng số', 7]);
});

test('the 766 progress figure: pauses subtracted, a second supplement overdue, open dossiers at the period end', async () => {
  const index = (await tb.api.get(`/api/reports/service-index?${PERIOD}`).set(bearer(supervisor)).expect(200)).body;
  const names = (codes: string[]) => codes.map((c) => Object.keys(code).find((k) => code[k] === c)).sort();
  expect(index.progress).toMatchObject({ max: 20, numerator: 4, denominator: 7, score: 11.43 });
  expect(names(index.progress.counted)).toEqual(['A', 'C', 'E', 'G']);
  expect(names(index.progress.notCounted)).toEqual(['B', 'D', 'F']);
  expect(index.progress.verdicts.find((v: { code: string }) => v.code === code.D).why).toBe('2 supplement requests');
  expect(index.progress.verdicts.find((v: { code: string }) => v.code === code.C).why).toBe('ended 2026-03-06T08:00:00.000Z, 5700 min paused; promised 2026-03-05T02:00:00.000Z');
  expect(index.progress.formula).toMatch(/^20 × \(resolved on time \+ pending within deadline\) ÷ \(all received or processed in the period\)/);

  expect(index.online).toMatchObject({ max: 12, numerator: 3, denominator: 6, score: 12 });
  expect(names(index.online.counted)).toEqual(['A', 'D', 'E']);
  expect(index.onlinePayment).toMatchObject({ max: 10, score: null, denominator: 0 });
  const documents = (await tb.db.pool.query(`SELECT to_regclass('public.dossier_documents') IS NOT NULL AS ok`)).rows[0].ok;
  if (documents) expect(index.digitisation).toMatchObject({ max: 22, numerator: 0, denominator: 3, score: 0 });
  else expect(index.digitisation).toMatchObject({ max: 22, score: null });
});
