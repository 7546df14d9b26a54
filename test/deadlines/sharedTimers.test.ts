import { BREACH_JOB, SharedTimers, WARNING_JOB } from '../../engine/deadlines/agendaDeadlines.js';

// A morning's online dossiers start their clocks at the office's opening, so
// their steps fall due at the same instant: one timer checks them all.

function recordingAgenda() {
  const scheduled: Array<{ at: Date; name: string; data: unknown }> = [];
  return { scheduled, agenda: { schedule: async (at: Date, name: string, data: unknown) => void scheduled.push({ at, name, data }) } as never };
}

test('deadlines due at the same instant share one timer; other instants and the warnings get their own', async () => {
  const { scheduled, agenda } = recordingAgenda();
  const timers = new SharedTimers(agenda);
  const opening = new Date('2026-12-01T01:00:00.000Z');
  for (let i = 0; i < 500; i++) await timers.arm(BREACH_JOB, 'task', opening);
  await timers.arm(BREACH_JOB, 'task', new Date(opening.getTime() + 1));
  await timers.arm(BREACH_JOB, 'dossier', opening);
  await timers.arm(WARNING_JOB, 'task', opening);
  expect(scheduled.map((s) => [s.name, s.at.toISOString(), s.data])).toEqual([
    [BREACH_JOB, '2026-12-01T01:00:00.000Z', { kind: 'task', at: '2026-12-01T01:00:00.000Z' }],
    [BREACH_JOB, '2026-12-01T01:00:00.001Z', { kind: 'task', at: '2026-12-01T01:00:00.001Z' }],
    [BREACH_JOB, '2026-12-01T01:00:00.000Z', { kind: 'dossier', at: '2026-12-01T01:00:00.000Z' }],
    [WARNING_JOB, '2026-12-01T01:00:00.000Z', { kind: 'task', at: '2026-12-01T01:00:00.000Z' }],
  ]);
});

test('a timer that could not be scheduled is tried again by the next deadline of its instant', async () => {
  let fail = true;
  const scheduled: Date[] = [];
  const timers = new SharedTimers({ schedule: async (at: Date) => { if (fail) throw new Error('database down'); scheduled.push(at); } } as never);
  const at = new Date('2026-12-01T01:00:00.000Z');
  await expect(timers.arm(BREACH_JOB, 'task', at)).rejects.toThrow('database down');
  fail = false;
  await timers.arm(BREACH_JOB, 'task', at);
  expect(scheduled).toEqual([at]);
});
