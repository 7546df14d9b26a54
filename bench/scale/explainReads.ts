// Prints EXPLAIN (ANALYZE, BUFFERS) of the read paths' queries on a database
// (the one `SCALE_HOLD=1 npm run bench:scale` keeps up): the real query
// functions are called with a connection that explains instead of answering.
//   tsx bench/scale/explainReads.ts <database url> [filter]
import pg from 'pg';
import type { Queryable } from '../../engine/store/db.js';
import { listInboxTasks } from '../../engine/store/queries/inboxTasks.js';
import { openBreaches } from '../../engine/store/queries/openBreaches.js';
import { atRiskCandidates } from '../../engine/store/queries/atRiskDossiers.js';
import { listBreaches } from '../../engine/store/queries/breachList.js';
import { form06Counts } from '../../engine/store/queries/form06Counts.js';
import { publicDossier } from '../../engine/store/queries/publicDossier.js';
import { dossierExtras } from '../../engine/store/queries/dossierExtras.js';
import { dossierSteps } from '../../engine/store/queries/dossierSteps.js';
import { departmentWithOpenTasks, periods, sampleCodes } from './readPaths.js';

const vnStart = (day: string) => new Date(`${day}T00:00:00+07:00`);
const nextDay = (day: string) => new Date(vnStart(day).getTime() + 86_400_000);

async function main() {
  const [url, filter] = process.argv.slice(2);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const explaining = (label: string): Queryable => ({
    async query(config: string | { text: string; values?: unknown[] }, values?: unknown[]) {
      const text = typeof config === 'string' ? config : config.text;
      const params = typeof config === 'string' ? values : config.values;
      const t = Date.now();
      const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
      console.log(`\n===== ${label} (${Date.now() - t} ms)\n${text.trim().split('\n')[0].slice(0, 120)}…\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      return { rows: [{ n: 0 }], rowCount: 1 } as never;
    },
  }) as unknown as Queryable;
  const now = new Date();
  const p = periods(now);
  const inbox = await departmentWithOpenTasks(pool, 500);
  const [code] = await sampleCodes(pool, 1);
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['inbox', () => listInboxTasks(explaining(`inbox ${inbox.department} (${inbox.open} open)`), { statuses: ['open', 'claimed'], department: inbox.department, limit: 50, offset: 0 })],
    ['open-breaches', () => openBreaches(explaining('open breaches'), { limit: 200, groupLimit: 100, groupOffset: 0 })],
    ['at-risk', () => atRiskCandidates(explaining('at risk'), now, new Date(now.getTime() + 31 * 86_400_000))],
    ['breaches', () => listBreaches(explaining('breaches list'), { open: true, limit: 50, offset: 0 })],
    ['lookup', () => publicDossier(explaining('public lookup'), code)],
    ['dossier', () => dossierExtras(explaining('dossier extras'), code)],
    ['steps', () => dossierSteps(explaining('dossier steps'), code)],
    ['form06-month', () => form06Counts(explaining('form 06 month'), 'procedure', { start: vnStart(p.month.from), end: nextDay(p.month.to), asOf: nextDay(p.month.to) })],
    ['form06-year', () => form06Counts(explaining('form 06 year'), 'procedure', { start: vnStart(p.year.from), end: nextDay(p.year.to), asOf: now })],
    ['form06-year-dept', () => form06Counts(explaining('form 06 year by department'), 'department', { start: vnStart(p.year.from), end: nextDay(p.year.to), asOf: now })],
  ];
  for (const [name, run] of cases) if (!filter || name.includes(filter)) await run();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
