// What a page gets from the shell and what it gives back. Pages import this
// module, never the shell (web/workspace/shell/), so no page depends on the
// shell nor on another page.

import type { Department, Me, OnestopApi, ProcedureSummary } from '../shared/api/client.js';

export interface Page {
  /** Called every poll interval (and after an action); must keep what the user is typing. */
  refresh?(): Promise<void>;
  /** Called on language change: re-render the texts. */
  relabel?(): void;
  destroy?(): void;
}

export interface PageContext {
  api: OnestopApi;
  me: Me;
  root: HTMLElement;
  params: Record<string, string>;
  query: URLSearchParams;
  navigate(href: string, replace?: boolean): void;
  /** A message in the status line (role=status). */
  notify(message: string, kind?: 'ok' | 'error' | 'info'): void;
  departments(): Promise<Department[]>;
  departmentName(code: string | null): string;
  procedures(): Promise<ProcedureSummary[]>;
  /** The time the server last reported (every page measures against it). */
  setAsOf(iso: string): void;
  /** Refresh the page now (after an action). */
  refreshNow(): Promise<void>;
}

/** Makes a page from its context (the landing page also gets the session). */
export type PageFactory = (ctx: PageContext) => Promise<Page> | Page;

/** What the landing page may do with the session. */
export interface Session {
  readonly me: Me | null;
  signIn(token: string, user: string | null): Promise<Me>;
  signInWithPassword(username: string, password: string): Promise<Me>;
  changePassword(current: string, next: string): Promise<Me>;
}
