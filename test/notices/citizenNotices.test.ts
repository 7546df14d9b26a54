// The five notices to the citizen (reception, supplement request, apology,
// result ready, return), sent through a REAL SMTP server on 127.0.0.1
// (smtp-server, read back with mailparser) and a phone gateway on
// 127.0.0.1 that fails once; the administrator's wording and the delivery
// log over the API.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { bearer, BIRTH_STEP_DATA, birthDossier, createTestbed, PROCESSES, type Testbed } from '../api/support/apiTestbed.js';
import { deliverNotices, emailChannel, httpGatewayChannel, type NoticeSenderOptions } from '../../engine/notices/index.js';
import { expectEveryDossierWaits } from '../support/invariant.js';

let tb: Testbed;
let smtp: SMTPServer;
let gateway: Server;
let sender: NoticeSenderOptions;
const mails: Promise<ParsedMail>[] = [];
const texts: Array<{ to: string; text: string; idempotencyKey: string | undefined }> = [];
let gatewayFailures = 1;
let code = '';

const BASE = 'https://dichvucong.example.vn';

const listen = (s: { listen: (port: number, host: string, cb: () => void) => unknown }) => new Promise<void>((resolve) => void s.listen(0, '127.0.0.1', resolve));

beforeAll(async () => {
  tb = await createTestbed();
  await tb.engine.loadProcessesFolder(PROCESSES);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      mails.push(simpleParser(stream));
      stream.on('end', () => callback());
    },
  });
  await listen(smtp.server);
  gateway = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (gatewayFailures > 0) {
        gatewayFailures -= 1;
        res.writeHead(503).end('busy');
        return;
      }
      const json = JSON.parse(body) as { to: string; text: string };
      texts.push({ to: json.to, text: json.text, idempotencyKey: req.headers['idempotency-key'] as string | undefined });
      res.writeHead(202).end();
    });
  });
  await listen(gateway);
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const gatewayPort = (gateway.address() as AddressInfo).port;
  sender = {
    pool: tb.db.pool,
    channels: [
      emailChannel({ url: `smtp://127.0.0.1:${smtpPort}`, from: 'Bộ phận Một cửa xã Đông Anh <motcua@example.vn>' }),
      httpGatewayChannel({ url: `http://127.0.0.1:${gatewayPort}/sms`, token: 'gw-token' }),
    ],
    publicBaseUrl: BASE,
    backoff: { baseMs: 1, maxMs: 1 },
  };
}, 30_000);

afterAll(async () => {
  for (const c of sender?.channels ?? []) c.close?.();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await new Promise<void>((resolve) => (gateway ? gateway.close(() => resolve()) : resolve()));
  await tb?.close();
});

/** Delivers what is due, then waits for the mails the SMTP server got. */
async function deliver(): Promise<ParsedMail[]> {
  const before = mails.length;
  while (await deliverNotices(sender)) {
    // A failed attempt is due again after the 1 ms back-off.
    await new Promise((r) => setTimeout(r, 5));
  }
  return Promise.all(mails.slice(before));
}

async function noticeRows() {
  const { rows } = await tb.db.pool.query<{ kind: string; channel: string; status: string; attempts: number }>(
    'SELECT kind, channel, status, attempts FROM citizen_notices WHERE dossier_code = $1 ORDER BY id', [code]);
  return rows;
}

test('an administrator’s template with a placeholder the notice does not know is refused with 422, naming it', async () => {
  const res = await tb.api.put('/api/notices/templates/returned').set(bearer(tb.admin))
    .send({ subject: 'Hồ sơ {ma_ho_so}', body: 'Số hồ sơ {so_ho_so}, hạn {ngay_hen_tra}' }).expect(422);
  expect(res.body.errors.map((e: { path: string; params: { placeholder: string } }) => [e.path, e.params.placeholder])).toEqual([['/body', 'so_ho_so'], ['/body', 'ngay_hen_tra']]);
  expect(res.body.detail).toContain('{so_ho_so}');
  const list = await tb.api.get('/api/notices/templates').set(bearer(tb.admin)).expect(200);
  expect(list.body.items.map((t: { kind: string }) => t.kind)).toEqual(['received', 'supplement_requested', 'apology', 'result_ready', 'returned']);
  expect(list.body.items.every((t: { isDefault: boolean }) => t.isDefault)).toBe(true);
});

