import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { FixedClock } from '../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../support/engineHarness.js';
import { WarmEngines, estimatedEngineBytes, warmEngines } from '../../engine/runtime/warmEngines.js';
import type { OnestopEngine } from '../../engine/onestopEngine.js';

// The engine a step leaves behind is kept for the dossier's next step, and
// used only when the row holds exactly the state that engine wrote.

let db: TestDatabase;
const applicant = { name: 'Lê Văn Cường', idNumber: '001190000003' };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  await engineFor(db.pool, new FixedClock('2026-03-02T09:00:00+07:00')).deploy(await fixture('engine', 'linked.bpmn'));
});
afterAll(() => db.drop());

/** Submits with the first engine, then completes the steps one at a time by the next engines in turn; the steps done and the history. */
async function walk(engines: OnestopEngine[], childName: string) {
  const submitted = await engines[0].submit('T.LINKED', { applicant, data: { childName, area: 500 } });
  const done: string[] = [];
  for (let i = 1; ; i++) {
    const dossier = await engines[i % engines.length].getDossier(submitted.code);
    const next = dossier.openTasks.sort((a, b) => a.elementId.localeCompare(b.elementId))[0];
    if (!next) break;
    await engines[i % engines.length].completeTask(next.id, { actor: 'x', data: next.elementId === 'Task_Register' ? { certificateNumber: '7' } : {} });
    done.push(next.elementId);
  }
  const { rows } = await db.pool.query<{ type: string; element: string | null }>(
    `SELECT e.type, e.payload->>'elementId' AS element FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1 ORDER BY e.id`,
    [submitted.code],
  );
  const { rows: status } = await db.pool.query<{ status: string }>('SELECT status FROM dossiers WHERE code = $1', [submitted.code]);
  return { done, history: rows, status: status[0].status };
}

test('steps moved by one server from its warm engines, and alternately by two servers on one database, end the same way', async () => {
  const clock = new FixedClock('2026-03-02T09:00:00+07:00');
  const one = engineFor(db.pool, clock);
  const before = { ...warmEngines.taken };
  const alone = await walk([one], 'A');
  // Every step after the first found the engine the previous one left (the
  // reception keeps none: a dossier is kept warm from its second operation on).
  expect(warmEngines.taken.warm - before.warm).toBe(alone.done.length - 1);

  // Two servers (each its own definitions, so its own warm engines): each step
  // finds the row written by the other one, recovers it, and never uses its own older engine.
  const a = engineFor(db.pool, clock);
  const b = engineFor(db.pool, clock);
  const mid = { ...warmEngines.taken };
  const shared = await walk([a, b], 'B');
  expect(warmEngines.taken.warm - mid.warm).toBe(0);
  expect(shared.status).toBe('resolved');
  expect(shared).toEqual({ ...alone, history: alone.history });
});

test('a warm engine is taken once, only for the state it wrote and the definition it runs, and the oldest goes first', () => {
  const cache = new WarmEngines({ size: 2 });
  const definition = {};
  // runs 2: engines of a dossier being worked on (see the admission test below).
  const warm = (n: number) => ({ engine: { n }, sourceContext: definition, timers: {} as never, data: { current: {} }, runs: 2 });
  const s1: Record<string, unknown> = { definitions: [] };
  cache.keep(s1, warm(1));
  expect(typeof s1.runRevision).toBe('string');
  // The same state read back (a copy, as from the database) finds it, once.
  const read = JSON.parse(JSON.stringify(s1));
  expect(cache.take(read, {})).toBeNull();
  expect(cache.take(read, definition)?.engine).toEqual({ n: 1 });
  expect(cache.take(read, definition)).toBeNull();
  // A state another server wrote, or one written before revisions, finds nothing.
  expect(cache.take({ definitions: [], runRevision: 'elsewhere' }, definition)).toBeNull();
  expect(cache.take({ definitions: [] }, definition)).toBeNull();

  const states = [1, 2, 3].map((n) => {
    const s: Record<string, unknown> = {};
    cache.keep(s, warm(n));
    return s;
  });
  expect(cache.count).toBe(2);
  expect(cache.take(states[0], definition)).toBeNull();
  expect(cache.take(states[2], definition)?.engine).toEqual({ n: 3 });

  const off = new WarmEngines({ size: 0 });
  const s: Record<string, unknown> = {};
  off.keep(s, warm(4));
  expect(off.count).toBe(0);
  expect(s.runRevision).toBeUndefined();
});

