import type pg from 'pg';
import { createOnestopEngine, type OnestopEngine } from '../engine/onestopEngine.js';
import { calendarTimeRules, singleCalendar } from '../engine/deadlines/calendarTimeRules.js';
import { compileCalendar, DEFAULT_CALENDAR } from '../engine/calendar/index.js';
import { upsertDepartment } from '../engine/store/departments/departmentRows.js';
import type { SequentialModel } from './tenTaskModel.js';

/** A Monday morning in Hanoi: every step is handed over in working hours. */
const CLOCK_START = Date.parse('2026-03-02T09:00:00+07:00');

/**
 * A clock that starts at CLOCK_START and runs at real speed, so the run is
 * deterministic about the calendar (no holiday, no weekend) while due dates
 * and timeliness are still computed from advancing time, as in production.
 */
export function benchClock(): () => Date {
  const origin = Date.now();
  return () => new Date(CLOCK_START + (Date.now() - origin));
}

export interface DeployedEngine {
  engine: OnestopEngine;
  procedureCode: string;
}

const deployed = new WeakMap<pg.Pool, Map<string, Promise<DeployedEngine>>>();

/**
 * The engine as the server builds it (calendar time rules, default hooks),
 * with the model's departments seeded and the model deployed. Memoised per
 * pool and model: benchmarks sharing the database share one engine and its definition
 * cache, and deploying the same XML twice would be a no-op anyway.
 */
export function deployedEngine(pool: pg.Pool, model: SequentialModel): Promise<DeployedEngine> {
  const perPool = deployed.get(pool) ?? new Map<string, Promise<DeployedEngine>>();
  deployed.set(pool, perPool);
  let ready = perPool.get(model.procedureCode);
  if (!ready) {
    ready = (async () => {
      for (const d of model.departments) await upsertDepartment(pool, { ...d, calendarId: null });
      const engine = createOnestopEngine({
        pool,
        time: calendarTimeRules(benchClock(), singleCalendar(compileCalendar(DEFAULT_CALENDAR))),
      });
      const result = await engine.deploy(model.xml, 'bench');
      if (result.warnings.length) throw new Error(`bench model has lint warnings: ${result.warnings.map((w) => w.message).join('; ')}`);
      return { engine, procedureCode: result.code };
    })();
    perPool.set(model.procedureCode, ready);
  }
  return ready;
}

export const benchApplicant = { name: 'Nguyễn Văn Đo', idNumber: '001088000099' };
