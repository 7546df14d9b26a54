import { createTestDatabase, type TestDatabase } from '../../support/testDatabase.js';
import { FixedClock } from '../../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../../support/engineHarness.js';
import type { OnestopEngine } from '../../../engine/onestopEngine.js';

// The walk of one structure conformance file: one database, the test
// departments, an engine on a fixed clock, the construct's fixtures deployed.

export const applicant = { name: 'Đỗ Minh Tâm', idNumber: '001190000888' };

export interface Walk {
  db: TestDatabase;
  engine: OnestopEngine;
  /** Open steps as `element@department`, sorted. */
  open(code: string): Promise<string[]>;
  /** Completes the open step of `elementId` (the one routed to `department` when given). */
  complete(code: string, elementId: string, data?: Record<string, unknown>, department?: string): Promise<unknown>;
  data(code: string): Promise<Record<string, unknown>>;
}

export async function startWalk(...fixtures: string[]): Promise<Walk> {
  const db = await createTestDatabase();
  await seedDepartments(db.pool);
  const engine = engineFor(db.pool, new FixedClock('2026-03-02T09:00:00+07:00'));
  for (const file of fixtures) await engine.deploy(await fixture('bpmn', 'structure', file));
  const openTasks = async (code: string) => (await engine.getDossier(code)).openTasks;
  return {
    db,
    engine,
    open: async (code) => (await openTasks(code)).map((t) => `${t.elementId}@${t.department}`).sort(),
    async complete(code, elementId, data, department) {
      const task = (await openTasks(code)).find((t) => t.elementId === elementId && (!department || t.department === department));
      if (!task) throw new Error(`${elementId}${department ? `@${department}` : ''} is not open on ${code}`);
      return engine.completeTask(task.id, { actor: 'officer', data });
    },
    data: async (code) => (await engine.getDossier(code)).data as Record<string, unknown>,
  };
}
