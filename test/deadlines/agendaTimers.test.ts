import type { Agenda } from 'agenda';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { defaultCalendar, fixture, seedDepartments } from '../support/engineHarness.js';
import { createOnestopEngine, type OnestopEngine } from '../../engine/onestopEngine.js';
import { calendarTimeRules, singleCalendar } from '../../engine/deadlines/calendarTimeRules.js';
import { agendaDeadlineHooks, BREACH_JOB } from '../../engine/deadlines/agendaDeadlines.js';
import { startDeadlineScheduler, type RunningScheduler } from '../../engine/deadlines/startDeadlineScheduler.js';
import { createAgenda } from '../../engine/scheduler/createAgenda.js';

// Real timers on a real PostgreSQL, real wall clock: a calendar-clock step of
// 3 seconds (PT3S) runs in any hour of the day.

let db: TestDatabase;
const running: RunningScheduler[] = [];
const applicant = { name: 'Hoàng Văn Em', idNumber: '001060000005' };

interface Node {
  agenda: Agenda;
  engine: OnestopEngine;
  scheduler?: RunningScheduler;
  fired: number;
}

function node(name: string): Node {
  // A short lock lifetime: Agenda's liveness check sleeps half of it after stop().
  const agenda = createAgenda(db.url, name, { processEvery: '1 second', defaultLockLifetime: 4_000 });
  const engine = createOnestopEngine({
    pool: db.pool,
    time: calendarTimeRules(() => new Date(), singleCalendar(defaultCalendar)),
    hooks: agendaDeadlineHooks(agenda),
  });
  const n: Node = { agenda, engine, fired: 0 };
  // Agenda also relays other nodes' job events (remote = true): count our own runs only.
  agenda.on(`success:${BREACH_JOB}`, (_job: unknown, remote?: boolean) => {
    if (!remote) n.fired++;
  });
  return n;
}

async function start(n: Node) {
  n.scheduler = await startDeadlineScheduler(n.agenda, n.engine.context);
  running.push(n.scheduler);
  return n;
}

async function waitFor<T>(probe: () => Promise<T | null>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function taskBreaches() {
  const { rows } = await db.pool.query(
    `SELECT b.task_id AS "taskId", b.due_at AS "dueAt", b.detected_at AS "detectedAt",
            (SELECT count(*)::int FROM dossier_events e WHERE e.type = 'task.breached' AND e.payload->>'taskId' = b.task_id::text) AS events
       FROM breaches b WHERE b.task_id IS NOT NULL`,
  );
  return rows as Array<{ taskId: string; dueAt: Date; detectedAt: Date; events: number }>;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  await createOnestopEngine({ pool: db.pool, time: calendarTimeRules(() => new Date(), singleCalendar(defaultCalendar)) })
    .deploy(await fixture('engine', 'quick.bpmn'));
});

afterEach(async () => {
  while (running.length) await running.pop()!.stop();
  await db.pool.query('DELETE FROM agenda_jobs').catch(() => {});
});

afterAll(() => db.drop());

test('a real Agenda job records the breach of a 3-second step within 2 seconds after it falls due', async () => {
  const n = await start(node('timer-1'));
  const { tasks } = await n.engine.submit('T.QUICK', { applicant, data: {} });
  const due = tasks[0].dueAt!;
  const breach = await waitFor(async () => (await taskBreaches()).find((b) => b.taskId === tasks[0].id) ?? null, 8_000);
  expect(breach.dueAt).toEqual(due);
  const lateness = breach.detectedAt.getTime() - due.getTime();
  expect(lateness).toBeGreaterThanOrEqual(0);
  expect(lateness).toBeLessThan(2_000);
  expect(breach.events).toBe(1);
});

