// Where a dossier stands, for the citizen: status in plain words, dates in
// Vietnam time whatever the phone's zone, who holds it now, what to bring for
// a supplement, an apology letter's new date, and the e-result.

import type { OnestopApi } from '../shared/api/client.js';
import type { components } from '../shared/api/schema.js';
import { el, type Child } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { tc, type CitizenKey } from '../shared/i18n/i18n.js';
import { eResultForm } from './eResultForm.js';

export type PublicDossier = components['schemas']['PublicDossier'];

const fact = (id: string, label: string, value: Child): Child[] => [el('dt', {}, label), el('dd', { id }, value)];

export function dossierView(d: PublicDossier, api: OnestopApi): HTMLElement {
  const status = d.status.name;
  const held = d.heldBy.map((h) => h.name).join(', ');
  const facts: Child[] = [
    ...fact('cz-received', tc('dossier.receivedAt'), formatDateTime(d.receivedAt)),
    ...fact('cz-due', tc('dossier.dueAt'), d.dueAt ? formatDateTime(d.dueAt) : tc('dossier.noDueAt')),
    ...(d.resolvedAt ? fact('cz-resolved', tc('dossier.resolvedAt'), formatDateTime(d.resolvedAt)) : []),
    ...(d.returnedAt ? fact('cz-returned', tc('dossier.returnedAt'), formatDateTime(d.returnedAt)) : []),
    ...fact('cz-held', tc('dossier.heldBy'), held || tc('dossier.heldByNone')),
  ];
  return el('div', { class: 'cz-result', 'data-code': d.code },
    el('section', { class: 'cz-card', id: 'cz-dossier' },
      el('h1', {}, tc('dossier.heading', { code: d.code })),
      el('p', { class: 'cz-procedure' }, d.procedureName),
      el('p', { class: 'cz-status', id: 'cz-status', 'data-status': status }, tc(`status.${status}` as CitizenKey)),
      el('dl', { class: 'cz-facts' }, ...facts),
      el('p', { class: 'cz-note' }, tc('dossier.timeZone'))),
    d.supplement ? supplementSection(d.supplement) : null,
    d.apology ? apologySection(d.apology) : null,
    el('section', { class: 'cz-card cz-section', id: 'cz-eresult' },
      el('h2', {}, tc('eresult.heading')),
      d.eResultAvailable ? eResultForm(d.code, api) : el('p', {}, tc('eresult.notReady'))));
}

function supplementSection(s: NonNullable<PublicDossier['supplement']>): HTMLElement {
  return el('section', { class: 'cz-card cz-section cz-supplement', id: 'cz-supplement' },
    el('h2', {}, tc('supplement.heading')),
    el('ul', { id: 'cz-supplement-items' }, ...s.items.map((item) => el('li', {}, item))),
    el('p', {}, tc('supplement.reason', { reason: s.reason })),
    el('p', { id: 'cz-supplement-where' }, tc('supplement.where', { place: s.bringTo.name })),
    el('p', { id: 'cz-supplement-at', class: 'cz-note' }, tc('supplement.requestedAt', { at: formatDateTime(s.requestedAt) })));
}

function apologySection(a: NonNullable<PublicDossier['apology']>): HTMLElement {
  return el('section', { class: 'cz-card cz-section', id: 'cz-apology' },
    el('h2', {}, tc('apology.heading')),
    el('p', { id: 'cz-apology-due' }, tc('apology.newDueAt', { at: formatDateTime(a.newDueAt) })),
    a.previousDueAt ? el('p', {}, tc('apology.previousDueAt', { at: formatDateTime(a.previousDueAt) })) : null,
    el('p', {}, tc('apology.reason', { reason: a.reason })));
}
