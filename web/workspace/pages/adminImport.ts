// /app/admin/import: people from a CSV file: a preview with the errors of
// each line first (dry run), then the import, all or nothing.

import { ApiError, type ImportReport } from '../../shared/api/client.js';
import { el, fill } from '../../shared/dom.js';
import { tr } from '../../shared/i18n/i18n.js';
import type { Page, PageContext } from '../pageContext.js';
import { table } from './adminShared.js';

export function adminImportPage(ctx: PageContext): Page {
  const file = el('input', { id: 'admin-import-file', type: 'file', accept: '.csv,text/csv' });
  const preview = el('button', { type: 'button', id: 'admin-import-preview' }, tr('admin.preview'));
  const run = el('button', { type: 'button', id: 'admin-import-run', class: 'ws-primary', disabled: true }, tr('admin.import'));
  const result = el('div', { id: 'admin-import-result', role: 'status' });
  let csv = '';

  const show = (report: ImportReport) => {
    const bad = report.lines.filter((l) => l.errors.length);
    fill(result,
      el('p', { id: 'admin-import-summary', 'data-people': report.people, 'data-errors': report.errorLines },
        report.imported ? tr('admin.imported', { people: report.people }) : tr('admin.previewSummary', { people: report.people, lines: report.lines.length, errors: report.errorLines })),
      bad.length ? table([tr('admin.line'), tr('admin.username'), tr('admin.errors')], bad.map((l) => [String(l.line), l.username, l.errors.map((e) => `${e.path.slice(1)}: ${e.message}`).join('; ')]), { id: 'admin-import-errors' }) : null);
    run.disabled = report.imported || report.errorLines > 0;
  };
  const failed = (err: unknown) => fill(result, el('p', { class: 'ws-error', role: 'alert' }, tr('common.error', { detail: err instanceof ApiError ? err.message : String(err) })));

  file.addEventListener('change', () => {
    run.disabled = true;
    fill(result);
  });
  preview.addEventListener('click', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    csv = await chosen.text();
    try {
      show(await ctx.api.importPeople(csv, true));
    } catch (err) {
      failed(err);
    }
  });
  run.addEventListener('click', async () => {
    run.disabled = true;
    try {
      show(await ctx.api.importPeople(csv, false));
    } catch (err) {
      failed(err);
    }
  });
  fill(ctx.root, el('section', { class: 'ws-card' },
    el('h1', {}, tr('nav.adminImport')),
    el('label', { for: 'admin-import-file' }, tr('admin.csvFile')), file,
    el('div', { class: 'ws-actions' }, preview, run),
    result));
  ctx.root.dataset.loaded = 'true';
  return {};
}
