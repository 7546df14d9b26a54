// One i18n library for the whole front end: i18next, with one catalog per
// language (./vi.ts, the default, and ./en.ts) holding a namespace for each
// application and one for bpmn-js's own strings. The choice of language is
// one for the designer and the workspace, remembered in localStorage.
// Placeholders are written {name}, as bpmn-js writes its own.

import i18next from 'i18next';
import { en } from './en.js';
import { vi } from './vi.js';

export type Lang = 'vi' | 'en';
type SharedKey = keyof typeof vi.shared;
export type DesignerKey = keyof typeof vi.designer | SharedKey;
export type WorkspaceKey = keyof typeof vi.workspace | SharedKey;
export type CitizenKey = keyof typeof vi.citizen | SharedKey;
type Params = Record<string, string | number>;

const LANG_KEY = 'onestop.designer.lang';

function storedLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(LANG_KEY);
    if (stored === 'en' || stored === 'vi') return stored;
  } catch {
    // storage disabled: default
  }
  return 'vi';
}

const i18n = i18next.createInstance();
void i18n.init({
  lng: storedLang(),
  supportedLngs: ['vi', 'en'],
  // Each catalog is complete (./en.ts is typed on ./vi.ts's keys); bpmn-js's
  // templates are English already, so a missing one is shown as written.
  fallbackLng: false,
  resources: { vi, en } as unknown as Record<Lang, Record<string, Record<string, string>>>,
  ns: ['shared', 'designer', 'workspace', 'citizen', 'bpmn'],
  defaultNS: 'workspace',
  // What both applications say alike is said once, in `shared`.
  fallbackNS: 'shared',
  // Keys are flat ('toolbar.deploy', bpmn-js's 'Must not be empty.').
  keySeparator: false,
  nsSeparator: false,
  interpolation: {
    prefix: '{',
    suffix: '}',
    escapeValue: false, // texts go into text nodes, never into innerHTML
  },
  // A placeholder without a value stays visible rather than vanishing.
  missingInterpolationHandler: (_text: string, match: RegExpExecArray) => match[0],
  initAsync: false,
});

export const currentLang = (): Lang => (i18n.language === 'en' ? 'en' : 'vi');

export function setLang(next: Lang): void {
  void i18n.changeLanguage(next);
  try {
    globalThis.localStorage?.setItem(LANG_KEY, next);
  } catch {
    // not remembered, still applied
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/** The designer's words. */
export const t = i18n.getFixedT(null, 'designer') as (key: DesignerKey, params?: Params) => string;
/** The workspace's words. */
export const tr = i18n.getFixedT(null, 'workspace') as (key: WorkspaceKey, params?: Params) => string;
/** The citizen page's words. */
export const tc = i18n.getFixedT(null, 'citizen') as (key: CitizenKey, params?: Params) => string;

/** A shared text (e.g. a problem's sentence) in the current language, or null when the catalog has none. */
export function sharedText(key: string, params?: Params): string | null {
  return i18n.exists(key, { ns: 'shared' }) ? i18n.t(key, { ns: 'shared', ...params }) : null;
}

/** A history event's label, or its type when the workspace has no words for it. */
export function eventLabel(type: string, params: Params): string {
  const key = `event.${type}`;
  return i18n.exists(key, { ns: 'workspace' }) ? tr(key as WorkspaceKey, params) : type;
}

/** The `translate` service for bpmn-js (same contract as diagram-js' default one). */
export function bpmnTranslate(template: string, replacements?: Record<string, string>): string {
  return i18n.t(template, { ns: 'bpmn', fallbackNS: false, ...replacements });
}

/** bpmn-js module replacing diagram-js' translate service. */
export const translateModule = {
  translate: ['value', bpmnTranslate],
};
