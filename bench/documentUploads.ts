import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { remainingMs, type Benchmark } from './benchmark.js';
import { benchClock } from './benchEngine.js';
import { createApp } from '../api/app.js';
import { mountApi } from '../api/mountApi.js';
import { openEngine } from '../engine/index.js';
import { createApiKey } from '../engine/keys/apiKeys.js';
import { createOnestopEngine } from '../engine/onestopEngine.js';
import { calendarTimeRules, singleCalendar } from '../engine/deadlines/calendarTimeRules.js';
import { compileCalendar, DEFAULT_CALENDAR } from '../engine/calendar/index.js';
import { upsertDepartment } from '../engine/store/departments/departmentRows.js';
import { fileStorage } from '../engine/documents/storage/fileStorage.js';
import { round } from './timing.js';

const FILES = 50;
const FILE_BYTES = 5 * 1024 * 1024;
const CLIENTS = 4;
const BOUNDARY = 'benchBOUNDARYbench';
const PROCEDURE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:onestop="urn:onestop:bpmn:1.0" id="Defs_BenchPapers" targetNamespace="urn:bench">
  <bpmn:process id="Proc_BenchPapers" name="Bench papers" isExecutable="true" onestop:procedureCode="B.PAPERS" onestop:deadline="P5D">
    <bpmn:startEvent id="Start"><bpmn:extensionElements><onestop:documents><onestop:document code="SCAN" name="Bản quét" /></onestop:documents></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task" />
    <bpmn:userTask id="Task" name="Xử lý" onestop:department="BENCH_DEPT" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;

/** A 5 MB "scan": a PDF header and filler; the first line after it is rewritten per upload so every file is new to the store. */
function scan(): Buffer {
  const head = Buffer.from('%PDF-1.4\n%0000000000000000\n', 'latin1');
  const body = Buffer.alloc(FILE_BYTES - head.length, 0x20);
  return Buffer.concat([head, body]);
}

/** One multipart upload streamed from the buffer (never copied), answered status. */
function upload(port: number, token: string, code: string, bytes: Buffer): Promise<number> {
  const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="documentCode"\r\n\r\nSCAN\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port, method: 'POST', path: `/api/dossiers/${code}/documents`,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Content-Length': String(head.length + bytes.length + tail.length) },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.write(head);
    for (let i = 0; i < bytes.length; i += 256 * 1024) req.write(bytes.subarray(i, i + 256 * 1024));
    req.end(tail);
  });
}

/**
 * Upload throughput of dossier documents over HTTP: 50 files of 5 MB sent by
 * 4 clients at once to the real route (busboy → staging → SHA-256 → file
 * store → rows), and how much the process's resident memory grows meanwhile.
 * Streaming keeps it flat; buffering would grow by the files in flight.
 */
export const documentUploads: Benchmark = {
  name: 'document uploads: 50 × 5 MB from 4 clients, MB/s and RSS growth',
  id: 'uploads',
  headline: ['uploads_mb_per_s', 'uploads_rss_growth_mb'],
  async run(ctx) {
    const db = await ctx.database();
    const root = await mkdtemp(path.join(os.tmpdir(), 'bench-documents-'));
    const server = http.createServer();
    try {
      await upsertDepartment(db.pool, { code: 'BENCH_DEPT', name: 'Bench', agency: 'Bench', calendarId: null });
      const core = createOnestopEngine({ pool: db.pool, time: calendarTimeRules(benchClock(), singleCalendar(compileCalendar(DEFAULT_CALENDAR))), log: () => {} });
      await core.deploy(PROCEDURE);
      const engine = openEngine(core, { documents: { storage: fileStorage(root), limits: { fileBytes: 20 * 1024 * 1024, dossierBytes: 100 * 1024 * 1024 } } });
      const app = createApp({ pool: db.pool, scheduler: () => ({ state: 'running' }) });
      mountApi(app, { engine, log: (line) => ctx.log(line) });
      server.on('request', app);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      const { token } = await createApiKey(db.pool, { name: 'bench desk', role: 'desk', department: null, createdBy: 'bench' });
      // One dossier per client: 12–13 files of 5 MB stay under the 100 MB per dossier.
      const codes: string[] = [];
      for (let c = 0; c < CLIENTS; c++) {
        codes.push((await engine.dossiers.submit('B.PAPERS', { applicant: { name: 'Bench', idNumber: `0010900${c}` }, data: {}, actor: 'bench' })).code);
      }
      const buffers = Array.from({ length: CLIENTS }, scan);
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, process.memoryUsage().rss); }, 25);
      let next = 0;
      let failed = 0;
      const stopAt = Date.now() + remainingMs(ctx, 20_000);
      const started = performance.now();
      await Promise.all(codes.map(async (code, c) => {
        while (next < FILES && Date.now() < stopAt) {
          const n = next++;
          buffers[c].write(String(n).padStart(16, '0'), 10, 'latin1');
          if ((await upload(port, token, code, buffers[c])) !== 201) failed++;
        }
      }));
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const sent = Math.min(next, FILES);
      return {
        uploads_files: sent,
        uploads_failed: failed,
        uploads_mb_per_s: round((sent * FILE_BYTES) / (1024 * 1024) / seconds),
        uploads_files_per_s: round(sent / seconds),
        uploads_rss_growth_mb: round((rssPeak - rssBefore) / (1024 * 1024)),
        uploads_rss_target_mb: 100,
      };
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await rm(root, { recursive: true, force: true });
    }
  },
};
