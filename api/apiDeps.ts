import type { Engine } from '../engine/index.js';
import type { BodyLimits } from './http/mountRoutes.js';

export interface ApiDeps {
  /** The engine's front door: every route reads and changes through it. */
  engine: Engine;
  /** The clock of the API's own decisions (overdue filters, report periods); defaults to the engine's. */
  clock?: () => Date;
  log?: (line: string) => void;
  limits?: Partial<BodyLimits>;
}

export interface ResolvedDeps extends Required<Omit<ApiDeps, 'limits'>> {
  limits?: Partial<BodyLimits>;
}

export function resolveDeps(deps: ApiDeps): ResolvedDeps {
  return {
    ...deps,
    clock: deps.clock ?? (() => deps.engine.now()),
    log: deps.log ?? ((line: string) => console.error(line)),
  };
}
