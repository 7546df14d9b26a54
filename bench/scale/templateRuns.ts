import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { createOnestopEngine } from '../../engine/onestopEngine.js';
import { calendarTimeRules, singleCalendar } from '../../engine/deadlines/calendarTimeRules.js';
import { compileCalendar, DEFAULT_CALENDAR } from '../../engine/calendar/index.js';
import type { PathSpec } from './yearPlan.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A step as the generator writes it: what the deployed version says of it, and the data an officer enters. */
export interface TemplateStep {
  elementId: string;
  name: string;
  department: string;
  clock: string;
  deadline: string;
  allotmentMs: number;
  /** Working days of its allotment (8 working hours a day). */
  allotDays: number;
  counted: boolean;
  data: Record<string, unknown>;
}

/** One stage: the steps open together (a parallel split opens several), with the engine state while they wait. */
export interface TemplateStage {
  steps: TemplateStep[];
  /** Execution ids the engine state refers to, by element: open tasks must carry them. */
  executionIds: Record<string, string>;
  engineState: string;
}

/** A path through a procedure, recorded from a real dossier the engine moved through it. */
export interface TemplatePath {
  index: number;
  share: number;
  procedureCode: string;
  versionId: number;
  /** Working days of the promised date (statutory limit). */
  deadlineDays: number;
  applicant: Record<string, unknown>;
  startData: Record<string, unknown>;
  stages: TemplateStage[];
  /** Engine state once resolved: what resolved dossiers keep. */
  finalState: string;
}

interface Fixture {
  procedureCode: string;
  applicant: Record<string, unknown>;
  data: Record<string, unknown>;
  steps: Record<string, Record<string, unknown>>;
}

const WORKING_DAY_MS = 8 * 3_600_000;

/**
 * Moves one real dossier per path through the engine (its own clock, a week
 * in the summer of 2025) and records what the rows look like at each stage, so the bulk
 * load copies the engine's own states, execution ids and step data instead of
 * inventing them.
 */
export async function recordTemplatePaths(pool: pg.Pool, paths: PathSpec[]): Promise<TemplatePath[]> {
  // Working hours of ordinary weeks (no holiday in June–August 2025), so that no
  // step is completed before the office hour it was handed over at.
  let t = Date.parse('2025-06-02T09:00:00+07:00');
  const engine = createOnestopEngine({
    pool,
    time: calendarTimeRules(() => new Date(t), singleCalendar(compileCalendar(DEFAULT_CALENDAR))),
    receivingAgency: 'TEMPLATE',
    log: () => {},
  });
  const out: TemplatePath[] = [];
  for (const [index, spec] of paths.entries()) {
    const fixture = JSON.parse(await readFile(path.join(ROOT, 'test', 'fixtures', 'samples', `${spec.slug}.json`), 'utf8')) as Fixture;
    const startData = { ...fixture.data, ...(spec.startData ?? {}) };
    const submitted = await engine.submit(fixture.procedureCode, { applicant: fixture.applicant as never, data: startData, channel: 'online' });
    const { rows: versionRows } = await pool.query<{ id: number; model: { deadlineMs: number; steps: Record<string, Omit<TemplateStep, 'data' | 'allotDays'>> } }>(
      `SELECT v.id, v.model FROM dossiers d JOIN procedure_versions v ON v.id = d.procedure_version_id WHERE d.code = $1`,
      [submitted.code],
    );
    const { id: versionId, model } = versionRows[0];
    const stages: TemplateStage[] = [];
    for (;;) {
      const { rows: open } = await pool.query<{ id: string; element_id: string; execution_id: string; state: string }>(
        `SELECT t.id, t.element_id, t.execution_id, d.engine_state::text AS state
           FROM tasks t JOIN dossiers d ON d.id = t.dossier_id
          WHERE d.code = $1 AND t.status IN ('open', 'claimed') ORDER BY t.element_id`,
        [submitted.code],
      );
      if (!open.length) break;
      const steps = open.map((task) => {
        const m = model.steps[task.element_id];
        const variant = spec.variants?.[task.element_id];
        const data = fixture.steps[variant ? `${task.element_id}#${variant}` : task.element_id];
        if (!data) throw new Error(`the ${spec.slug} fixture has no step data for ${task.element_id}${variant ? `#${variant}` : ''}`);
        return { elementId: task.element_id, name: m.name, department: m.department, clock: m.clock, deadline: m.deadline, allotmentMs: m.allotmentMs, allotDays: m.allotmentMs / WORKING_DAY_MS, counted: m.counted, data };
      });
      stages.push({ steps, executionIds: Object.fromEntries(open.map((o) => [o.element_id, o.execution_id])), engineState: open[0].state });
      for (const [i, task] of open.entries()) {
        t += 3_600_000;
        await engine.completeTask(task.id, { actor: 'template', data: steps[i].data });
      }
    }
    const { rows: final } = await pool.query<{ state: string; status: string }>(`SELECT engine_state::text AS state, status FROM dossiers WHERE code = $1`, [submitted.code]);
    if (final[0].status !== 'resolved') throw new Error(`the ${spec.slug} template dossier ended ${final[0].status}, not resolved`);
    out.push({
      index,
      share: spec.share,
      procedureCode: fixture.procedureCode,
      versionId,
      deadlineDays: model.deadlineMs / WORKING_DAY_MS,
      applicant: fixture.applicant,
      startData,
      stages,
      finalState: final[0].state,
    });
    t += 7 * 86_400_000;
  }
  return out;
}
