import { parseBpmn } from '../engine/bpmn/parseBpmn.js';
import { serializeDefinition } from '../engine/runtime/serializeDefinition.js';
import { signalInstance, startInstance } from '../engine/runtime/processRun.js';
import type pg from 'pg';
import { TASK_COLUMNS } from '../engine/store/tasks/taskRows.js';
import type { Benchmark, Metric } from './benchmark.js';
import { startPgServerCpu } from './pgServerCpu.js';
import { sequentialModel } from './tenTaskModel.js';
import { nowMs, round } from './timing.js';

const ITERATIONS = 2_000;
const ROUND_TRIP_MS = 2_000;
const CLIENTS = 8;
const QUERY_RUNS = 500;

/** Microseconds per call of `fn`, after a warm-up of a tenth as many calls. */
function microseconds(fn: () => unknown, iterations = ITERATIONS): number {
  for (let i = 0; i < iterations / 10; i++) fn();
  const t0 = nowMs();
  for (let i = 0; i < iterations; i++) fn();
  return ((nowMs() - t0) * 1000) / iterations;
}

/** The engine state of the 10-task model waiting at its middle task, in memory. */
async function middleState(): Promise<unknown> {
  const model = sequentialModel();
  const sourceContext = serializeDefinition(await parseBpmn(model.xml));
  let run = await startInstance(sourceContext, {});
  for (let i = 0; i < Math.floor(model.taskIds.length / 2); i++) run = await signalInstance(sourceContext, run.state, run.waiting[0], {});
  return run.state;
}

/**
 * PostgreSQL CPU microseconds per run of the engine's task lookup (getTask's
 * SQL), sent as node-postgres sends it (unnamed: parsed and planned on every
 * call) and as a named prepared statement (planned once per connection).
 */
async function taskLookupPgCpu(pool: pg.Pool): Promise<Record<string, Metric>> {
  const sql = `SELECT ${TASK_COLUMNS} FROM tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE t.id = $1`;
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM tasks LIMIT 1');
  if (!rows.length) return { task_lookup_skipped: 'no task in the database' };
  const client = await pool.connect();
  try {
    const measure = async (run: () => Promise<unknown>) => {
      for (let i = 0; i < QUERY_RUNS / 10; i++) await run();
      const pgCpu = await startPgServerCpu(pool);
      if (!pgCpu) return 'n/a (remote server)';
      for (let i = 0; i < QUERY_RUNS; i++) await run();
      return round((pgCpu() * 1000) / QUERY_RUNS, 1);
    };
    return {
      task_lookup_pg_cpu_us_unnamed: await measure(() => client.query(sql, [rows[0].id])),
      task_lookup_pg_cpu_us_prepared: await measure(() => client.query({ name: 'bench_task_lookup', text: sql, values: [rows[0].id] })),
    };
  } finally {
    client.release();
  }
}

/**
 * Unit prices behind the step: what copying and (de)serialising one engine
 * state costs, what one round trip costs the Node process with 8 clients
 * busy, and what planning a query costs PostgreSQL. Set against the counts
 * in the profile they tell which change is worth making.
 */
export const microCosts: Benchmark = {
  name: 'unit costs (state copy, JSON, round trip)',
  id: 'unit_costs',
  headline: [],
  async run(ctx) {
    const state = await middleState();
    const text = JSON.stringify(state);
    const metrics: Record<string, Metric> = {
      state_structured_clone_us: round(microseconds(() => structuredClone(state)), 1),
      state_json_stringify_us: round(microseconds(() => JSON.stringify(state)), 1),
      state_json_parse_us: round(microseconds(() => JSON.parse(text)), 1),
    };

    const { pool } = await ctx.database();
    const pgCpu = await startPgServerCpu(pool);
    let trips = 0;
    const stopAt = Date.now() + ROUND_TRIP_MS;
    const cpu = process.cpuUsage();
    const t0 = nowMs();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const client = await pool.connect();
        try {
          while (Date.now() < stopAt) {
            await client.query('SELECT 1');
            trips++;
          }
        } finally {
          client.release();
        }
      }),
    );
    const seconds = (nowMs() - t0) / 1000;
    const used = process.cpuUsage(cpu);
    const pgMs = pgCpu?.();
    return {
      ...metrics,
      roundtrips_per_s_8_clients: round(trips / seconds),
      roundtrip_node_cpu_us: round((used.user + used.system) / trips, 1),
      roundtrip_pg_cpu_us: pgMs === undefined ? 'n/a (remote server)' : round((pgMs * 1000) / trips, 1),
      ...(await taskLookupPgCpu(pool)),
    };
  },
};