test('an engine not taken within the idle time is dropped when another is kept', () => {
  let now = 0;
  const cache = new WarmEngines({ size: 10, idleS: 1, now: () => now });
  const definition = {};
  const warm = (n: number) => ({ engine: { n }, sourceContext: definition, timers: {} as never, data: { current: {} }, runs: 2 });
  const old: Record<string, unknown> = {};
  cache.keep(old, warm(1));
  now = 1_500;
  const recent: Record<string, unknown> = {};
  cache.keep(recent, warm(2));
  expect(cache.count).toBe(1);
  expect(cache.take(old, definition)).toBeNull();
  expect(cache.take(recent, definition)?.engine).toEqual({ n: 2 });
});

test('the engines kept stay within the heap budget: a larger model takes the room of several small ones, and grows with the steps it runs', () => {
  // Definitions as bpmn-engine gets them: what the estimate reads is how many activities and flows they hold.
  const model = (elements: number) => ({ getActivities: () => new Array(elements).fill({}), getSequenceFlows: () => [] });
  const small = model(5);
  const large = model(60);
  const smallMb = estimatedEngineBytes(small, 2) / 1_048_576;
  const largeMb = estimatedEngineBytes(large, 2) / 1_048_576;
  expect(largeMb).toBeGreaterThan(4 * smallMb);
  expect(estimatedEngineBytes(small, 10)).toBeGreaterThan(estimatedEngineBytes(small, 1));

  const cache = new WarmEngines({ mb: 3 * smallMb + 0.01 });
  const keep = (sourceContext: object, n: number) => {
    const state: Record<string, unknown> = {};
    cache.keep(state, { engine: { n }, sourceContext, timers: {} as never, data: { current: {} }, runs: 2 });
    return state;
  };
  const smalls = [1, 2, 3].map((n) => keep(small, n));
  expect(cache.count).toBe(3);
  expect(cache.megabytes).toBeLessThanOrEqual(3 * smallMb + 0.01);
  // An engine larger than the whole budget is not kept, and drops nothing.
  const tooLarge = keep(large, 4);
  expect(cache.take(tooLarge, large)).toBeNull();
  expect(cache.count).toBe(3);
  // A fourth small one pushes out the oldest.
  keep(small, 5);
  expect(cache.take(smalls[0], small)).toBeNull();
  expect(cache.take(smalls[1], small)?.engine).toEqual({ n: 2 });
  // Taken out, it no longer counts against the budget.
  expect(cache.megabytes).toBeCloseTo(2 * smallMb, 5);

  const off = new WarmEngines({ mb: 0 });
  const state: Record<string, unknown> = {};
  off.keep(state, { engine: {}, sourceContext: small, timers: {} as never, data: { current: {} }, runs: 1 });
  expect(off.count).toBe(0);
  expect(state.runRevision).toBeUndefined();
});

test('a dossier keeps its engine from its second operation within the idle time: one received and left waiting holds none', () => {
  let now = 0;
  const cache = new WarmEngines({ mb: 64, idleS: 600, now: () => now });
  const definition = {};
  // A recovered (or freshly started) engine: its first run.
  const fresh = (n: number) => ({ engine: { n }, sourceContext: definition, timers: {} as never, data: { current: {} }, runs: 1 });
  const read = (state: Record<string, unknown>) => JSON.parse(JSON.stringify(state)) as Record<string, unknown>;

  // Received: the state is named, no engine kept.
  const received: Record<string, unknown> = {};
  cache.keep(received, fresh(1));
  expect(typeof received.runRevision).toBe('string');
  expect(cache.count).toBe(0);
  expect(cache.take(read(received), definition)).toBeNull();

  // Its first step, minutes later, starts from that state: now it is being worked on, and its engine is kept.
  now = 60_000;
  const stepped: Record<string, unknown> = {};
  cache.keep(stepped, fresh(2), read(received));
  expect(cache.count).toBe(1);
  expect(cache.take(read(stepped), definition)?.engine).toEqual({ n: 2 });

  // A step from a state another server wrote, or from one remembered longer ago than the idle time, keeps none.
  cache.keep({}, fresh(3), { runRevision: 'written-elsewhere' });
  const waited: Record<string, unknown> = {};
  cache.keep(waited, fresh(4));
  now += 601_000;
  cache.keep({}, fresh(5), read(waited));
  expect(cache.count).toBe(0);
});
