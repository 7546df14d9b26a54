import type pg from 'pg';
import type { OnestopEngine } from '../engine/onestopEngine.js';
import type { BodyLimits } from './http/mountRoutes.js';
import { CalendarRegistry } from '../engine/calendar/calendarRegistry.js';

export interface ApiDeps {
  pool: pg.Pool;
  engine: OnestopEngine;
  /** The clock of the API's own decisions (overdue filters, report periods); defaults to the engine's. */
  clock?: () => Date;
  log?: (line: string) => void;
  limits?: Partial<BodyLimits>;
  /** The calendars the engine computes due times with; edits reload them. */
  calendars?: CalendarRegistry;
}

export interface ResolvedDeps extends Required<Omit<ApiDeps, 'limits'>> {
  limits?: Partial<BodyLimits>;
}

export function resolveDeps(deps: ApiDeps): ResolvedDeps {
  return {
    ...deps,
    clock: deps.clock ?? (() => deps.engine.context.time.now()),
    log: deps.log ?? ((line: string) => console.error(line)),
    calendars: deps.calendars ?? new CalendarRegistry(deps.pool),
  };
}
