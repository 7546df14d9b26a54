// The e-result's download: the secret printed on the receipt, then the links
// to its papers (GET /api/public/dossiers/{code}/result?secret=…).

import { ApiError, type OnestopApi } from '../shared/api/client.js';
import { el, fill } from '../shared/dom.js';
import { tc } from '../shared/i18n/i18n.js';

export function eResultForm(code: string, api: OnestopApi): HTMLElement {
  const secret = el('input', { id: 'cz-secret', name: 'secret', autocomplete: 'off', spellcheck: 'false', maxlength: '40' });
  const out = el('div', { id: 'cz-eresult-out', role: 'status', 'aria-live': 'polite' });
  const form = el('form', { id: 'cz-eresult-form', novalidate: true },
    el('p', {}, tc('eresult.ready')),
    el('label', { for: 'cz-secret' }, tc('eresult.secret')),
    el('div', { class: 'cz-row' }, secret, el('button', { type: 'submit', id: 'cz-eresult-get' }, tc('eresult.download'))),
    out);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = secret.value.trim();
    if (!value) return;
    void api.publicResult(code, value).then((result) => {
      if (!result.documents.length) return void fill(out, el('p', {}, tc('eresult.none')));
      fill(out, el('p', {}, tc('eresult.papers')),
        el('ul', { class: 'cz-papers' }, ...result.documents.map((d) => el('li', {}, el('a', { href: d.contentUrl, target: '_blank', rel: 'noopener' }, d.name)))));
    }, (err: unknown) => {
      fill(out, el('p', { class: 'cz-message', 'data-kind': 'error' }, err instanceof ApiError && err.status === 403 ? tc('eresult.refused') : tc('lookup.failed')));
    });
  });
  return form;
}
