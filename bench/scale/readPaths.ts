import type pg from 'pg';
import { call, measureLatency, type LatencyResult, type Probe } from './httpLoad.js';

export interface ReadPath {
  /** JSON key prefix: `<key>_p50_ms`, `<key>_p95_ms`. */
  key: string;
  label: string;
  /** Target on p95 in milliseconds. */
  p95TargetMs: number;
  requests: number;
  probe: Probe;
}

export interface Keys {
  supervisor: string;
  officer: string;
}

export interface ReadWorld {
  url: string;
  keys: Keys;
  inboxDepartment: string;
  /** Codes of dossiers picked at random over the year. */
  codes: string[];
  /** Vietnamese dates. */
  today: string;
  month: { from: string; to: string };
  quarter: { from: string; to: string };
  year: { from: string; to: string };
}

const ymd = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The last full month and quarter before `now`, and the year (365 days) up to today, as Vietnamese dates. */
export function periods(now: Date): Pick<ReadWorld, 'today' | 'month' | 'quarter' | 'year'> {
  const today = ymd(now);
  const [y, m] = today.split('-').map(Number);
  const firstOf = (yy: number, mm: number) => `${yy + Math.floor((mm - 1) / 12)}-${String(((mm - 1 + 120) % 12) + 1).padStart(2, '0')}-01`;
  const dayBefore = (date: string) => ymd(new Date(Date.parse(`${date}T12:00:00+07:00`) - 86_400_000));
  const monthFrom = firstOf(y, m - 1);
  const quarterStartMonth = Math.floor((m - 1) / 3) * 3 + 1 - 3;
  const quarterFrom = firstOf(y, quarterStartMonth);
  return {
    today,
    month: { from: monthFrom, to: dayBefore(firstOf(y, m)) },
    quarter: { from: quarterFrom, to: dayBefore(firstOf(y, quarterStartMonth + 3)) },
    year: { from: ymd(new Date(now.getTime() - 364 * 86_400_000)), to: today },
  };
}

/** Random dossiers of the year, from ids (no ORDER BY random() over millions of rows). */
export async function sampleCodes(pool: pg.Pool, count: number): Promise<string[]> {
  const { rows } = await pool.query<{ lo: number; hi: number }>(`SELECT min(id)::bigint AS lo, max(id)::bigint AS hi FROM dossiers`);
  const ids = Array.from({ length: count * 2 }, () => rows[0].lo + Math.floor(Math.random() * (rows[0].hi - rows[0].lo + 1)));
  const { rows: codes } = await pool.query<{ code: string }>(`SELECT code FROM dossiers WHERE id = ANY($1::bigint[]) AND receiving_agency <> 'TEMPLATE'`, [ids]);
  return codes.slice(0, count).map((r) => r.code);
}

/** The department holding the number of open steps closest to `target`. */
export async function departmentWithOpenTasks(pool: pg.Pool, target: number): Promise<{ department: string; open: number }> {
  const { rows } = await pool.query<{ department: string; open: number }>(
    `SELECT department, count(*)::int AS open FROM tasks WHERE status IN ('open', 'claimed') GROUP BY department ORDER BY abs(count(*) - $1), department LIMIT 1`,
    [target],
  );
  return rows[0];
}

/** What the issue asks to be measured, each with its target. */
export function readPaths(w: ReadWorld): ReadPath[] {
  const code = (i: number) => encodeURIComponent(w.codes[i % w.codes.length]);
  const sup = { token: w.keys.supervisor, discard: true };
  const get = (path: string, token?: string) => () => call(`${w.url}${path}`, { token, discard: true }).then(() => undefined);
  const form06 = (p: { from: string; to: string }, groupBy = 'procedure') => get(`/api/reports/form06?from=${p.from}&to=${p.to}&groupBy=${groupBy}`, sup.token);
  return [
    { key: 'inbox', label: `inbox of ${w.inboxDepartment}`, p95TargetMs: 100, requests: 400, probe: get(`/api/inbox?department=${w.inboxDepartment}`, w.keys.officer) },
    { key: 'dossier', label: 'dossier (GET /api/dossiers/{code})', p95TargetMs: 100, requests: 400, probe: (i) => call(`${w.url}/api/dossiers/${code(i)}`, sup).then(() => undefined) },
    {
      key: 'dossier_page',
      label: 'dossier page (dossier, progress, control slip, history together)',
      p95TargetMs: 100,
      requests: 300,
      probe: async (i) => {
        const c = code(i);
        await Promise.all(['', '/progress', '/control-slip', '/history'].map((suffix) => call(`${w.url}/api/dossiers/${c}${suffix}`, sup)));
      },
    },
    { key: 'lookup', label: 'public lookup', p95TargetMs: 100, requests: 400, probe: (i) => call(`${w.url}/api/public/dossiers/${code(i)}`, { discard: true }).then(() => undefined) },
    { key: 'open_breaches', label: 'supervisor: open breaches', p95TargetMs: 300, requests: 80, probe: get('/api/supervision/open-breaches', sup.token) },
    { key: 'at_risk', label: 'supervisor: at risk (late within a working day)', p95TargetMs: 300, requests: 80, probe: get('/api/supervision/at-risk', sup.token) },
    { key: 'breaches_list', label: 'breaches list (open, newest first)', p95TargetMs: 300, requests: 80, probe: get('/api/breaches?open=true', sup.token) },
    { key: 'form06_month', label: `form 06, a month (${w.month.from} – ${w.month.to})`, p95TargetMs: 2000, requests: 24, probe: form06(w.month) },
    { key: 'progress_quarter', label: `766 progress figure, a quarter (form 06 ${w.quarter.from} – ${w.quarter.to})`, p95TargetMs: 2000, requests: 16, probe: form06(w.quarter) },
    { key: 'form06_year', label: `form 06, a year by procedure (${w.year.from} – ${w.year.to})`, p95TargetMs: 2000, requests: 16, probe: form06(w.year) },
    { key: 'form06_year_by_department', label: 'form 06, a year by department', p95TargetMs: 2000, requests: 16, probe: form06(w.year, 'department') },
  ];
}

export async function measureReadPaths(paths: ReadPath[], clients: number, stopAt: number, log: (m: string) => void): Promise<Map<ReadPath, LatencyResult>> {
  const out = new Map<ReadPath, LatencyResult>();
  for (const [i, p] of paths.entries()) {
    // Paths left share what is left of the time; a slow one cannot starve the rest.
    const share = (stopAt - Date.now()) / (paths.length - i);
    const r = await measureLatency(p.probe, { clients, requests: p.requests, warmup: Math.min(p.requests, clients * 2), stopAt: Date.now() + share });
    out.set(p, r);
    log(`${p.key}: p50 ${r.p50} ms, p95 ${r.p95} ms (${r.requests} requests${r.failures ? `, ${r.failures} failed: ${r.firstFailure}` : ''})`);
  }
  return out;
}
