// The citizen page: the search box and the dossier found, at /tra-cuu and
// /tra-cuu/{code} (the link and QR code printed on the receipt). The code is
// the address, so the back button and a shared link work.

import { ApiError, OnestopApi } from '../shared/api/client.js';
import { $, el, fill } from '../shared/dom.js';
import { currentLang, setLang, tc } from '../shared/i18n/i18n.js';
import { dossierView } from './dossierView.js';

const BASE = '/tra-cuu';

/** The dossier code in /tra-cuu/{code}, or null on the search page. */
export function codeOfPath(pathname: string): string | null {
  if (!pathname.startsWith(`${BASE}/`)) return null;
  const code = decodeURIComponent(pathname.slice(BASE.length + 1)).trim();
  return code || null;
}

export class CitizenPage {
  private readonly api = new OnestopApi(() => null);
  private readonly main: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly message: HTMLElement;
  private readonly result: HTMLElement;

  constructor(private readonly doc: Document) {
    this.main = $('#cz-main', doc)!;
    this.input = el('input', { id: 'cz-code', name: 'code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', inputmode: 'text' });
    this.message = el('p', { id: 'cz-message', class: 'cz-message', role: 'status', 'aria-live': 'polite' });
    this.result = el('div', { id: 'cz-result' });
  }

  start(): void {
    const asked = new URLSearchParams(location.search).get('lang');
    setLang(asked === 'en' || asked === 'vi' ? asked : currentLang());
    $('#cz-lang', this.doc)!.addEventListener('click', () => {
      setLang(currentLang() === 'vi' ? 'en' : 'vi');
      void this.render();
    });
    window.addEventListener('popstate', () => void this.render());
    void this.render();
  }

  private chrome(): void {
    this.doc.title = tc('app.title');
    fill($('#cz-title', this.doc)!, tc('app.title'));
    fill($('#cz-subtitle', this.doc)!, tc('app.subtitle'));
    fill($('#cz-lang', this.doc)!, tc('lang.other'));
    this.input.placeholder = tc('search.placeholder');
    const form = el('form', { id: 'cz-search', class: 'cz-card cz-search', role: 'search', novalidate: true },
      el('label', { for: 'cz-code' }, tc('search.label')),
      el('p', { class: 'cz-hint', id: 'cz-hint' }, tc('search.hint')),
      el('div', { class: 'cz-row' }, this.input, el('button', { type: 'submit', id: 'cz-submit' }, tc('search.button'))),
      this.message);
    this.input.setAttribute('aria-describedby', 'cz-hint');
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const code = this.input.value.trim();
      if (!code) return void this.say(tc('search.empty'), 'error');
      history.pushState(null, '', `${BASE}/${encodeURIComponent(code)}`);
      void this.render();
    });
    fill(this.main, form, this.result);
  }

  private say(text: string, kind: 'info' | 'error' = 'info'): void {
    this.message.dataset.kind = kind;
    fill(this.message, text);
  }

  /** Draws the page for the address: the search box, and the dossier when the address names one. */
  private async render(): Promise<void> {
    this.chrome();
    const code = codeOfPath(location.pathname);
    fill(this.result);
    this.say('');
    if (!code) {
      this.main.dataset.loaded = 'true';
      return;
    }
    this.input.value = code;
    this.say(tc('lookup.loading'));
    this.main.dataset.loaded = 'false';
    try {
      const dossier = await this.api.publicDossier(code);
      this.say('');
      fill(this.result, dossierView(dossier, this.api));
    } catch (err) {
      this.say(lookupError(err, code), 'error');
    }
    this.main.dataset.loaded = 'true';
  }
}

function lookupError(err: unknown, code: string): string {
  if (!(err instanceof ApiError)) return tc('lookup.failed');
  if (err.status === 404 || err.status === 400) return tc('lookup.notFound', { code });
  if (err.status === 429) return tc('lookup.tooMany');
  if (err.status === 0) return tc('lookup.unreachable');
  return tc('lookup.failed');
}
