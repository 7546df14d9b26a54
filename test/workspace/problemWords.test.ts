// The server's refusals carry a stable code and its parameters; the browser
// words them in the reader's language (web/shared/i18n/problemText.ts):
// "Không tìm thấy hồ sơ …", never "dossier … does not exist". Checked on
// real answers of the API, then worded in Vietnamese and in English.

import { bearer, birthDossier, createKey, createTestbed, sample, type Testbed } from '../api/support/apiTestbed.js';
import { fieldProblemsOf, problemText } from '../../web/shared/i18n/problemText.js';
import { setLang } from '../../web/shared/i18n/i18n.js';

let tb: Testbed;
let desk: string;
let supervisor: string;
let code: string;

beforeAll(async () => {
  tb = await createTestbed({ start: '2026-03-11T09:00:00+07:00' });
  desk = await createKey(tb, 'desk', undefined, 'Bộ phận Một cửa');
  supervisor = await createKey(tb, 'supervisor', undefined, 'Lãnh đạo Trung tâm');
  await tb.engine.deploy(await sample('birth-residence-insurance.bpmn'), 'test');
  code = (await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier()).expect(201)).body.code;
});
afterAll(() => tb.close());
afterEach(() => setLang('vi'));

/** A refusal as the browser holds it (ApiError's status and problem). */
const refusal = (res: { status: number; body: unknown }) => ({ status: res.status, problem: res.body as { code?: string } });

test('an unknown dossier: code and parameter, “Không tìm thấy hồ sơ …” in Vietnamese', async () => {
  const res = await tb.api.get('/api/dossiers/000.00.12.H26-260311-9999').set(bearer(desk)).expect(404);
  expect(res.body).toMatchObject({ code: 'dossier-not-found', params: { code: '000.00.12.H26-260311-9999' } });
  expect(problemText(refusal(res))).toBe('Không tìm thấy hồ sơ 000.00.12.H26-260311-9999.');
  setLang('en');
  expect(problemText(refusal(res))).toBe('No dossier 000.00.12.H26-260311-9999 was found.');
});

test('a reversed period, on the report and on the list of dossiers: the two days, written as the office writes them', async () => {
  for (const url of ['/api/reports/form06?from=2026-03-11&to=2026-03-01', '/api/dossiers?from=2026-03-11&to=2026-03-01']) {
    const res = await tb.api.get(url).set(bearer(supervisor)).expect(400);
    expect(res.body).toMatchObject({ code: 'period-reversed', params: { from: '2026-03-11', to: '2026-03-01' } });
    expect(problemText(refusal(res))).toBe('Khoảng thời gian không hợp lệ: ngày bắt đầu (11/03/2026) sau ngày kết thúc (01/03/2026).');
  }
});

