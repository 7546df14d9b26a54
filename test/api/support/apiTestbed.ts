import { readFile } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import request from 'supertest';
import type { Test } from 'supertest';
import type express from 'express';
import { createApp } from '../../../api/app.js';
import { mountApi, apiDocument, type ApiDeps } from '../../../api/mountApi.js';
import { ensureAdminToken, openEngine, readConfig, type DocumentOptions } from '../../../engine/index.js';
import { createOnestopEngine, type OnestopEngine } from '../../../engine/onestopEngine.js';
import { calendarTimeRules, singleCalendar } from '../../../engine/deadlines/calendarTimeRules.js';
import { upsertDepartment } from '../../../engine/store/departments/departmentRows.js';
import type { Notifier } from '../../../engine/engineContext.js';
import { createTestDatabase, type TestDatabase } from '../../support/testDatabase.js';
import { FixedClock } from '../../support/fixedClock.js';
import { defaultCalendar, ROOT } from '../../support/engineHarness.js';
import { ResponseChecker } from './openApiResponses.js';
import { withSamplePapers } from '../../support/samplePapers.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const PROCESSES = path.join(ROOT, 'processes');
export const sample = (file: string) => readFile(path.join(PROCESSES, file), 'utf8');

type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';

/** supertest, except that every response is checked against the OpenAPI document first. */
export interface ApiClient {
  get(url: string): Test;
  post(url: string): Test;
  put(url: string): Test;
  delete(url: string): Test;
  patch(url: string): Test;
}

export function checkedClient(app: express.Express, checker: ResponseChecker): ApiClient {
  const agent = request(app);
  const call = (method: Method) => (url: string) => agent[method](url).expect((res) => checker.check(method, url, res));
  return { get: call('get'), post: call('post'), put: call('put'), delete: call('delete'), patch: call('patch') };
}

export interface Testbed {
  db: TestDatabase;
  clock: FixedClock;
  engine: OnestopEngine;
  app: express.Express;
  api: ApiClient;
  checker: ResponseChecker;
  admin: string;
  close(): Promise<void>;
}

export interface TestbedOptions {
  /** When the test starts (Vietnam time unless an offset is given). */
  start?: string;
  /** Seed the departments of processes/departments.json in the store (the end-to-end test creates them over HTTP). */
  seedDepartments?: boolean;
  notifier?: (db: TestDatabase) => Notifier;
  limits?: ApiDeps['limits'];
  auth?: ApiDeps['auth'];
  /** Where documents are stored and their limits (default: files under the system's temporary folder). */
  documents?: DocumentOptions;
  /** The HTTP edge (rate limits, timeouts) over the environment's. */
  edges?: Partial<ReturnType<typeof readConfig>['edges']>;
}

