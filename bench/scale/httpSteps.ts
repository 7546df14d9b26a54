import type pg from 'pg';
import type { Metrics } from '../benchmark.js';
import { sequentialModel } from '../tenTaskModel.js';
import { median, round } from '../timing.js';
import { call } from './httpLoad.js';

const CLIENTS = 8;
const DOSSIERS = 800;
const ROUNDS = 4;
const SLICE_MS = 10_000;

interface Open {
  code: string;
  task: { id: string; department: string } | null;
}

/**
 * Officers completing steps over HTTP, through one server process or spread
 * over two on the same database (client i talks to server i mod n): the
 * combined step throughput of a second stateless server on this machine.
 * Rounds alternate 1, 2, 2, 1 servers against the host's drift. At the end
 * the database must agree with what the clients saw: every completion
 * answered 200 is recorded once, whichever server took it.
 */
export async function httpStepsOneVsTwo(servers: [string, string], adminToken: string, pool: pg.Pool, log: (m: string) => void): Promise<Metrics> {
  const model = sequentialModel(10, 'BENCH.HTTP10');
  const admin = { token: adminToken };
  for (const d of model.departments) {
    await call(`${servers[0]}/api/departments`, { ...admin, method: 'POST', body: { code: d.code, name: d.name, agency: d.agency } }).catch(() => {});
  }
  const key = async (role: string, department?: string) =>
    (await call<{ token: string }>(`${servers[0]}/api/keys`, { ...admin, method: 'POST', body: { name: `scale ${role} ${department ?? ''}`, role, ...(department ? { department } : {}) } })).token;
  const analyst = await key('analyst');
  const desk = await key('desk');
  const officers = new Map<string, string>();
  for (const d of model.departments) officers.set(d.code, await key('officer', d.code));
  await call(`${servers[0]}/api/procedures`, { token: analyst, method: 'POST', body: model.xml });

  const dossiers: Open[] = [];
  for (let i = 0; i < DOSSIERS; i += CLIENTS) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(CLIENTS, DOSSIERS - i) }, (_, j) =>
        call<{ code: string; tasks: Array<{ id: string; department: string }> }>(`${servers[j % 2]}/api/dossiers`, {
          token: desk,
          method: 'POST',
          body: { procedureCode: model.procedureCode, channel: 'online', applicant: { name: 'Nguyễn Văn Đo', idNumber: '001088000099' }, data: {} },
        }),
      ),
    );
    for (const s of batch) dossiers.push({ code: s.code, task: s.tasks[0] });
  }
  log(`${DOSSIERS} dossiers received over HTTP`);

  let completed = 0;
  const slice = async (serverCount: number) => {
    const stopAt = Date.now() + SLICE_MS;
    let steps = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, w) => {
        const server = servers[w % serverCount];
        const mine = dossiers.filter((_, i) => i % CLIENTS === w);
        for (let pending = mine.filter((d) => d.task); pending.length && Date.now() < stopAt; pending = pending.filter((d) => d.task)) {
          for (const d of pending) {
            if (Date.now() >= stopAt) break;
            const r = await call<{ openTasks: Array<{ id: string; department: string }> }>(`${server}/api/tasks/${d.task!.id}/complete`, {
              token: officers.get(d.task!.department)!,
              method: 'POST',
              body: { data: {} },
            });
            steps++;
            d.task = r.openTasks[0] ?? null;
          }
        }
      }),
    );
    completed += steps;
    return steps / ((performance.now() - t0) / 1000);
  };

  const one: number[] = [];
  const two: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? [1, 2] : [2, 1];
    for (const n of order) {
      const rate = await slice(n);
      (n === 1 ? one : two).push(rate);
      log(`round ${r + 1}: ${n} server${n > 1 ? 's' : ''} ${rate.toFixed(0)} steps/s over HTTP`);
    }
  }

  const { rows } = await pool.query<{ completed: number; duplicates: number }>(
    `SELECT count(*) FILTER (WHERE t.status = 'completed')::int AS completed,
            (SELECT count(*) FROM (SELECT 1 FROM tasks t2 JOIN dossiers d2 ON d2.id = t2.dossier_id
                                    WHERE d2.procedure_code = $1 AND d2.code = ANY($2::text[]) GROUP BY t2.dossier_id, t2.element_id HAVING count(*) > 1) x)::int AS duplicates
       FROM tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE d.procedure_code = $1 AND d.code = ANY($2::text[])`,
    // This run's dossiers only: a kept year (SCALE_KEEP) holds the steps of earlier runs too.
    [model.procedureCode, dossiers.map((d) => d.code)],
  );
  const agree = rows[0].completed === completed && rows[0].duplicates === 0;
  if (!agree) log(`MISMATCH: the clients completed ${completed} steps, the database holds ${rows[0].completed} (${rows[0].duplicates} steps twice)`);
  const mean = (xs: number[]) => (xs = xs.filter((x) => x > 0)).reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    http_steps_per_s_1_server: round(mean(one)),
    http_steps_per_s_2_servers: round(mean(two)),
    http_steps_2_vs_1: round(mean(two) / mean(one), 2),
    http_steps_2_vs_1_median_of_rounds: round(median(two.map((t, i) => t / one[i]).filter(Number.isFinite)), 2),
    http_steps_consistent: agree ? 'yes' : `no: clients ${completed}, database ${rows[0].completed}, duplicated ${rows[0].duplicates}`,
  };
}