test('deadlines that pass while the scheduler is stopped are all recorded, once, when it starts again', async () => {
  const first = await start(node('stop-start-1'));
  const submitted = [];
  for (let i = 0; i < 10; i++) submitted.push(await first.engine.submit('T.QUICK', { applicant, data: {} }));
  await first.scheduler!.stop();
  running.splice(running.indexOf(first.scheduler!), 1);
  const ids = new Set(submitted.map((s) => s.tasks[0].id));
  await new Promise((r) => setTimeout(r, 3_500)); // every due time passes while stopped
  expect((await taskBreaches()).filter((b) => ids.has(b.taskId))).toEqual([]);

  const again = await start(node('stop-start-2'));
  expect(again.scheduler!.startupSweep.breaches.filter((b) => ids.has(b.taskId!))).toHaveLength(10);
  // Let the stale jobs fire too: they find the breaches recorded and add nothing.
  await new Promise((r) => setTimeout(r, 2_500));
  const recorded = (await taskBreaches()).filter((b) => ids.has(b.taskId));
  expect(recorded).toHaveLength(10);
  expect(recorded.every((b) => b.events === 1)).toBe(true);
});

test('two engine processes on one database: each deadline fires once', async () => {
  const a = await start(node('two-a'));
  const b = await start(node('two-b'));
  const ids = new Set<string>();
  for (let i = 0; i < 10; i++) {
    const n = i % 2 ? a : b;
    ids.add((await n.engine.submit('T.QUICK', { applicant, data: {} })).tasks[0].id);
  }
  await waitFor(async () => ((await taskBreaches()).filter((x) => ids.has(x.taskId)).length === 10 ? true : null), 10_000);
  await new Promise((r) => setTimeout(r, 1_500));
  // One job per deadline ran, on one of the two nodes.
  expect(a.fired + b.fired).toBe(10);
  const recorded = (await taskBreaches()).filter((x) => ids.has(x.taskId));
  expect(recorded).toHaveLength(10);
  expect(recorded.every((x) => x.events === 1)).toBe(true);
});

test('a start-up sweep that fails (a database slow on a cold cache) leaves the server starting, and the next sweep records the backlog', async () => {
  const first = await start(node('cold-1'));
  const { tasks } = await first.engine.submit('T.QUICK', { applicant, data: {} });
  await first.scheduler!.stop();
  running.splice(running.indexOf(first.scheduler!), 1);
  await new Promise((r) => setTimeout(r, 3_500)); // the step's due time passes while stopped

  const n = node('cold-2');
  const logged: string[] = [];
  // The pool answers everything but the sweep's first statement, which times out as on a cold cache
  // (the sweep runs its statements on one connection taken from the pool).
  let failed = false;
  const failingFirst = (query: (...a: unknown[]) => unknown) => (text: unknown, ...rest: unknown[]) => {
    if (!failed && typeof text === 'string' && text.includes('pending_step_deadlines')) {
      failed = true;
      return Promise.reject(new Error('canceling statement due to statement timeout'));
    }
    return query(text, ...rest);
  };
  const pool = new Proxy(db.pool, {
    get(target, key) {
      if (key === 'query') return failingFirst(target.query.bind(target) as (...a: unknown[]) => unknown);
      if (key === 'connect') {
        return async () => {
          const client = await target.connect();
          return new Proxy(client, {
            get: (c, k) => (k === 'query' ? failingFirst(c.query.bind(c) as (...a: unknown[]) => unknown) : Reflect.get(c, k)),
          });
        };
      }
      return Reflect.get(target, key);
    },
  });
  n.scheduler = await startDeadlineScheduler(n.agenda, { ...n.engine.context, pool, log: (m) => logged.push(m) });
  running.push(n.scheduler);
  expect(n.scheduler.state().state).toBe('running');
  expect(n.scheduler.startupSweep).toEqual({ breaches: [], warnings: [] });
  expect(logged.join('\n')).toContain('statement timeout');
  await n.engine.sweepDeadlines();
  const recorded = (await taskBreaches()).filter((b) => b.taskId === tasks[0].id);
  expect(recorded).toHaveLength(1);
  expect(recorded[0].events).toBe(1);
});
