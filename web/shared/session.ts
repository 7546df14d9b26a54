// The one sign-in of the web front end: the API key lives in this tab's
// sessionStorage under one name, read by the designer (/designer) and the
// workspace (/, /app/…) alike, so signing in on either signs in both (and
// signing out of either signs out of both). Nothing is kept after the tab closes.

export const TOKEN_KEY = 'onestop.designer.token';
/** The officer's own name for a department's shared key (sent as X-Onestop-User). */
export const USER_KEY = 'onestop.workspace.user';

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // storage disabled: kept in memory by the caller only
  }
}

export const storedToken = (): string | null => read(TOKEN_KEY);
export const storeToken = (token: string | null): void => write(TOKEN_KEY, token);
export const storedUser = (): string | null => read(USER_KEY);
export const storeUser = (name: string | null): void => write(USER_KEY, name && name.trim() ? name.trim() : null);

/** The CSRF token of a personal session (the session itself is an HttpOnly cookie no script reads). */
export const CSRF_KEY = 'onestop.session.csrf';
export const storedCsrf = (): string | null => read(CSRF_KEY);
export const storeCsrf = (token: string | null): void => write(CSRF_KEY, token);
