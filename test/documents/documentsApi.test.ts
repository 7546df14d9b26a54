import { createHash } from 'node:crypto';
import http from 'node:http';
import request from 'supertest';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { bearer, createKey, createTestbed, type Testbed } from '../api/support/apiTestbed.js';
import { openBackend, type Backend } from './support/s3Server.js';
import { HTML_AS_PDF, pdfBytes, pngBytes } from './support/sampleFiles.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const papersXml = () => readFile(new URL('./fixtures/papers.bpmn', import.meta.url), 'utf8');
const FILE_LIMIT = 256 * 1024;
const DOSSIER_LIMIT = 1024 * 1024;

const newDossier = { procedureCode: 'T.PAPERS', channel: 'direct', applicant: { name: 'Lê Văn An', idNumber: '001090000111' }, data: {} };

/** supertest's parser for binary answers: the bytes, whatever the type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const binary = (res: any, done: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe.each(['files', 's3'] as const)('dossier documents over HTTP, stored as %s', (storageName) => {
  let backend: Backend;
  let tb: Testbed;
  const key: Record<string, string> = {};

  const rowCount = async () => (await tb.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM dossier_documents')).rows[0].n;

  beforeAll(async () => {
    backend = await openBackend(storageName);
    tb = await createTestbed({ documents: { storage: backend.storage, limits: { fileBytes: FILE_LIMIT, dossierBytes: DOSSIER_LIMIT } } });
    await tb.engine.deploy(await papersXml());
    key.desk = await createKey(tb, 'desk');
    key.supervisor = await createKey(tb, 'supervisor');
    key.justice = await createKey(tb, 'officer', 'TUPHAP_XA');
    key.leaders = await createKey(tb, 'officer', 'UBND_XA_LANHDAO');
    key.police = await createKey(tb, 'officer', 'CONGAN_XA');
    key.admin = tb.admin;
    key.analyst = await createKey(tb, 'analyst');
  });
  afterAll(async () => {
    await tb?.close();
    await backend?.close();
  });

  const receive = (files: Record<string, { bytes: Buffer; name: string }>, papers?: unknown[]) => {
    const req = tb.api.post('/api/dossiers').set(bearer(key.desk)).field('dossier', JSON.stringify(newDossier));
    if (papers) req.field('papers', JSON.stringify(papers));
    for (const [code, f] of Object.entries(files)) req.attach(code, f.bytes, f.name);
    return req;
  };

  it('refuses a reception without the required papers, naming them', async () => {
    const res = await tb.api.post('/api/dossiers').set(bearer(key.desk)).send(newDossier).expect(422);
    expect(res.body.detail).toContain('TO_KHAI (Tờ khai đăng ký theo mẫu)');
    expect(res.body.detail).toContain('BAN_VE (Bản vẽ thiết kế)');
    const half = await receive({ TO_KHAI: { bytes: pdfBytes(), name: 'to-khai.pdf' } }).expect(422);
    expect(half.body.errors).toEqual([{ in: 'body', path: '/documents/BAN_VE', message: 'the required paper "Bản vẽ thiết kế" is missing: attach it or excuse it with a note' }]);
    expect(await rowCount()).toBe(0);
    expect(await backend.objectCount()).toBe(0);
    expect(await backend.stagingCount()).toBe(0);
  });

  it('receives a complete dossier: files stored, byte-identical, checklist, receipt secret', async () => {
    const form = pdfBytes('tờ khai', 5000);
    const drawing = pngBytes();
    const res = await receive(
      { TO_KHAI: { bytes: form, name: 'Tờ khai.pdf' }, BAN_VE: { bytes: drawing, name: 'ban-ve.png' } },
      [{ code: 'CCCD', mark: 'shown', note: null }],
    ).expect(201);
    expect(res.body.resultSecret).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(res.body.documents.map((d: { documentCode: string; contentType: string; sha256: string; version: number }) => [d.documentCode, d.contentType, d.sha256, d.version])).toEqual([
      ['TO_KHAI', 'application/pdf', sha(form), 1],
      ['BAN_VE', 'image/png', sha(drawing), 1],
    ]);
    const code = res.body.code as string;

    const list = (await tb.api.get(`/api/dossiers/${code}/documents`).set(bearer(key.desk)).expect(200)).body;
    expect(list.papers.map((p: { code: string; versions: unknown[]; shown: boolean }) => [p.code, p.versions.length, p.shown])).toEqual([
      ['TO_KHAI', 1, false], ['BAN_VE', 1, false], ['CCCD', 0, true], ['UY_QUYEN', 0, false],
    ]);
    const pdf = await tb.api.get(list.papers[0].versions[0].contentUrl).set(bearer(key.justice)).buffer(true).parse(binary).expect(200);
    expect(sha(pdf.body as Buffer)).toBe(sha(form));
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^inline; filename="T_ khai.pdf"; filename\*=UTF-8''T%E1%BB%9D%20khai\.pdf$/);
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');

    const history = (await tb.api.get(`/api/dossiers/${code}/history`).set(bearer(key.desk)).expect(200)).body;
    const uploads = (history.items ?? history).filter((e: { type: string }) => e.type === 'document.uploaded');
    expect(uploads.map((e: { payload: { sha256: string; size: number } }) => [e.payload.sha256, e.payload.size])).toEqual([[sha(form), form.length], [sha(drawing), drawing.length]]);
    const log = await tb.db.pool.query('SELECT actor, action, sha256, size FROM document_access_log WHERE dossier_code = $1', [code]);
    expect(log.rows).toEqual([{ actor: 'officer TUPHAP_XA', action: 'download', sha256: sha(form), size: form.length }]);
  });

  it('adds a supplement as version 2 and keeps version 1', async () => {
    const d = (await receive({ TO_KHAI: { bytes: pdfBytes(), name: 'a.pdf' } }, [{ code: 'BAN_VE', mark: 'excused', note: 'Công trình không phải lập bản vẽ' }]).expect(201)).body;
    const v2 = pdfBytes('corrected');
    const up = await tb.api.post(`/api/dossiers/${d.code}/documents`).set(bearer(key.desk)).field('documentCode', 'TO_KHAI').field('note', 'Bổ sung').attach('file', v2, 'to-khai-v2.pdf').expect(201);
    expect(up.body).toMatchObject({ documentCode: 'TO_KHAI', name: 'Tờ khai đăng ký theo mẫu', version: 2, sha256: sha(v2), size: v2.length, contentType: 'application/pdf', uploadedBy: 'desk' });
    const list = (await tb.api.get(`/api/dossiers/${d.code}/documents`).set(bearer(key.supervisor)).expect(200)).body;
    const toKhai = list.papers.find((p: { code: string }) => p.code === 'TO_KHAI');
    expect(toKhai.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(list.papers.find((p: { code: string }) => p.code === 'BAN_VE').excused).toEqual({ note: 'Công trình không phải lập bản vẽ' });
  });

  it('lets the desk, supervisors and the departments with a step read the papers; refuses and records the others', async () => {
    const d = (await receive({ TO_KHAI: { bytes: pdfBytes(), name: 'a.pdf' }, BAN_VE: { bytes: pngBytes(), name: 'b.png' } }).expect(201)).body;
    const docId = d.documents[0].id;
    const expected: Record<string, number> = { desk: 200, supervisor: 200, justice: 200, leaders: 403, police: 403, admin: 403, analyst: 403 };
    for (const [who, status] of Object.entries(expected)) {
      await tb.api.get(`/api/dossiers/${d.code}/documents`).set(bearer(key[who])).expect(status);
      const read = tb.api.get(`/api/documents/${docId}/content`).set(bearer(key[who]));
      await (status === 200 ? read.buffer(true).parse(binary) : read).expect(status);
    }
    await tb.api.get(`/api/documents/${docId}/content`).expect(401);
    await tb.api.get('/api/documents/00000000-0000-4000-8000-000000000000/content').set(bearer(key.desk)).expect(404);
    // Refused by the documents' own rule (a department without a step) or by the role check of the route: both recorded.
    const refused = await tb.db.pool.query(`SELECT actor, document_id, detail, at FROM document_access_log WHERE dossier_code = $1 AND action = 'refused' ORDER BY id`, [d.code]);
    const adminName = (await tb.db.pool.query<{ name: string }>('SELECT name FROM api_keys WHERE bootstrap AND revoked_at IS NULL')).rows[0]?.name;
    expect(refused.rows.map((r) => r.actor)).toEqual(['officer UBND_XA_LANHDAO', 'officer UBND_XA_LANHDAO', 'officer CONGAN_XA', 'officer CONGAN_XA', adminName, adminName, 'analyst', 'analyst']);
    expect(refused.rows.slice(-2).map((r) => [r.document_id, r.detail])).toEqual([
      [null, 'listDossierDocuments needs the role desk, supervisor, officer; the caller is analyst'],
      [docId, 'getDocumentContent needs the role desk, supervisor, officer; the caller is analyst'],
    ]);
    expect(refused.rows.every((r) => r.at instanceof Date)).toBe(true);
    // A step's paper: the dossier is found through the task.
    await tb.api.post(`/api/tasks/${d.tasks[0].id}/documents`).set(bearer(key.desk)).field('documentCode', 'X').attach('file', pdfBytes(), 'x.pdf').expect(403);
    const onTask = await tb.db.pool.query(`SELECT actor, detail FROM document_access_log WHERE dossier_code = $1 AND action = 'refused' ORDER BY id DESC LIMIT 1`, [d.code]);
    expect(onTask.rows[0]).toEqual({ actor: 'desk', detail: 'uploadTaskDocument needs the role officer; the caller is desk' });
  });

  it('refuses an HTML page named .pdf with 415 and keeps nothing', async () => {
    const d = (await receive({ TO_KHAI: { bytes: pdfBytes(), name: 'a.pdf' }, BAN_VE: { bytes: pngBytes(), name: 'b.png' } }).expect(201)).body;
    const [rows, objects] = [await rowCount(), await backend.objectCount()];
    const res = await tb.api.post(`/api/dossiers/${d.code}/documents`).set(bearer(key.desk)).field('documentCode', 'UY_QUYEN').attach('file', HTML_AS_PDF, { filename: 'giay-to.pdf', contentType: 'application/pdf' }).expect(415);
    expect(res.body.detail).toContain('"giay-to.pdf" is not a PDF, JPEG, PNG, DOCX or XLSX file');
    await receive({ TO_KHAI: { bytes: HTML_AS_PDF, name: 'to-khai.pdf' }, BAN_VE: { bytes: pngBytes(), name: 'b.png' } }).expect(415);
    expect([await rowCount(), await backend.objectCount(), await backend.stagingCount()]).toEqual([rows, objects, 0]);
  });

  it('refuses a file over the limit with 413 and keeps no row and no object', async () => {
    const d = (await receive({ TO_KHAI: { bytes: pdfBytes(), name: 'a.pdf' }, BAN_VE: { bytes: pngBytes(), name: 'b.png' } }).expect(201)).body;
    const [rows, objects] = [await rowCount(), await backend.objectCount()];
    const big = pdfBytes('big', FILE_LIMIT);
    const res = await tb.api.post(`/api/dossiers/${d.code}/documents`).set(bearer(key.desk)).field('documentCode', 'UY_QUYEN').attach('file', big, 'big.pdf').expect(413);
    expect(res.body.detail).toContain('larger than the limit of 256 KB');
    // Several files, each under the per-file limit, over the dossier's limit together.
    const parts: Record<string, { bytes: Buffer; name: string }> = {};
    for (const code of ['TO_KHAI', 'BAN_VE', 'UY_QUYEN', 'CCCD', 'X1', 'X2']) parts[code] = { bytes: pdfBytes(code, 150 * 1024), name: `${code}.pdf` };
    const many = await receive(parts).expect(413);
    expect(many.body.detail).toContain('per dossier');
    expect([await rowCount(), await backend.objectCount(), await backend.stagingCount()]).toEqual([rows, objects, 0]);
  });

  it('keeps nothing of an upload whose client goes away mid-body', async () => {
    const d = (await receive({ TO_KHAI: { bytes: pdfBytes(), name: 'a.pdf' }, BAN_VE: { bytes: pngBytes(), name: 'b.png' } }).expect(201)).body;
    const [rows, objects] = [await rowCount(), await backend.objectCount()];
    const server = tb.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const boundary = 'xxBOUNDARYxx';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="documentCode"\r\n\r\nUY_QUYEN\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="u.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
      const req = http.request({
        host: '127.0.0.1', port: (server.address() as AddressInfo).port, method: 'POST', path: `/api/dossiers/${d.code}/documents`,
        headers: { ...bearer(key.desk), 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(head.length + 200_000) },
      });
      req.on('error', () => {});
      req.write(head);
      req.write(pdfBytes('half', 50_000));
      await new Promise((r) => setTimeout(r, 200));
      req.destroy();
      // The server notices the closed connection on its own time: wait until staging is empty.
      for (let i = 0; i < 50 && (await backend.stagingCount()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await new Promise((r) => server.close(r));
    }
    expect([await rowCount(), await backend.objectCount(), await backend.stagingCount()]).toEqual([rows, objects, 0]);
  });

  it('keeps nothing of a reception that fails after its papers were stored: a refused date, a database fault in its transaction', async () => {
    const count = async (table: string) => (await tb.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    const state = async () => [await count('dossiers'), await rowCount(), await count('dossier_paper_marks'), await count('dossier_result_secrets'), await backend.objectCount(), await backend.stagingCount()];
    const before = await state();
    const papers = (tag: string) => ({ TO_KHAI: { bytes: pdfBytes(`only in this reception ${tag}`), name: 'a.pdf' }, BAN_VE: { bytes: pdfBytes(`drawing ${tag}`), name: 'b.pdf' } });
    // The fault's 503 is the database's, answered by every route alike (outside the documented answers of one).
    const receiveAs = (dossier: object, files: Record<string, { bytes: Buffer; name: string }>, client: Pick<typeof tb.api, 'post'> = tb.api) => {
      const req = client.post('/api/dossiers').set(bearer(key.desk)).field('dossier', JSON.stringify(dossier)).field('papers', JSON.stringify([{ code: 'CCCD', mark: 'shown' }]));
      for (const [code, f] of Object.entries(files)) req.attach(code, f.bytes, f.name);
      return req;
    };
    // Refused by the reception itself, once the files are in the store.
    const future = await receiveAs({ ...newDossier, receivedAt: '2026-03-03T09:00:00+07:00' }, papers('future')).expect(422);
    expect(future.body.detail).toMatch(/in the future/);
    expect(await state()).toEqual(before);
    // A fault of the database after the papers' rows were written, in the same transaction (the e-result secret is written last).
    await tb.db.pool.query(`CREATE FUNCTION injected_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault' USING ERRCODE = '57014'; END $$`);
    await tb.db.pool.query('CREATE TRIGGER injected_fault BEFORE INSERT ON dossier_result_secrets FOR EACH ROW EXECUTE FUNCTION injected_fault()');
    try {
      const fault = await receiveAs(newDossier, papers('fault'), request(tb.app)).expect(503);
      expect(fault.body.detail).toMatch(/nothing was saved/);
    } finally {
      await tb.db.pool.query('DROP TRIGGER injected_fault ON dossier_result_secrets; DROP FUNCTION injected_fault()');
    }
    expect(await state()).toEqual(before);
    // The same papers are received in full once the database is back.
    const ok = (await receiveAs(newDossier, papers('fault')).expect(201)).body;
    expect(ok.documents.map((d: { documentCode: string }) => d.documentCode)).toEqual(['TO_KHAI', 'BAN_VE']);
    expect(await state()).toEqual([before[0] + 1, before[1] + 2, before[2] + 1, before[3] + 1, before[4] + 2, 0]);
  });

  it('requires the result paper at completion; the citizen gets the e-result only with the secret', async () => {
    const d = (await receive({ TO_KHAI: { bytes: pdfBytes(), name: 'a.pdf' }, BAN_VE: { bytes: pngBytes(), name: 'b.png' } }).expect(201)).body;
    await tb.api.post(`/api/tasks/${d.tasks[0].id}/complete`).set(bearer(key.justice)).send({ data: {} }).expect(200);
    const sign = (await tb.api.get(`/api/tasks?dossierCode=${d.code}`).set(bearer(key.leaders)).expect(200)).body.items[0];
    const missing = await tb.api.post(`/api/tasks/${sign.id}/complete`).set(bearer(key.leaders)).send({ data: {} }).expect(422);
    expect(missing.body.detail).toContain('"Giấy phép đã ký số" (GIAY_PHEP) is missing');
    await tb.api.post(`/api/tasks/${sign.id}/documents`).set(bearer(key.justice)).field('documentCode', 'GIAY_PHEP').attach('file', pdfBytes(), 'gp.pdf').expect(403);
    const permit = pdfBytes('giấy phép');
    const up = (await tb.api.post(`/api/tasks/${sign.id}/documents`).set(bearer(key.leaders)).field('documentCode', 'GIAY_PHEP').attach('file', permit, 'giay-phep.pdf').expect(201)).body;
    expect(up).toMatchObject({ stage: 'step', taskId: sign.id, name: 'Giấy phép đã ký số' });
    expect((await tb.api.get(`/api/public/dossiers/${d.code}`).expect(200)).body.eResultAvailable).toBe(false);
    await tb.api.post(`/api/tasks/${sign.id}/complete`).set(bearer(key.leaders)).send({ data: {}, documents: [d.documents[0].id] }).expect(422);
    await tb.api.post(`/api/tasks/${sign.id}/complete`).set(bearer(key.leaders)).send({ data: {}, documents: [up.id] }).expect(200);

    expect((await tb.api.get(`/api/public/dossiers/${d.code}`).expect(200)).body.eResultAvailable).toBe(true);
    await tb.api.get(`/api/public/dossiers/${d.code}/result`).expect(403);
    await tb.api.get(`/api/public/dossiers/${d.code}/result?secret=AAAA-BBBB-CCCC`).expect(403);
    const result = (await tb.api.get(`/api/public/dossiers/${d.code}/result?secret=${d.resultSecret}`).expect(200)).body;
    expect(result.documents.map((x: { name: string; sha256: string }) => [x.name, x.sha256])).toEqual([['Giấy phép đã ký số', sha(permit)]]);
    const bytes = await tb.api.get(result.documents[0].contentUrl).buffer(true).parse(binary).expect(200);
    expect(sha(bytes.body as Buffer)).toBe(sha(permit));
    await tb.api.get(`/api/public/dossiers/${d.code}/result/${up.id}`).expect(403);
    const log = await tb.db.pool.query(`SELECT action, detail FROM document_access_log WHERE dossier_code = $1 AND actor IS NULL ORDER BY id`, [d.code]);
    expect(log.rows.map((r) => r.action)).toEqual(['refused', 'refused', 'public_download', 'refused']);

    const checklist = (await tb.api.get(`/api/dossiers/${d.code}/documents`).set(bearer(key.desk)).expect(200)).body;
    expect(checklist.eResult.map((x: { id: string }) => x.id)).toEqual([up.id]);
  });

  it('gives supervisors the digitisation figures per procedure and per department', async () => {
    const byProcedure = (await tb.api.get('/api/reports/digitisation?from=2026-03-01&to=2026-03-31').set(bearer(key.supervisor)).expect(200)).body;
    const row = byProcedure.rows.find((r: { key: string }) => r.key === 'T.PAPERS');
    expect(row.received).toBeGreaterThanOrEqual(6);
    expect(row.digitisedAtReception).toBe(row.received);
    expect(row.resolvedWithEResult).toBe(1);
    expect(row.eResultShare).toBe(1);
    const byDepartment = (await tb.api.get('/api/reports/digitisation?from=2026-03-01&to=2026-03-31&groupBy=department').set(bearer(key.supervisor)).expect(200)).body;
    expect(byDepartment.rows.map((r: { key: string }) => r.key)).toEqual(['TUPHAP_XA', 'UBND_XA_LANHDAO']);
    await tb.api.get('/api/reports/digitisation').set(bearer(key.desk)).expect(403);
  });
});