test('reception: queued with the dossier in its transaction, then mailed with the promised date in Vietnam time and the lookup link', async () => {
  const input = birthDossier();
  const r = await tb.engine.submit(input.procedureCode, { applicant: input.applicant, data: input.data, channel: 'direct', actor: 'Bộ phận Một cửa' });
  code = r.code;
  // Nothing sent yet: the change only queued them, one per contact.
  expect(await noticeRows()).toEqual([
    { kind: 'received', channel: 'email', status: 'pending', attempts: 0 },
    { kind: 'received', channel: 'phone', status: 'pending', attempts: 0 },
  ]);
  const [mail] = await deliver();
  expect(mail.subject).toBe(`Đã tiếp nhận hồ sơ ${code}`);
  expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('mai.nguyen@example.vn');
  expect(mail.text).toContain('Thời gian hẹn trả kết quả: 09:00 ngày 05/03/2026.');
  expect(mail.text).toContain('đã được tiếp nhận lúc 09:00 ngày 02/03/2026');
  expect(mail.text).toContain(`${BASE}/tra-cuu/${encodeURIComponent(code)}`);
  // The gateway answered 503 once: retried, and the log says so, with the phone masked.
  expect(texts).toHaveLength(1);
  expect(texts[0].to).toBe('0912345678');
  expect(texts[0].text).toContain(`Đã tiếp nhận hồ sơ ${code}`);
  const log = await tb.api.get(`/api/notices/deliveries?dossierCode=${encodeURIComponent(code)}`).set(bearer(tb.admin)).expect(200);
  expect(log.body.items.map((d: Record<string, unknown>) => [d.channel, d.via, d.recipient, d.status, d.attempts, d.lastError])).toEqual([
    ['phone', 'sms-gateway', '091****678', 'sent', 2, null],
    ['email', 'email', 'm***@example.vn', 'sent', 1, null],
  ]);
  expect(JSON.stringify(log.body)).not.toContain('0912345678');
});

test('a supplement request says what to bring and where', async () => {
  tb.clock.set('2026-03-02T10:00:00+07:00');
  await tb.engine.requestSupplement(code, { actor: 'Bộ phận Một cửa', department: null, reason: 'Giấy chứng sinh bị mờ', items: ['Giấy chứng sinh (bản chính)', 'Tờ khai đăng ký khai sinh'] });
  const [mail] = await deliver();
  expect(mail.subject).toBe(`Hồ sơ ${code} cần bổ sung giấy tờ`);
  expect(mail.text).toContain('Lý do: Giấy chứng sinh bị mờ');
  expect(mail.text).toContain('- Giấy chứng sinh (bản chính)\n- Tờ khai đăng ký khai sinh');
  expect(mail.text).toMatch(/Nơi nộp bổ sung: Bộ phận .+\./);
});

test('an apology letter gives the new date and the reason; a refused second one queues nothing', async () => {
  tb.clock.set('2026-03-02T11:00:00+07:00');
  await tb.engine.receiveSupplement(code, { actor: 'Bộ phận Một cửa' });
  await deliver();
  await tb.engine.recordApology(code, { actor: 'Bộ phận Một cửa', reason: 'Chờ xác minh nơi cư trú', responsibleDepartment: 'CONGAN_XA', newDueAt: new Date('2026-03-12T09:00:00+07:00') });
  const [mail] = await deliver();
  expect(mail.subject).toBe(`Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${code}`);
  expect(mail.text).toContain('Lý do: Chờ xác minh nơi cư trú');
  expect(mail.text).toContain('Thời gian hẹn trả kết quả mới: 09:00 ngày 12/03/2026');
  const rows = (await noticeRows()).length;
  await expect(tb.engine.recordApology(code, { actor: 'Bộ phận Một cửa', reason: 'lần hai', responsibleDepartment: 'CONGAN_XA', newDueAt: new Date('2026-03-13T09:00:00+07:00') })).rejects.toThrow();
  expect((await noticeRows()).length).toBe(rows);
});

