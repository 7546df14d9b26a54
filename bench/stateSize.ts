import type { Benchmark } from './benchmark.js';
import { benchApplicant, deployedEngine } from './benchEngine.js';
import { sequentialModel } from './tenTaskModel.js';
import { collectGarbage, round } from './timing.js';

const HEAP_COPIES = 2_000;

/**
 * Heap bytes one parsed engine state keeps alive: what a server holding
 * recovered states (a cache, a batch) pays per dossier. Measured as the
 * retained-heap growth of many independent parses of the stored text.
 */
function heapBytesPerState(text: string): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const kept: unknown[] = [];
  for (let i = 0; i < HEAP_COPIES; i++) kept.push(JSON.parse(text));
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== HEAP_COPIES) throw new Error('unreachable: keeps the copies alive until measured');
  return (after - before) / HEAP_COPIES;
}

/** The stored state of a 10-task dossier waiting at its middle task. */
export const stateSize: Benchmark = {
  name: 'stored engine state (10-task dossier, middle task)',
  id: 'state',
  headline: ['state_bytes_10_task'],
  async run(ctx) {
    const model = sequentialModel();
    const db = await ctx.database();
    const { engine, procedureCode } = await deployedEngine(db.pool, model);
    const middle = Math.floor(model.taskIds.length / 2);
    const submitted = await engine.submit(procedureCode, { applicant: benchApplicant, data: { seq: -1 } });
    let taskId = submitted.tasks[0].id;
    for (let i = 0; i < middle; i++) taskId = (await engine.completeTask(taskId, { actor: 'officer-size' })).openTasks[0].id;
    const waitingAt = (await engine.getTask(taskId))?.elementId;
    if (waitingAt !== model.taskIds[middle]) throw new Error(`expected the dossier to wait at ${model.taskIds[middle]}, it waits at ${waitingAt}`);

    const { rows } = await db.pool.query<{ text: string; textBytes: number; storedBytes: number }>(
      `SELECT engine_state::text AS text, octet_length(engine_state::text) AS "textBytes", pg_column_size(engine_state) AS "storedBytes"
         FROM dossiers WHERE code = $1`,
      [submitted.code],
    );
    const { text, textBytes, storedBytes } = rows[0];
    return {
      state_bytes_10_task: textBytes,
      state_json_bytes_10_task: Buffer.byteLength(JSON.stringify(JSON.parse(text))),
      state_stored_bytes_10_task: storedBytes,
      state_heap_bytes_10_task: round(heapBytesPerState(text), 0),
      state_waiting_at: `${waitingAt}`,
    };
  },
};