export async function createTestbed(options: TestbedOptions = {}): Promise<Testbed> {
  const db = await createTestDatabase();
  // Monday 2 March 2026, 09:00 in Hanoi: a plain working morning.
  const clock = new FixedClock(options.start ?? '2026-03-02T09:00:00+07:00');
  if (options.seedDepartments !== false) {
    const list = JSON.parse(await readFile(path.join(PROCESSES, 'departments.json'), 'utf8')) as Array<{ code: string; name: string; agency: string }>;
    for (const d of list) await upsertDepartment(db.pool, { ...d, calendarId: null });
  }
  const engine = createOnestopEngine({
    pool: db.pool,
    time: calendarTimeRules(clock.now, singleCalendar(defaultCalendar)),
    notifier: options.notifier?.(db),
    log: () => {},
  });
  await ensureAdminToken(db.pool, { envToken: ADMIN_TOKEN, dataDir: os.tmpdir(), log: () => {} });
  const app = createApp({ pool: db.pool, scheduler: () => ({ state: 'running' }) }, { ...readConfig().edges, ...options.edges });
  const errors: string[] = [];
  const front = openEngine(engine, { documents: options.documents });
  mountApi(app, { engine: front, log: (line) => errors.push(line), limits: options.limits, auth: { secureCookie: false, oidc: null, ...options.auth } });
  // The checker reads the same document the server publishes.
  const checker = new ResponseChecker(JSON.parse(JSON.stringify(apiDocument({ engine: front, auth: { oidc: null, ...options.auth } }))));
  return {
    db,
    clock,
    engine,
    app,
    api: checkedClient(app, checker),
    checker,
    admin: ADMIN_TOKEN,
    async close() {
      await db.drop();
      if (errors.length) throw new Error(`the API logged unexpected failures:\n${errors.join('\n')}`);
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Creates a key through the API and returns its token. */
export async function createKey(tb: Testbed, role: string, department?: string, name = `${role}${department ? ` ${department}` : ''}`): Promise<string> {
  const res = await tb.api.post('/api/keys').set(bearer(tb.admin)).send({ name, role, ...(department ? { department } : {}) }).expect(201);
  return res.body.token as string;
}

/**
 * Everything in the database, hashed per table: equal before and after a
 * refused request means the request changed nothing at all.
 */
export async function databaseFingerprint(tb: Testbed): Promise<Record<string, string>> {
  const { rows: tables } = await tb.db.pool.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await tb.db.pool.query<{ n: number; h: string | null }>(`SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${name}" t`);
    out[name] = `${rows[0].n}:${rows[0].h ?? ''}`;
  }
  return out;
}

/** Valid start-form data of the birth – residence – health insurance sample (2.002621), its required papers excused with a note. */
export function birthDossier(overrides: Record<string, unknown> = {}) {
  return withSamplePapers({
    procedureCode: '2.002621',
    channel: 'online',
    applicant: { name: 'Nguyễn Thị Mai', idNumber: '001190000123', phone: '0912345678', email: 'mai.nguyen@example.vn' },
    data: {
      childFullName: 'Trần Minh Khôi',
      childGender: 'Nam',
      childDateOfBirth: '2026-02-20',
      childPlaceOfBirth: 'Bệnh viện Phụ sản Hà Nội',
      childEthnicity: 'Kinh',
      childNationality: 'Việt Nam',
      medicalBirthCertificateNumber: 'GCS-2026-004512',
      motherFullName: 'Nguyễn Thị Mai',
      motherIdNumber: '001190000123',
      fatherFullName: 'Trần Văn Hùng',
      fatherIdNumber: '001088000456',
      permanentResidenceAddress: 'Số 12, thôn Đông, xã Đông Anh, Hà Nội',
      householdHeadFullName: 'Trần Văn Hùng',
      relationshipToHouseholdHead: 'Con',
      healthcareFacility: 'Trạm Y tế xã Đông Anh',
      requesterFullName: 'Nguyễn Thị Mai',
      requesterIdNumber: '001190000123',
      requesterRelationship: 'Mẹ',
      requesterPhone: '0912345678',
      resultDeliveryMethod: 'Nhận bản điện tử qua VNeID / Cổng Dịch vụ công quốc gia',
    },
    ...overrides,
  });
}

export const BIRTH_STEP_DATA = {
  Task_RegisterBirth: {
    birthCertificateNumber: '125/2026',
    registrationBookNumber: '01/2026',
    birthRegistrationDate: '2026-03-03',
    personalIdentificationNumber: '001226000789',
    electronicBirthCertificateIssued: true,
    civilStatusOfficer: 'Lê Thu Hà',
  },
  Task_RegisterPermanentResidence: {
    residenceRegistered: true,
    residenceAddress: 'Số 12, thôn Đông, xã Đông Anh, Hà Nội',
    residenceRegistrationDate: '2026-03-03',
  },
  Task_IssueHealthInsuranceCard: {
    insuranceCardNumber: 'TE1010123456789',
    insuranceValidFrom: '2026-02-20',
    insuranceValidTo: '2032-02-19',
    primaryCareFacility: 'Trạm Y tế xã Đông Anh',
    electronicCardIssued: true,
  },
} as const;
