// A dossier's data as "label: value" lines, titled by its forms.

import type { JsonSchema } from '../../shared/api/client.js';
import { el } from '../../shared/dom.js';
import { formatDate } from '../../shared/format.js';
import { tr } from '../../shared/i18n/i18n.js';

/** "Label: value" lines of a dossier's data, with the start form's titles. */
export function dataTable(data: Record<string, unknown>, schema: JsonSchema | null): HTMLElement {
  const properties = (schema?.properties ?? {}) as Record<string, { title?: string; oneOf?: Array<{ const: unknown; title?: string }> }>;
  const show = (key: string, value: unknown): string => {
    const options = properties[key]?.oneOf;
    const option = options?.find((o) => o.const === value);
    if (option?.title) return option.title;
    if (typeof value === 'boolean') return value ? '✓' : '✗';
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  };
  // In the form's order (the data went through jsonb, which sorts keys its own way).
  const order = Object.keys(properties);
  const keys = Object.keys(data).sort((a, b) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9));
  return el('dl', { class: 'ws-data' }, ...keys.flatMap((k) => [el('dt', {}, properties[k]?.title ?? k), el('dd', { 'data-key': k }, show(k, data[k]))]));
}

/** The applicant's fields, titled as the reception form titles them. */
export function applicantSchema(): JsonSchema {
  return {
    type: 'object',
    properties: {
      name: { title: tr('desk.applicantName') },
      idNumber: { title: tr('desk.applicantId') },
      phone: { title: tr('desk.applicantPhone') },
      email: { title: tr('desk.applicantEmail') },
    },
  };
}
