import type { Agenda } from 'agenda';
import { createTestDatabase, type TestDatabase } from '../../support/testDatabase.js';
import { FixedClock } from '../../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../../support/engineHarness.js';
import { expectEveryDossierWaits } from '../../support/invariant.js';
import { createAgenda } from '../../../engine/scheduler/createAgenda.js';
import { createPool } from '../../../engine/store/db.js';
import { registerWaitTimerJobs, startWaitTimers, waitTimerHooks } from '../../../engine/scheduler/waitTimerJobs.js';
import type { OnestopEngine } from '../../../engine/onestopEngine.js';

// Timers are durable: the due time is on our rows, no engine stays alive,
// a real Agenda fires them, a server that starts after the due time fires
// them once, and two servers on one database fire each timer once.

let db: TestDatabase;
const agendas: Agenda[] = [];
const applicant = { name: 'Lê Văn Cường', idNumber: '001088000003' };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  const deployer = engineFor(db.pool, new FixedClock('2026-03-02T09:00:00+07:00'));
  await deployer.deploy(await fixture('bpmn', 'events', 'intermediate-timer-seconds.bpmn'));
  await deployer.deploy(await fixture('bpmn', 'events', 'intermediate-timer.bpmn'));
});

afterEach(async () => {
  await expectEveryDossierWaits(db.pool);
  while (agendas.length) await agendas.pop()!.stop();
});
afterAll(() => db.drop());

/** A server: an engine with its clock and an Agenda on the shared database. */
function server(clock: FixedClock, name: string): { engine: OnestopEngine; agenda: Agenda } {
  const agenda = createAgenda(db.url, name, { processEvery: '1 second' });
  agendas.push(agenda);
  const engine = engineFor(db.pool, clock, waitTimerHooks(agenda));
  registerWaitTimerJobs(agenda, engine.context);
  return { engine, agenda };
}

const firings = async (engine: OnestopEngine, code: string) => (await engine.history(code)).filter((e) => e.type === 'timer.fired').length;

async function until(check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('condition not met in time');
}

test('a real Agenda job fires a timer at its due time', async () => {
  const clock = new FixedClock(new Date());
  const { engine, agenda } = server(clock, 'timers-a');
  await agenda.start();
  const d = await engine.submit('EV.SECONDS', { applicant, data: {} });
  expect(d.tasks).toEqual([]);
  // The engine's clock reaches the due time as Agenda's real one does.
  clock.advance(2_000);
  await until(async () => (await engine.getDossier(d.code)).openTasks.length > 0);
  expect((await engine.getDossier(d.code)).openTasks.map((t) => t.elementId)).toEqual(['Task_Decide']);
  expect(await firings(engine, d.code)).toBe(1);
});

test('a timer that fell due while no server ran fires at start-up, once', async () => {
  const clock = new FixedClock('2026-03-02T11:00:00+07:00');
  // The first server receives the dossier and stops: nothing of it stays in memory.
  const first = engineFor(db.pool, clock);
  const d = await first.submit('EV.TIMER', { applicant, data: {} });

  // Down over the due time (14:00); a new server starts at 15:00.
  clock.set('2026-03-02T15:00:00+07:00');
  const a = server(clock, 'restart-a');
  expect(await startWaitTimers(a.agenda, a.engine.context)).toBe(1);
  expect((await a.engine.getDossier(d.code)).openTasks.map((t) => t.elementId)).toEqual(['Task_Decide']);
  // Started again: nothing left to fire.
  const b = server(clock, 'restart-b');
  expect(await startWaitTimers(b.agenda, b.engine.context)).toBe(0);
  expect(await firings(b.engine, d.code)).toBe(1);
});

test('two servers on one database fire each due timer once', async () => {
  const clock = new FixedClock('2026-03-03T09:00:00+07:00');
  // Two engines with pools of their own, as two server processes have.
  const a = engineFor(createPool(db.url, 4), clock);
  const b = engineFor(createPool(db.url, 4), clock);
  const codes: string[] = [];
  for (let i = 0; i < 6; i++) codes.push((await a.submit('EV.TIMER', { applicant, data: {} })).code);
  clock.set('2026-03-03T12:00:00+07:00');
  // Both start-up passes at once: each timer is claimed by one of them.
  const [firedA, firedB] = await Promise.all([a.fireDueTimers(), b.fireDueTimers()]);
  expect(firedA + firedB).toBe(6);
  for (const code of codes) {
    expect(await firings(a, code)).toBe(1);
    expect((await a.getDossier(code)).openTasks.map((t) => t.elementId)).toEqual(['Task_Decide']);
  }
  await a.context.pool.end();
  await b.context.pool.end();
});
