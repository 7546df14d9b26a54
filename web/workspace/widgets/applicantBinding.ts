// The applicant is typed once, in the reception's header: the start form's
// fields that ask for the same person (the requester's name, ID number,
// phone, e-mail) are filled from it and kept in step, with a hint saying
// where their value comes from; one the desk corrects by hand is left alone. A field is bound by its schema's
// `x-applicant` ("name" | "idNumber" | "phone" | "email") or, without one, by
// its key (requesterFullName, applicantIdNumber, declarantPhone, …).

import { el } from '../../shared/dom.js';
import { tr } from '../../shared/i18n/i18n.js';

export type ApplicantField = 'name' | 'idNumber' | 'phone' | 'email';

const WHO = '(?:requester|applicant|declarant|submitter|nguoiNop|nguoiDeNghi)';
const BY_KEY: Array<[ApplicantField, RegExp]> = [
  ['name', new RegExp(`^${WHO}(?:Full)?Name$`, 'i')],
  ['idNumber', new RegExp(`^${WHO}(?:IdNumber|Id|PersonalId|CitizenId)$`, 'i')],
  ['phone', new RegExp(`^${WHO}(?:Phone|PhoneNumber|Mobile)$`, 'i')],
  ['email', new RegExp(`^${WHO}Email$`, 'i')],
];

/** The start form's top-level fields that repeat the applicant: form key → applicant field. Pure. */
export function applicantFieldsOf(schema: Record<string, unknown> | null): Map<string, ApplicantField> {
  const out = new Map<string, ApplicantField>();
  const properties = (schema?.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, property] of Object.entries(properties)) {
    if (property?.type !== undefined && property.type !== 'string') continue;
    const declared = property?.['x-applicant'];
    if (declared === 'name' || declared === 'idNumber' || declared === 'phone' || declared === 'email') {
      out.set(key, declared);
      continue;
    }
    const match = BY_KEY.find(([, rx]) => rx.test(key));
    if (match) out.set(key, match[0]);
  }
  return out;
}

/**
 * Keeps the start form's applicant fields equal to the header's. `formId` and
 * `applicantId` are the id prefixes of the two SchemaForms (inputs are
 * `#<prefix>-<key>`). Returns `sync`, to call once more before validating.
 */
export function bindApplicant(form: HTMLElement, formId: string, applicant: HTMLElement, applicantId: string, bound: Map<string, ApplicantField>): () => void {
  const pairs = [...bound].map(([key, field]) => ({
    target: form.querySelector<HTMLInputElement>(`#${CSS.escape(`${formId}-${key}`)}`),
    source: applicant.querySelector<HTMLInputElement>(`#${CSS.escape(`${applicantId}-${field}`)}`),
  })).filter((p): p is { target: HTMLInputElement; source: HTMLInputElement } => !!p.target && !!p.source);
  // What each field was last given: a field holding something else was corrected by hand and keeps it.
  const given = new Map<HTMLInputElement, string>();
  for (const { target } of pairs) {
    given.set(target, target.value);
    target.classList.add('ws-bound');
    target.setAttribute('data-bound', 'applicant');
    target.closest('.ws-field')?.append(el('div', { class: 'ws-hint ws-bound-hint' }, tr('desk.fromApplicant')));
  }
  const sync = () => {
    for (const { target, source } of pairs) {
      if (target.value === source.value) continue;
      if (target.value !== given.get(target)) continue;
      target.value = source.value;
      given.set(target, source.value);
      // The form keeps its data in its own state: it hears the change as typing.
      target.dispatchEvent(new Event('input', { bubbles: true }));
    }
  };
  applicant.addEventListener('input', sync);
  sync();
  return sync;
}
