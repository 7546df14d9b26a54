import type { LiveSession } from '../../engine/index.js';

/** Who is behind a request: a signed-in person, or a system with its key. */
export type RequestActor =
  | { kind: 'person'; personId: string; username: string; fullName: string; memberships: LiveSession['memberships']; session: LiveSession }
  | { kind: 'system'; keyId: string; keyName: string; reportedUser: string | null };
