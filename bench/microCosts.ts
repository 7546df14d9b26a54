import { parseBpmn } from '../engine/bpmn/parseBpmn.js';
import { serializeDefinition } from '../engine/runtime/serializeDefinition.js';
import { signalInstance, startInstance } from '../engine/runtime/processRun.js';
import type { Benchmark } from './benchmark.js';
import { sequentialModel } from './tenTaskModel.js';
import { nowMs, round } from './timing.js';

const ITERATIONS = 2_000;
const ROUND_TRIP_MS = 2_000;
const CLIENTS = 8;

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
 * Unit prices behind the step: what copying and (de)serialising one engine
 * state costs, and what one round trip to PostgreSQL costs the Node process
 * with 8 clients busy. Multiplied by the counts in the profile they tell
 * which change is worth making.
 */
export const microCosts: Benchmark = {
  name: 'unit costs (state copy, JSON, round trip)',
  async run(ctx) {
    const state = await middleState();
    const text = JSON.stringify(state);
    const metrics = {
      state_structured_clone_us: round(microseconds(() => structuredClone(state)), 1),
      state_json_stringify_us: round(microseconds(() => JSON.stringify(state)), 1),
      state_json_parse_us: round(microseconds(() => JSON.parse(text)), 1),
    };

    const { pool } = await ctx.database();
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
    return {
      ...metrics,
      roundtrips_per_s_8_clients: round(trips / seconds),
      roundtrip_node_cpu_us: round((used.user + used.system) / trips, 1),
    };
  },
};
