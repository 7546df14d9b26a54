// Shared set-up for the tests that run the sample procedures of `processes/`
// end to end: a fresh database, the folder loaded as an operator would load
// it, the sample dossiers of test/fixtures/samples, and a clock moved by hand.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../support/testDatabase.js';
import { FixedClock } from '../../support/fixedClock.js';
import { engineFor, ROOT } from '../../support/engineHarness.js';
import type { OnestopEngine } from '../../../engine/onestopEngine.js';
import type { FolderDeployReport } from '../../../engine/procedures/loadProcessesFolder.js';
import type { Applicant } from '../../../engine/dossier/commands/submitDossier.js';

export const PROCESSES_FOLDER = path.join(ROOT, 'processes');

/** Monday 2 March 2026, 09:00 in Hanoi: a plain working morning. */
export const START = '2026-03-02T09:00:00+07:00';
export const HOUR = 60 * 60_000;

export type SampleSlug =
  | 'birth-residence-insurance'
  | 'death-residence-funeral'
  | 'land-use-right-transfer'
  | 'enterprise-registration'
  | 'construction-permit-house';

export interface SampleDossier {
  procedureCode: string;
  file: string;
  applicant: Applicant;
  /** Start data: valid against the start event's form schema. */
  data: Record<string, unknown>;
  /** Step data by element id; `Element#variant` where a step has several outcomes. */
  steps: Record<string, Record<string, unknown>>;
}

export async function sampleDossier(slug: SampleSlug): Promise<SampleDossier> {
  return JSON.parse(await readFile(path.join(ROOT, 'test', 'fixtures', 'samples', `${slug}.json`), 'utf8')) as SampleDossier;
}

export function stepData(sample: SampleDossier, key: string): Record<string, unknown> {
  const data = sample.steps[key];
  if (!data) throw new Error(`the ${sample.file} sample has no step data "${key}"`);
  return structuredClone(data);
}

export interface SampleWorld {
  db: TestDatabase;
  clock: FixedClock;
  engine: OnestopEngine;
  report: FolderDeployReport;
}

/** A fresh database with `processes/` loaded into it. */
export async function loadSampleWorld(): Promise<SampleWorld> {
  const db = await createTestDatabase();
  const clock = new FixedClock(START);
  const engine = engineFor(db.pool, clock);
  const report = await engine.loadProcessesFolder(PROCESSES_FOLDER);
  return { db, clock, engine, report };
}

/** `elementId@department`, sorted: the routing of a set of tasks, order-free. */
export function routing(tasks: ReadonlyArray<{ elementId: string; department: string }>): string[] {
  return tasks.map((t) => `${t.elementId}@${t.department}`).sort();
}

export async function openRouting(engine: OnestopEngine, code: string): Promise<string[]> {
  return routing((await engine.getDossier(code)).openTasks);
}

/**
 * Moves the clock on (an hour by default), then completes the open task of
 * `elementId` on the dossier with the given data.
 */
export async function completeStep(
  world: Pick<SampleWorld, 'engine' | 'clock'>,
  code: string,
  elementId: string,
  data: Record<string, unknown>,
  actor = 'canbo.xuly',
  advanceMs = HOUR,
) {
  world.clock.advance(advanceMs);
  const task = (await world.engine.getDossier(code)).openTasks.find((t) => t.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open on ${code}`);
  return world.engine.completeTask(task.id, { actor, data });
}
