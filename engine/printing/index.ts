// Printable forms of Circular 03/2025 as PDF: pure, a dossier in, bytes out.
export { printableDossier, type PrintableDossier, type DossierReads, type HistoryRow, type ControlSlipLeg } from './printableDossier.js';
export { FORMS, FORM_NUMBERS, applicableForms, isFormNumber, type FormNumber } from './forms.js';
export type { FormOptions } from './formOptions.js';
