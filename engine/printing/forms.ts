// The printable forms of Circular 03/2025 by number, and which apply to a
// dossier: a form is only printed for what happened in its history (no stop
// notice for a dossier never stopped).

import { form01Applies, renderForm01, FORM_01_TITLE } from './form01Receipt.js';
import { form02Applies, renderForm02, FORM_02_TITLE } from './form02SupplementRequest.js';
import { form03Applies, renderForm03, FORM_03_TITLE } from './form03Refusal.js';
import { form04Applies, renderForm04, FORM_04_TITLE } from './form04ApologyExtension.js';
import { form05Applies, renderForm05, FORM_05_TITLE } from './form05StopNotice.js';
import { form06Applies, renderForm06, FORM_06_TITLE } from './form06ControlSlip.js';
import type { FormOptions } from './formOptions.js';
import type { PrintableDossier } from './printableDossier.js';

export const FORM_NUMBERS = ['01', '02', '03', '04', '05', '06'] as const;
export type FormNumber = (typeof FORM_NUMBERS)[number];

interface FormDefinition {
  title: string;
  /** Why the form does not apply, for a 404's detail. */
  missing: string;
  applies(d: PrintableDossier): boolean;
  render(d: PrintableDossier, options: FormOptions): Promise<Buffer>;
}

export const FORMS: Readonly<Record<FormNumber, FormDefinition>> = {
  '01': { title: FORM_01_TITLE, missing: 'was not received (refused at reception, or filed and not yet checked), so it has no receipt', applies: form01Applies, render: renderForm01 },
  '02': { title: FORM_02_TITLE, missing: 'was never asked to supplement', applies: form02Applies, render: renderForm02 },
  '03': { title: FORM_03_TITLE, missing: 'was never refused', applies: form03Applies, render: renderForm03 },
  '04': { title: FORM_04_TITLE, missing: 'has no apology letter', applies: form04Applies, render: renderForm04 },
  '05': { title: FORM_05_TITLE, missing: 'was never stopped', applies: form05Applies, render: renderForm05 },
  '06': { title: FORM_06_TITLE, missing: 'was not received (refused at reception, or filed and not yet checked), so it has no control slip', applies: form06Applies, render: renderForm06 },
};

export function isFormNumber(x: unknown): x is FormNumber {
  return typeof x === 'string' && (FORM_NUMBERS as readonly string[]).includes(x);
}

/** The forms that apply to the dossier, with their titles (for the dossier page's download links). */
export function applicableForms(d: PrintableDossier): Array<{ number: FormNumber; title: string }> {
  return FORM_NUMBERS.filter((n) => FORMS[n].applies(d)).map((number) => ({ number, title: FORMS[number].title }));
}
