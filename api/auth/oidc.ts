import * as client from 'openid-client';
import type { OidcConfig } from './authConfig.js';

/** What the browser carries between the start and the callback (in an HttpOnly cookie). */
export interface OidcPending {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
}

const local = (url: URL) => url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * The identity provider's configuration, discovered once. Plain HTTP is
 * accepted for a provider on this machine only (tests, a local IdP).
 */
export function oidcClient(config: OidcConfig) {
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = () => {
    discovered ??= (async () => {
      const issuer = new URL(config.issuer);
      const c = await client.discovery(issuer, config.clientId, config.clientSecret, undefined, local(issuer) ? { execute: [client.allowInsecureRequests] } : undefined);
      return c;
    })().catch((err: unknown) => {
      discovered = null;
      throw err;
    });
    return discovered;
  };

  /** The provider's authorization URL (code flow with PKCE S256) and what to keep until the callback. */
  async function start(redirectUri: string): Promise<{ url: string; pending: OidcPending }> {
    const c = await configuration();
    const verifier = client.randomPKCECodeVerifier();
    const pending = { state: client.randomState(), nonce: client.randomNonce(), verifier, redirectUri };
    const url = client.buildAuthorizationUrl(c, {
      redirect_uri: redirectUri, scope: 'openid profile', response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
      state: pending.state, nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /** Exchanges the code (checking state, nonce and PKCE) and returns the username claim. */
  async function finish(callbackUrl: URL, pending: OidcPending): Promise<string> {
    const c = await configuration();
    const tokens = await client.authorizationCodeGrant(c, callbackUrl, { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce });
    const claims = tokens.claims();
    let value = claims?.[config.usernameClaim];
    if (value === undefined && claims) {
      const info = await client.fetchUserInfo(c, tokens.access_token, claims.sub);
      value = info[config.usernameClaim];
    }
    if (typeof value !== 'string' || !value) throw new Error(`the identity provider sent no ${config.usernameClaim} claim`);
    return value;
  }

  return { start, finish };
}

export type OidcClient = ReturnType<typeof oidcClient>;
