import type { Engine } from '../../engine/index.js';
import { auditActor } from '../http/authenticate.js';
import type { Caller, Reply, RouteSpec } from '../http/route.js';
import { citizenReadTarget } from './auditedReads.js';

// The people routes record their own changes in the engine, with what changed.
const RECORDED_BY_ENGINE = new Set(['createPerson', 'updatePerson', 'importPeople', 'assignTask', 'signIn', 'signOut', 'changePassword']);

/**
 * After a route succeeded: the key's last use, and what the audit log gets from the route table itself: every administrative
 * change (a successful change on an administrator's route: keys, departments,
 * webhooks, calendars, incidents…) and every read of a citizen's dossier or
 * document by a person.
 */
export function auditAfterSuccess(engine: Pick<Engine, 'audit' | 'keys'>) {
  return async (route: RouteSpec, caller: Caller, params: Record<string, string>, reply: Reply): Promise<void> => {
    if (!caller.who || reply.status >= 400) return;
    // A key's last use: its last accepted request (a refused one changes nothing).
    if (caller.who.kind === 'system') await engine.keys.touch(caller.who.keyId);
    if (reply.status >= 300 || RECORDED_BY_ENGINE.has(route.operationId)) return;
    const target = Object.values(params).join(' ') || null;
    if (route.method !== 'get' && route.roles !== 'public' && route.roles.includes('admin') && caller.key?.role === 'admin') {
      await engine.audit.record(auditActor(caller), `admin.${route.operationId}`, target, { path: route.path });
      return;
    }
    if (caller.who.kind !== 'person') return;
    const read = citizenReadTarget(route, params);
    if (read) await engine.audit.record(auditActor(caller), 'dossier.read', read, { operation: route.operationId });
  };
}
