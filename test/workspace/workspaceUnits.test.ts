// The pure parts of the workspace (web/workspace, web/shared) run in node, and
// how the server serves it: / and /app/… give the page, /app/static/ the
// bundle, nothing shadows /api or /designer.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { mountDesigner, mountWorkspace } from '../../api/designerRoutes.js';
import {
  fileNameOf, formatDate, formatDateTime, formatPercent, formatTimeLeft, formatWorkingHours, nextWeekday, parseVnDate, parseVnDateTime, vnDateTimeIso, vnDay,
} from '../../web/shared/format.js';
import { fieldForPointer, pointerToPath, schemaAt } from '../../web/shared/forms/formPaths.js';
import { heatLevel, onTimeRate } from '../../web/workspace/figures.js';
import { homeOf, NAV } from '../../web/workspace/roles.js';
import { fieldMessage } from '../../web/shared/forms/fieldMessage.js';
import { TOKEN_KEY } from '../../web/shared/session.js';

const HOUR = 3_600_000;

describe('Vietnamese dates and durations, whatever the machine’s zone', () => {
  test('dates dd/MM/yyyy and times in Asia/Ho_Chi_Minh', () => {
    // 23:30 UTC on 10 March is 06:30 on 11 March in Hanoi.
    expect(formatDate('2026-03-10T23:30:00Z')).toBe('11/03/2026');
    expect(formatDateTime('2026-03-10T23:30:00Z')).toBe('11/03/2026 06:30');
    expect(formatDate('2026-03-01')).toBe('01/03/2026');
    expect(formatDate(null)).toBe('—');
    expect(vnDay('2026-03-10T17:00:00Z')).toBe('2026-03-11');
    expect(vnDateTimeIso('2026-03-12')).toBe('2026-03-12T10:00:00.000Z');
  });

  test('what people type: 11/03/2026, 1/3/2026, and no 31 February', () => {
    expect(parseVnDate('11/03/2026')).toBe('2026-03-11');
    expect(parseVnDate(' 1/3/2026 ')).toBe('2026-03-01');
    expect(parseVnDate('2026-03-11')).toBe('2026-03-11');
    expect(parseVnDate('31/02/2026')).toBeNull();
    expect(parseVnDate('03/11')).toBeNull();
    expect(parseVnDateTime('11/03/2026 14:30')).toBe('2026-03-11T07:30:00.000Z');
    expect(parseVnDateTime('11/03/2026 25:00')).toBeNull();
    expect(nextWeekday('2026-03-13')).toBe('2026-03-16');
  });

  test('working hours, left or overdue, with the language’s decimal mark', () => {
    expect(formatWorkingHours(1.5 * HOUR, 'vi')).toBe('1,5 giờ làm việc');
    expect(formatWorkingHours(HOUR, 'en')).toBe('1 working hour');
    expect(formatWorkingHours(25 * HOUR, 'vi')).toBe('25 giờ làm việc');
    expect(formatTimeLeft(2 * HOUR, 'vi')).toBe('còn 2 giờ làm việc');
    expect(formatTimeLeft(-1.5 * HOUR, 'vi')).toBe('quá hạn 1,5 giờ làm việc');
    expect(formatTimeLeft(-1.5 * HOUR, 'en')).toBe('1.5 working hours overdue');
    expect(formatTimeLeft(null, 'vi')).toBe('không có hạn');
    expect(formatPercent(0.6667, 'vi')).toBe('66,7%');
    expect(formatPercent(null, 'en')).toBe('—');
    expect(fileNameOf('attachment; filename="form06-procedure-2026-03-01-2026-03-11.csv"', 'x.csv')).toBe('form06-procedure-2026-03-01-2026-03-11.csv');
    expect(fileNameOf(null, 'x.csv')).toBe('x.csv');
  });
});