test('the result is ready, then returned, in the administrator’s own wording', async () => {
  await tb.api.put('/api/notices/templates/returned').set(bearer(tb.admin))
    .send({ subject: 'Đã trao kết quả hồ sơ {ma_ho_so}', body: 'Hồ sơ {ma_ho_so} ({thu_tuc}) đã trả lúc {ngay_tra_ket_qua}, {hinh_thuc_tra}. Xem: {duong_dan_tra_cuu}' }).expect(200);
  tb.clock.set('2026-03-03T10:00:00+07:00');
  for (const elementId of Object.keys(BIRTH_STEP_DATA) as Array<keyof typeof BIRTH_STEP_DATA>) {
    const d = await tb.engine.getDossier(code);
    const task = d.openTasks.find((t) => t.elementId === elementId)!;
    await tb.engine.completeTask(task.id, { actor: 'cán bộ', data: BIRTH_STEP_DATA[elementId] });
  }
  const [ready] = await deliver();
  expect(ready.subject).toBe(`Hồ sơ ${code} đã có kết quả`);
  expect(ready.text).toContain('đã có kết quả giải quyết lúc 10:00 ngày 03/03/2026');
  expect(ready.text).toMatch(/Mời Ông\/Bà nhận kết quả tại: Bộ phận .+\./);

  tb.clock.set('2026-03-03T14:30:00+07:00');
  await tb.engine.returnResult(code, { actor: 'Bộ phận Một cửa', channel: 'post', trackingNumber: 'EB123456789VN' });
  const [returned] = await deliver();
  expect(returned.subject).toBe(`Đã trao kết quả hồ sơ ${code}`);
  expect(returned.text).toBe(`Hồ sơ ${code} (${ready.text!.match(/\((.+)\) đã có kết quả/)![1]}) đã trả lúc 14:30 ngày 03/03/2026, gửi qua dịch vụ bưu chính, mã bưu gửi EB123456789VN. Xem: ${BASE}/tra-cuu/${encodeURIComponent(code)}\n`);

  // Each of the five notices went once to each contact.
  const rows = await noticeRows();
  expect(rows.filter((r) => r.channel === 'email').map((r) => r.kind)).toEqual(['received', 'supplement_requested', 'apology', 'result_ready', 'returned']);
  expect(rows.every((r) => r.status === 'sent')).toBe(true);
  expect(texts).toHaveLength(5);
  await expectEveryDossierWaits(tb.db.pool);
});

test('a notice for a contact no channel serves is logged as skipped, not left pending', async () => {
  const input = birthDossier({ applicant: { name: 'Lê Văn An', idNumber: '001090001234', phone: '0987654321' } });
  const r = await tb.engine.submit(input.procedureCode, { applicant: input.applicant, data: input.data, channel: 'direct', actor: 'Bộ phận Một cửa' });
  await deliverNotices({ ...sender, channels: sender.channels.filter((c) => c.contact === 'email') });
  const log = await tb.api.get(`/api/notices/deliveries?dossierCode=${encodeURIComponent(r.code)}`).set(bearer(tb.admin)).expect(200);
  expect(log.body.items).toEqual([expect.objectContaining({ channel: 'phone', status: 'skipped', recipient: '098****321', lastError: expect.stringContaining('NOTICE_GATEWAY_URL') })]);
});
