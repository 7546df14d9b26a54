// The citizen page's address for a dossier, printed on the receipt (with its
// QR code) and written in every notice.

/**
 * PUBLIC_BASE_URL (the address citizens reach the server at, e.g.
 * https://dichvucong.example.gov.vn); otherwise the server's own URL,
 * `fallback` (the request's origin) or http://localhost:PORT.
 */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env, fallback?: string | null): string {
  const configured = env.PUBLIC_BASE_URL?.trim();
  const base = configured || fallback || `http://localhost:${env.PORT || 3000}`;
  return base.replace(/\/+$/, '');
}

/** https://…/tra-cuu/000.00.12.H26-260302-0001 */
export function lookupLink(base: string, code: string): string {
  return `${base.replace(/\/+$/, '')}/tra-cuu/${encodeURIComponent(code)}`;
}