describe('generated forms', () => {
  const schema = {
    type: 'object',
    properties: {
      applicant: { type: 'object', properties: { email: { type: 'string' } } },
      items: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
      purpose: { $ref: '#/$defs/purpose' },
    },
    $defs: { purpose: { type: 'string', enum: ['a', 'b'] } },
  };

  test('an error’s JSON pointer finds its field, or the nearest field above it', () => {
    expect(pointerToPath('/applicant/email')).toBe('applicant.email');
    expect(pointerToPath('/items/2/name')).toBe('items[].name');
    const known = new Set(['applicant', 'applicant.email', 'items', 'purpose']);
    expect(fieldForPointer('/applicant/email', known)).toBe('applicant.email');
    expect(fieldForPointer('/items/2/name', known)).toBe('items');
    expect(fieldForPointer('/purpose', known)).toBe('purpose');
    expect(fieldForPointer('/unknown/x', known)).toBeNull();
    expect(fieldForPointer('', known)).toBeNull();
  });

  test('the subschema of a field, through lists and local references', () => {
    expect(schemaAt(schema, 'applicant.email')).toEqual({ type: 'string' });
    expect(schemaAt(schema, 'items[].name')).toEqual({ type: 'string' });
    expect(schemaAt(schema, 'purpose').enum).toEqual(['a', 'b']);
  });

  test('the validator’s sentences in Vietnamese', () => {
    expect(fieldMessage('is required')).toBe('bắt buộc');
    expect(fieldMessage('must match format "date"')).toBe('phải là ngày hợp lệ');
    expect(fieldMessage('must be a valid email')).toBe('phải là địa chỉ thư điện tử hợp lệ');
    expect(fieldMessage('must NOT have fewer than 5 characters')).toBe('cần ít nhất 5 ký tự');
    expect(fieldMessage('something new')).toBe('something new');
  });
});

describe('figures and roles', () => {
  test('on-time rate and heat', () => {
    expect(onTimeRate({ resolvedEarly: 1, resolvedOnTime: 1, resolvedTotal: 3 })).toBeCloseTo(2 / 3);
    expect(onTimeRate({ resolvedEarly: 0, resolvedOnTime: 0, resolvedTotal: 0 })).toBeNull();
    expect(heatLevel({ breaches: 0, lateOpenTasks: 0 }, 5)).toBe(0);
    expect(heatLevel({ breaches: 1, lateOpenTasks: 0 }, 10)).toBe(1);
    expect(heatLevel({ breaches: 3, lateOpenTasks: 2 }, 5)).toBe(4);
  });

  test('each role’s pages; an analyst is offered the designer', () => {
    expect(homeOf('officer')).toBe('/app/inbox');
    expect(homeOf('supervisor')).toBe('/app/dashboard');
    expect(homeOf('desk')).toBe('/app/desk');
    expect(NAV.analyst.map((i) => i.href)).toEqual(['/designer/', '/app/heatmap']);
    expect(NAV.officer.map((i) => i.href)).toEqual(['/app/inbox', '/app/tasks']);
    // An administrator manages people, imports, departments, keys, calendars, reads the audit log and words the citizen notices.
    expect(NAV.admin.map((i) => i.href)).toEqual(['/app/admin/people', '/app/admin/import', '/app/admin/departments', '/app/admin/keys', '/app/admin/calendars', '/app/admin/audit', '/app/admin/notices', '/designer/']);
    // One sign-in: the key the designer reads.
    expect(TOKEN_KEY).toBe('onestop.designer.token');
  });
});

describe('mountWorkspace', () => {
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'onestop-workspace-dist-'));
    await mkdir(path.join(dist, 'workspace', 'assets'), { recursive: true });
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>designer</title>');
    await writeFile(path.join(dist, 'workspace', 'index.html'), '<!doctype html><title>workspace</title>');
    await writeFile(path.join(dist, 'workspace', 'main.js'), 'console.log(1)');
    await writeFile(path.join(dist, 'workspace', 'assets', 'font.eot'), 'x');
  });
  afterAll(() => rm(dist, { recursive: true, force: true }));

  test('/ and /app/… give the page; /app/static/ the bundle; the designer and the API keep theirs', async () => {
    const app = express();
    mountDesigner(app, { dist, workspace: { dist: path.join(dist, 'workspace') } });
    app.get('/api/ping', (_req, res) => void res.json({ ok: true }));
    for (const url of ['/', '/app', '/app/dashboard', '/app/dossiers/000.00.12.H26-260311-0001?x=1']) {
      const res = await request(app).get(url);
      expect([url, res.status, res.text]).toEqual([url, 200, '<!doctype html><title>workspace</title>']);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const js = await request(app).get('/app/static/main.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect((await request(app).get('/app/static/assets/font.eot')).headers['cache-control']).toBe('public, max-age=86400');
    expect((await request(app).get('/app/static/nope.js')).status).toBe(404);
    expect((await request(app).get('/designer/')).text).toBe('<!doctype html><title>designer</title>');
    expect((await request(app).get('/api/ping')).body).toEqual({ ok: true });
    expect((await request(app).get('/apps')).status).toBe(404);
  });

  test('without a build it says how to make one; it can be left out', async () => {
    const app = express();
    mountWorkspace(app, { dist: path.join(dist, 'nothing-here') });
    const res = await request(app).get('/app/inbox');
    expect(res.status).toBe(503);
    expect(res.text).toMatch(/node designer\/build\.mjs/);
    const bare = express();
    mountDesigner(bare, { dist, workspace: false });
    expect((await request(bare).get('/')).status).toBe(404);
  });
});