test('a new promised date before the current one: the field says it, with the current date in Vietnam time', async () => {
  const dossier = (await tb.api.get(`/api/dossiers/${code}`).set(bearer(desk)).expect(200)).body;
  const res = await tb.api.post(`/api/dossiers/${code}/apology`).set(bearer(desk))
    .send({ reason: 'Chờ xác minh', responsibleDepartment: 'BHXH', newDueAt: '2026-03-12T10:00:00.000Z' });
  expect(res.status).toBe(422);
  expect(res.body).toMatchObject({ code: 'after-promised-date', errors: [expect.objectContaining({ path: '/newDueAt', code: 'after-promised-date' })] });
  const due = new Date(dossier.dueAt);
  const vn = new Date(due.getTime() + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const written = `${pad(vn.getUTCDate())}/${pad(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()} ${pad(vn.getUTCHours())}:${pad(vn.getUTCMinutes())}`;
  expect(problemText(refusal(res))).toBe(`Ngày hẹn mới phải sau ngày hẹn hiện tại (${written}).`);
  // The sentence names its field already: it is not named twice.
  expect(fieldProblemsOf(refusal(res))).toEqual([`Ngày hẹn mới phải sau ngày hẹn hiện tại (${written}).`]);
});

test('a malformed request: each field named in people’s words, no JSON Schema keyword or regex on screen', async () => {
  const body = birthDossier();
  const res = await tb.api.post('/api/dossiers').set(bearer(desk)).send({ ...body, applicant: { name: '', idNumber: 'x'.repeat(30) } }).expect(400);
  expect(res.body.code).toBe('request-invalid');
  const lines = fieldProblemsOf(refusal(res));
  expect(lines).toEqual(expect.arrayContaining(['Họ và tên: cần nhập.', 'Số định danh cá nhân: nhiều nhất 20 ký tự.']));
  for (const line of lines) expect(line).not.toMatch(/must|NOT|\^|\$|\{/);
});

test('a refusal without a code is worded by its type; without a problem at all, the server’s English stays out of the Vietnamese', () => {
  expect(problemText({ status: 409, problem: { type: 'urn:onestop:problem:conflict', detail: 'cannot do X: dossier Y is resolved' } }))
    .toBe('Dữ liệu đã thay đổi trong lúc bạn làm việc; hãy tải lại trang rồi thử lại.');
  expect(problemText({ status: 0, problem: null, message: 'the server cannot be reached (Failed to fetch)' })).toBe('Không kết nối được máy chủ; hãy kiểm tra mạng rồi thử lại.');
  expect(problemText({ status: 422, problem: { code: 'process-stuck', params: { reported: 'yes' }, detail: 'undefined: the procedure could not continue' } }))
    .toMatch(/^Quy trình của thủ tục không thể đi tiếp .* đã báo cho cán bộ giám sát và cán bộ phân tích nghiệp vụ/);
  setLang('en');
  expect(problemText({ status: 409, problem: { type: 'urn:onestop:problem:conflict', detail: 'cannot do X: dossier Y is resolved' } })).toBe('cannot do X: dossier Y is resolved');
});

test('the desk’s search: any part of the name, the ID number or the phone, case-insensitive, the wildcards of LIKE taken literally', async () => {
  const find = async (q: string) => (await tb.api.get(`/api/dossiers?q=${encodeURIComponent(q)}`).set(bearer(desk)).expect(200)).body.items.map((d: { code: string }) => d.code);
  expect(await find('thị mai')).toEqual([code]);
  expect(await find('190000123')).toEqual([code]);
  expect(await find('0912345')).toEqual([code]);
  expect(await find(code.slice(-9))).toEqual([code]);
  expect(await find('%')).toEqual([]);
  expect(await find('Hương')).toEqual([]);
  expect((await tb.api.get('/api/dossiers?channel=post').set(bearer(desk)).expect(200)).body.total).toBe(0);
  expect((await tb.api.get('/api/dossiers?channel=online').set(bearer(desk)).expect(200)).body.total).toBe(1);
});

test('the report as CSV for a Vietnamese spreadsheet: headed in Vietnamese, decimal comma, semicolons; by default as before', async () => {
  const url = '/api/reports/form06?from=2026-03-01&to=2026-03-31';
  const vi = await tb.api.get(`${url}&headings=vi&decimal=comma`).set(bearer(supervisor)).set('Accept', 'text/csv').expect(200);
  const [header, ...rows] = vi.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(header.split(';').slice(0, 4)).toEqual(['Mã', 'Tên', 'Nhận giải quyết – tổng số', 'Nhận – trực tuyến']);
  expect(header).not.toMatch(/receivedTotal|TOTAL/);
  const total = rows.at(-1)!.split(';');
  expect(total.slice(0, 3)).toEqual(['', 'Tổng cộng', '1']);
  // The progress ratio, a fraction: written with a comma when it has decimals.
  expect(total.at(-1)).toMatch(/^\d+(,\d+)?$/);
  const plain = await tb.api.get(url).set(bearer(supervisor)).set('Accept', 'text/csv').expect(200);
  expect(plain.text.replace(/^\uFEFF/, '').split('\r\n')[0].startsWith('key,name,receivedTotal')).toBe(true);
});
