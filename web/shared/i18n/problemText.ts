// A refusal of the server in the reader's language. The server sends a stable
// `code` with its `params` (api/http/problem.ts); the sentence is ours
// (./problemsVi.ts, ./problemsEn.ts). Without a code the problem's `type`
// chooses a general sentence; the English `detail` is shown only to a reader
// of English, or when it is all there is and reads as Vietnamese.

import { formatDateTime, formatDate } from '../format.js';
import { currentLang, sharedText } from './i18n.js';

type Params = Record<string, string | number>;

/** What a client has of a refusal (ApiError of web/shared/api/client.ts, or anything alike). */
export interface ProblemLike {
  status?: number;
  message?: string;
  problem?: {
    type?: string;
    detail?: string;
    code?: string;
    params?: Record<string, string | number>;
    errors?: ReadonlyArray<FieldProblem>;
  } | null;
}

export interface FieldProblem {
  in?: string;
  path?: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Dates as the office writes them (Vietnam time); a status by its name. */
function readable(params: Params | undefined): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (typeof v === 'string' && ISO_INSTANT.test(v)) out[k] = formatDateTime(v);
    else if (typeof v === 'string' && ISO_DAY.test(v)) out[k] = formatDate(v);
    else out[k] = v;
  }
  if (typeof out.status === 'string') out.status = sharedText(`problem.status.${out.status}`) ?? out.status;
  return out;
}

/** Vietnamese text has letters with marks; an English detail has none. */
const looksVietnamese = (text: string) => /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i.test(text);

/** The last word of a problem type URI: `urn:onestop:problem:not-found` → `not-found`. */
const typeName = (type: string | undefined) => (type ?? '').split(/[:/]/).pop() ?? '';

/** The sentence for a refusal: from its code, else its type, else (in English, or Vietnamese detail) its detail. */
export function problemText(err: unknown): string {
  const e = (err ?? {}) as ProblemLike;
  const problem = e.problem ?? null;
  if (!problem) {
    if (e.status === 0) return sharedText('problem.unreachable') ?? String(e.message);
    const message = err instanceof Error ? err.message : String(err);
    return currentLang() === 'en' || looksVietnamese(message) ? message : (sharedText('problem.type.other') as string);
  }
  const params = readable(problem.params);
  if (problem.code) {
    const key = problem.code === 'process-stuck' && params.reported === 'no' ? 'problem.process-stuck.unreported' : `problem.${problem.code}`;
    const text = sharedText(key, params);
    if (text) return text;
  }
  const detail = problem.detail ?? e.message ?? '';
  if (currentLang() === 'en' && detail) return detail;
  if (looksVietnamese(detail)) return detail;
  return sharedText(`problem.type.${typeName(problem.type)}`, params) ?? (sharedText('problem.type.other') as string);
}

/** A field's name: the page's own label for its path, else the server's field name in words, else the name as sent. */
export function fieldName(path: string | undefined, label?: (path: string) => string | null | undefined): string {
  const p = path ?? '';
  const own = label?.(p);
  if (own) return own;
  const last = p.split('/').filter(Boolean).filter((s) => !/^\d+$/.test(s)).pop();
  if (!last) return sharedText('problem.field.form') as string;
  return sharedText(`problem.name.${last}`) ?? last;
}

/** One field's problem in people's words: "Số định danh cá nhân: cần nhập." */
export function fieldProblemText(item: FieldProblem, label?: (path: string) => string | null | undefined): string {
  const field = fieldName(item.path, label);
  const params = readable(item.params);
  const limit = params.limit;
  if (item.code === 'minLength' && Number(limit) === 1) return sharedText('problem.field.required', { field }) as string;
  if (item.code) {
    const own = sharedText(`problem.field.${item.code}`, { ...params, field }) ?? sharedText(`problem.${item.code}`, params);
    if (own) return own.startsWith(field) ? own : `${field}: ${lowerFirst(own)}`;
  }
  // A rule's own message written for people (the forms' Vietnamese messages) is shown as written.
  if (currentLang() === 'en' || looksVietnamese(item.message)) return `${field}: ${item.message}`;
  return sharedText('problem.field.other', { field }) as string;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Every field problem of a refusal, worded. */
export function fieldProblemsOf(err: unknown, label?: (path: string) => string | null | undefined): string[] {
  const items = ((err ?? {}) as ProblemLike).problem?.errors ?? [];
  return items.filter((i) => i.path !== undefined || i.code).map((i) => fieldProblemText(i, label));
}

/** Whether the refusal means the sign-in is gone (the page should lead to the sign-in). */
export function isSignInEnded(err: unknown): boolean {
  const e = (err ?? {}) as ProblemLike;
  return e.status === 401 || e.problem?.code === 'session-ended' || e.problem?.code === 'key-revoked';
}
