import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../../engine/index.js';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim of the ID token (or userinfo) that carries the username of our registry. */
  usernameClaim: string;
  /** Where the provider sends the browser back; default <origin of the request>/api/session/oidc/callback. */
  redirectUri?: string;
}

export interface AuthConfig {
  session: SessionPolicy;
  /** Mark the cookie Secure: the server is reached over HTTPS (SESSION_COOKIE_SECURE=1, or HSTS=1). */
  secureCookie: boolean;
  oidc: OidcConfig | null;
}

function minutes(env: NodeJS.ProcessEnv, name: string, fallbackMs: number): number {
  const v = Number(env[name]);
  return Number.isFinite(v) && v > 0 ? v * 60_000 : fallbackMs;
}

/** From the environment: SESSION_IDLE_MINUTES, SESSION_MAX_MINUTES, SESSION_COOKIE_SECURE, OIDC_*. */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const oidc = env.OIDC_ISSUER && env.OIDC_CLIENT_ID
    ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET ?? '', usernameClaim: env.OIDC_USERNAME_CLAIM || 'preferred_username', redirectUri: env.OIDC_REDIRECT_URI || undefined }
    : null;
  return {
    session: { idleMs: minutes(env, 'SESSION_IDLE_MINUTES', DEFAULT_SESSION_POLICY.idleMs), maxMs: minutes(env, 'SESSION_MAX_MINUTES', DEFAULT_SESSION_POLICY.maxMs) },
    secureCookie: env.SESSION_COOKIE_SECURE === '1' || env.HSTS === '1',
    oidc,
  };
}
