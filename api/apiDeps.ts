import type { Engine } from '../engine/index.js';
import type { BodyLimits } from './http/mountRoutes.js';
import { authConfigFromEnv, type AuthConfig } from './auth/authConfig.js';

export interface ApiDeps {
  /** The engine's front door: every route reads and changes through it. */
  engine: Engine;
  /** The clock of the API's own decisions (overdue filters, report periods); defaults to the engine's. */
  clock?: () => Date;
  log?: (line: string) => void;
  limits?: Partial<BodyLimits>;
  /** Sessions and single sign-on; from the environment by default. */
  auth?: Partial<AuthConfig>;
}

export interface ResolvedDeps extends Required<Omit<ApiDeps, 'limits' | 'auth'>> {
  limits?: Partial<BodyLimits>;
  auth: AuthConfig;
}

export function resolveDeps(deps: ApiDeps): ResolvedDeps {
  return {
    ...deps,
    clock: deps.clock ?? (() => deps.engine.now()),
    log: deps.log ?? ((line: string) => console.error(line)),
    auth: { ...authConfigFromEnv(), ...deps.auth },
  };
}
