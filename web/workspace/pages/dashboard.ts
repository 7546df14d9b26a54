// /app/dashboard: what a supervisor needs at a glance, refreshed by polling.
// Open breaches by department and procedure (oldest first); dossiers late
// within one working day without an apology letter; the on-time rate per
// department and per procedure for the period (Chart.js); the progress score
// of the service index with its formula's parts; form 06 for the period, as
// a table, a CSV download and a print; Biểu II.06a as a workbook; the service
// index groups (Decision 766) as the national portal scores them, each with
// its formula and the dossiers behind it. Every number opens the dossiers
// behind it (/app/dossiers?source=…).

import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartEvent, type ActiveElement } from 'chart.js';
import { FORM06_COLUMNS, type AtRisk, type Form06Column, type Form06Report, type Form06Row, type IndexGroup, type OpenBreaches, type ServiceIndex } from '../../shared/api/client.js';
import { el, fill, saveBlob, update } from '../../shared/dom.js';
import { chip, link, row, table } from '../widgets/blocks.js';
import { fileNameOf, formatDate, formatDateTime, formatNumber, formatPercent, formatTimeLeft, parseVnDate } from '../../shared/format.js';
import { currentLang, tr, type WorkspaceKey } from '../../shared/i18n/i18n.js';
import { printElement } from '../widgets/print.js';
import { onTimeRate, PROGRESS_POINTS } from '../figures.js';
import type { Page, PageContext } from '../pageContext.js';
import { digitisationFigures } from '../widgets/documents.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Groups of open breaches shown at once. */
const BREACH_GROUP_PAGE = 100;
const GROUPS: Array<{ title: WorkspaceKey; columns: Form06Column[] }> = [
  { title: 'f06.received', columns: ['receivedTotal', 'receivedOnline', 'receivedDirect', 'receivedPost', 'carriedOver'] },
  { title: 'f06.resolved', columns: ['resolvedTotal', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'lateWithApology', 'lateWithoutApology'] },
  { title: 'f06.pending', columns: ['pendingTotal', 'pendingWithinDeadline', 'pendingOverdue'] },
  { title: 'f06.other', columns: ['withdrawn', 'awaitingSupplement'] },
];

export async function dashboardPage(ctx: PageContext): Promise<Page> {
  const root = ctx.root;
  await ctx.departments();
  let from = ctx.query.get('from') ?? '';
  let to = ctx.query.get('to') ?? '';
  let groupBy: 'procedure' | 'department' = ctx.query.get('groupBy') === 'department' ? 'department' : 'procedure';

  const dateInput = (id: string) => el('input', { type: 'text', id, inputmode: 'numeric', placeholder: 'dd/mm/yyyy', size: 10 });
  const fromInput = dateInput('ws-from');
  const toInput = dateInput('ws-to');
  const periodForm = el('form', { class: 'ws-inline-form', id: 'ws-period' },
    el('strong', {}, tr('dash.period')),
    el('label', { for: 'ws-from' }, tr('dash.from')), fromInput,
    el('label', { for: 'ws-to' }, tr('dash.to')), toInput,
    el('button', { type: 'submit' }, tr('dash.apply')));
  const periodError = el('div', { class: 'ws-form-error', id: 'ws-period-error', role: 'alert', hidden: true });
  const tiles = el('div', { class: 'ws-tiles', id: 'ws-tiles' });
  const breaches = el('section', { class: 'ws-card', id: 'ws-breaches' });
  const atRisk = el('section', { class: 'ws-card', id: 'ws-atrisk' });
  const departmentCanvas = el('canvas', { id: 'ws-chart-department', role: 'img' });
  const procedureCanvas = el('canvas', { id: 'ws-chart-procedure', role: 'img' });
  const departmentRates = el('div', { class: 'ws-rates', id: 'ws-rates-department' });
  const procedureRates = el('div', { class: 'ws-rates', id: 'ws-rates-procedure' });
  const charts = el('section', { class: 'ws-card', id: 'ws-charts' },
    el('h2', {}, tr('dash.onTimeRate')), el('p', { class: 'ws-hint' }, tr('dash.chartHint')),
    el('div', { class: 'ws-chart-grid' },
      el('figure', {}, el('figcaption', {}, tr('dash.byDepartment')), el('div', { class: 'ws-chart-box' }, departmentCanvas), departmentRates),
      el('figure', {}, el('figcaption', {}, tr('dash.byProcedure')), el('div', { class: 'ws-chart-box' }, procedureCanvas), procedureRates)));
  const progress = el('section', { class: 'ws-card', id: 'ws-progress' });
  const form06 = el('section', { class: 'ws-card', id: 'ws-form06' });
  const serviceIndex = el('section', { class: 'ws-card', id: 'ws-service-index' });
  const heatLinks = el('section', { class: 'ws-card', id: 'ws-heat-links' });
  // The digitisation group of the service index (issue 12): papers digitised at reception, e-results.
  const digitisation = el('section', { class: 'ws-card', id: 'ws-digitisation' });
  fill(root, el('div', { class: 'ws-dashboard' },
    el('div', { class: 'ws-card-head' }, el('h1', {}, tr('dash.title')), periodForm),
    periodError,
    tiles,
    el('div', { class: 'ws-columns ws-columns-even' }, breaches, atRisk),
    charts,
    el('div', { class: 'ws-columns ws-columns-even' }, progress, heatLinks),
    serviceIndex,
    digitisation,
    form06));

  periodForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = parseVnDate(fromInput.value);
    const t = parseVnDate(toInput.value);
    fromInput.setAttribute('aria-invalid', String(!f));
    toInput.setAttribute('aria-invalid', String(!t));
    if (!f || !t) return;
    if (f > t) {
      // A reversed period: said next to it, the figures of the old one cleared, and nothing asked again until it is corrected.
      badPeriod(tr('dash.periodReversed'));
      fromInput.setAttribute('aria-invalid', 'true');
      return;
    }
    periodBad = false;
    periodError.hidden = true;
    from = f;
    to = t;
    history.replaceState(null, '', `/app/dashboard?from=${from}&to=${to}&groupBy=${groupBy}`);
    void ctx.refreshNow();
  });

  // The open breaches' groups a page at a time (a province has thousands: one per department and procedure).
  let groupOffset = 0;
  const goGroups = (offset: number) => {
    groupOffset = Math.max(0, offset);
    void ctx.refreshNow();
  };
  const groupPager = (b: OpenBreaches) => {
    const pages = Math.ceil(b.groupsTotal / BREACH_GROUP_PAGE);
    if (pages <= 1) return null;
    const page = Math.floor(groupOffset / BREACH_GROUP_PAGE) + 1;
    return el('nav', { class: 'ws-pager', id: 'ws-breach-pager', 'aria-label': tr('dash.openBreaches') },
      el('button', { type: 'button', id: 'ws-breach-prev', disabled: page <= 1, onclick: () => goGroups(groupOffset - BREACH_GROUP_PAGE) }, tr('list.prev')),
      el('span', { id: 'ws-breach-page' }, tr('list.pageOf', { page, pages })),
      el('button', { type: 'button', id: 'ws-breach-next', disabled: page >= pages, onclick: () => goGroups(groupOffset + BREACH_GROUP_PAGE) }, tr('list.next')));
  };

  let data: { breaches: OpenBreaches; atRisk: AtRisk; byProcedure: Form06Report; byDepartment: Form06Report; index: ServiceIndex } | null = null;
  const memberHref = (report: Form06Report, key: string, column: Form06Column) =>
    `/app/dossiers?source=form06&groupBy=${report.groupBy}&key=${encodeURIComponent(key)}&column=${column}&from=${report.from}&to=${report.to}`;

  const makeChart = (canvas: HTMLCanvasElement, which: () => Form06Report | undefined) => new Chart(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [
      { label: tr('dash.chartOnTime'), data: [], backgroundColor: '#2e7d32', stack: 'rate' },
      { label: tr('dash.chartLate'), data: [], backgroundColor: '#c62828', stack: 'rate' },
    ] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: 'y',
      scales: {
        x: { stacked: true, min: 0, max: 100, ticks: { callback: (v) => `${v}%` } },
        y: { stacked: true, ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item) => {
              const report = which();
              const r = report?.rows.filter((x) => x.resolvedTotal > 0)[item.dataIndex];
              if (!r) return '';
              const n = item.datasetIndex === 0 ? r.resolvedEarly + r.resolvedOnTime : r.resolvedLate;
              return `${item.dataset.label}: ${n}/${r.resolvedTotal} (${formatNumber(Number(item.raw), currentLang())}%)`;
            },
          },
        },
      },
      onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
        const report = which();
        const hit = elements[0];
        const r = report?.rows.filter((x) => x.resolvedTotal > 0)[hit?.index ?? -1];
        if (report && r && hit) ctx.navigate(memberHref(report, r.key, hit.datasetIndex === 0 ? 'resolvedTotal' : 'resolvedLate'));
      },
    },
  });
  const departmentChart = makeChart(departmentCanvas, () => data?.byDepartment);
  const procedureChart = makeChart(procedureCanvas, () => data?.byProcedure);

  const rowName = (report: Form06Report, r: Form06Row) => (report.groupBy === 'department' ? ctx.departmentName(r.key) : r.name);

  const updateChart = (chart: Chart, report: Form06Report, box: HTMLElement) => {
    const rows = report.rows.filter((r) => r.resolvedTotal > 0);
    const key = JSON.stringify([currentLang(), rows.map((r) => [r.key, r.resolvedEarly, r.resolvedOnTime, r.resolvedLate, r.resolvedTotal]), report.from, report.to]);
    if (chart.canvas.dataset.key === key) return;
    chart.canvas.dataset.key = key;
    // Bars named as people know them (the department's name, not its code).
    chart.data.labels = rows.map((r) => rowName(report, r));
    chart.data.datasets[0].data = rows.map((r) => Math.round(((r.resolvedEarly + r.resolvedOnTime) / r.resolvedTotal) * 1000) / 10);
    chart.data.datasets[1].data = rows.map((r) => Math.round((r.resolvedLate / r.resolvedTotal) * 1000) / 10);
    chart.data.datasets[0].label = tr('dash.chartOnTime');
    chart.data.datasets[1].label = tr('dash.chartLate');
    (chart.canvas.parentElement as HTMLElement).style.height = `${Math.max(120, 60 + rows.length * 34)}px`;
    chart.update('none');
    chart.canvas.setAttribute('aria-label', rows.map((r) => `${rowName(report, r)}: ${formatPercent(onTimeRate(r), currentLang())}`).join('; '));
    chart.canvas.dataset.labels = JSON.stringify(rows.map((r) => r.key));
    chart.canvas.dataset.names = JSON.stringify(chart.data.labels);
    chart.canvas.dataset.onTime = JSON.stringify(chart.data.datasets[0].data);
    update(box, rows.length ? el('ul', {}, ...rows.map((r) => el('li', { 'data-key': r.key },
      el('strong', {}, `${r.key}`), ` ${rowName(report, r)}: `,
      link(memberHref(report, r.key, 'resolvedTotal'), String(r.resolvedTotal)), ' / ',
      link(memberHref(report, r.key, 'resolvedLate'), `${tr('dash.chartLate').toLowerCase()} ${r.resolvedLate}`), ' – ',
      el('span', { 'data-rate': r.key }, formatPercent(onTimeRate(r), currentLang())))))
      : el('p', { class: 'ws-muted' }, tr('common.none')));
  };

  const render = () => {
    if (!data) return;
    const { breaches: b, atRisk: a, byProcedure, byDepartment, index } = data;
    const lang = currentLang();
    const total = byProcedure.total;
    if (document.activeElement !== fromInput) fromInput.value = formatDate(byProcedure.from);
    if (document.activeElement !== toInput) toInput.value = formatDate(byProcedure.to);

    // Tiles.
    const score = total.progressRatio === null ? null : total.progressRatio * PROGRESS_POINTS;
    update(tiles,
      el('a', { class: 'ws-tile', href: '/app/dossiers?source=breaches', 'data-link': '' }, el('span', { class: 'ws-tile-number', id: 'ws-tile-breaches' }, String(b.total)), el('span', {}, tr('dash.openBreaches'))),
      el('a', { class: 'ws-tile', href: '/app/dossiers?source=atRisk', 'data-link': '' }, el('span', { class: 'ws-tile-number', id: 'ws-tile-atrisk' }, String(a.items.length)), el('span', {}, tr('dash.atRisk'))),
      el('a', { class: 'ws-tile', href: '#ws-progress' }, el('span', { class: 'ws-tile-number', id: 'ws-tile-score' }, score === null ? '—' : formatNumber(score, lang, 2)), el('span', {}, tr('dash.progressScore'))));

    // Open breaches.
    update(breaches, el('h2', {}, tr('dash.openBreaches')), el('p', { class: 'ws-hint' }, tr('dash.openBreachesHint')),
      b.groups.length ? el('div', { class: 'ws-scroll' }, table(
        [tr('dash.department'), tr('dash.procedure'), tr('dash.count'), tr('dash.dossiers'), tr('dash.oldestDue'), tr('dash.overdue')],
        b.groups.map((g) => {
          const href = `/app/dossiers?source=breaches&procedureCode=${encodeURIComponent(g.procedureCode)}${g.department ? `&department=${g.department}` : '&dossierLevel=true'}`;
          return row([
            g.department ? ctx.departmentName(g.department) : tr('dash.promisedDate'),
            g.procedureName,
            link(href, String(g.count)),
            link(href, String(g.dossiers)),
            formatDateTime(g.oldestDueAt),
            chip(formatTimeLeft(-(g.overdueWorkingMs ?? 0), lang, true), 'late'),
          ], { 'data-department': g.department ?? '', 'data-procedure': g.procedureCode });
        }),
        { id: 'ws-breach-groups' })) : el('p', { class: 'ws-muted', id: 'ws-no-breaches' }, tr('dash.noBreaches')),
      groupPager(b));

    // At risk.
    update(atRisk, el('h2', {}, tr('dash.atRisk')),
      a.items.length ? el('div', { class: 'ws-scroll' }, table(
        [tr('list.code'), tr('list.procedure'), tr('list.promised'), tr('inbox.left'), tr('dash.department')],
        a.items.map((d) => row([
          link(`/app/dossiers/${encodeURIComponent(d.code)}`, d.code), d.procedureName, formatDateTime(d.dueAt),
          chip(formatTimeLeft(d.workingMsLeft, lang), 'soon'), d.heldBy.map((h) => h.name).join('; ') || '—',
        ], { 'data-dossier': d.code })),
        { id: 'ws-atrisk-table' })) : el('p', { class: 'ws-muted' }, tr('dash.noAtRisk')));

    // Charts.
    updateChart(departmentChart, byDepartment, departmentRates);
    updateChart(procedureChart, byProcedure, procedureRates);

    // Progress score.
    const part = (column: Form06Column, value: number, label: WorkspaceKey) => el('span', { class: 'ws-part' },
      link(memberHref(byProcedure, 'TOTAL', column), el('span', { 'data-part': column }, String(value))), ' ', el('small', {}, tr(label)));
    update(progress, el('h2', {}, tr('dash.progress')),
      el('p', { class: 'ws-hint' }, tr('dash.progressFormula')),
      total.progressRatio === null ? el('p', { class: 'ws-muted' }, tr('dash.progressNone')) : el('div', { class: 'ws-formula' },
        el('div', {}, part('resolvedEarly', total.resolvedEarly, 'dash.partEarly'), ' + ', part('resolvedOnTime', total.resolvedOnTime, 'dash.partOnTime'), ' + ', part('pendingWithinDeadline', total.pendingWithinDeadline, 'dash.partWithin')),
        el('div', { class: 'ws-formula-bar' }),
        el('div', {}, part('resolvedTotal', total.resolvedTotal, 'dash.partResolved'), ' + ', part('pendingTotal', total.pendingTotal, 'dash.partPending')),
        el('div', { class: 'ws-formula-result' }, '= ', el('strong', { id: 'ws-progress-ratio' }, formatPercent(total.progressRatio, lang)),
          ' → ', el('strong', { id: 'ws-progress-score' }, tr('dash.points', { score: formatNumber(score!, lang, 2) })))),
      el('p', { class: 'ws-muted' }, tr('dash.asOf', { time: formatDateTime(byProcedure.asOf) })));

    // Form 06.
    const report = groupBy === 'department' ? byDepartment : byProcedure;
    const cell = (r: Form06Row, column: Form06Column) => el('td', { 'data-column': column, class: 'ws-num' },
      r[column] ? link(memberHref(report, r.key, column), String(r[column])) : '0');
    const bodyRow = (r: Form06Row, isTotal = false) => el('tr', { 'data-key': r.key, class: isTotal ? 'ws-total' : '' },
      el('th', { scope: 'row' }, isTotal ? '' : r.key), el('td', {}, isTotal ? tr('f06.total') : rowName(report, r)),
      ...FORM06_COLUMNS.map((c) => cell(r, c)),
      el('td', { 'data-column': 'progressRatio', class: 'ws-num' }, formatPercent(r.progressRatio, lang)));
    const groupSelect = el('select', { id: 'ws-groupby' },
      el('option', { value: 'procedure', selected: groupBy === 'procedure' }, tr('dash.groupProcedure')),
      el('option', { value: 'department', selected: groupBy === 'department' }, tr('dash.groupDepartment')));
    groupSelect.addEventListener('change', () => {
      groupBy = groupSelect.value as typeof groupBy;
      history.replaceState(null, '', `/app/dashboard?from=${report.from}&to=${report.to}&groupBy=${groupBy}`);
      render();
    });
    const csv = el('button', { type: 'button', id: 'ws-csv' }, tr('dash.csv'));
    const decimalComma = el('input', { type: 'checkbox', id: 'ws-csv-comma', checked: csvComma, onchange: (e: Event) => { csvComma = (e.target as HTMLInputElement).checked; } });
    csv.addEventListener('click', async () => {
      csv.disabled = true;
      try {
        // Headed in the reader's language; numbers with the decimal mark the person chose (a comma for a Vietnamese spreadsheet).
        const file = await ctx.api.form06Csv({
          from: report.from, to: report.to, groupBy: report.groupBy,
          headings: currentLang() === 'vi' ? 'vi' : 'code', decimal: decimalComma.checked ? 'comma' : 'point',
        });
        saveBlob(file.blob, fileNameOf(file.disposition, `form06-${report.groupBy}-${report.from}-${report.to}.csv`));
      } catch (err) {
        ctx.notify(tr('common.error', { detail: (err as Error).message }), 'error');
      } finally {
        csv.disabled = false;
      }
    });
    const print = el('button', { type: 'button', id: 'ws-print-form06', onclick: () => printElement(form06) }, tr('dash.print'));
    const xlsx = el('button', { type: 'button', id: 'ws-xlsx' }, tr('dash.xlsx'));
    xlsx.addEventListener('click', async () => {
      xlsx.disabled = true;
      try {
        const file = await ctx.api.ii06aXlsx({ from: report.from, to: report.to, groupBy: 'procedure' });
        saveBlob(file.blob, fileNameOf(file.disposition, `bieu-ii06a-procedure-${report.from}-${report.to}.xlsx`));
      } catch (err) {
        ctx.notify(tr('common.error', { detail: (err as Error).message }), 'error');
      } finally {
        xlsx.disabled = false;
      }
    });
    update(form06,
      el('div', { class: 'ws-card-head ws-no-print' }, el('h2', {}, tr('dash.form06')),
        el('div', { class: 'ws-inline' }, el('label', { for: 'ws-groupby' }, tr('dash.groupBy')), groupSelect, csv,
          el('span', { class: 'ws-inline' }, decimalComma, el('label', { for: 'ws-csv-comma' }, tr('dash.csvComma'))), xlsx, print)),
      el('div', { class: 'ws-print-only ws-print-title' }, el('strong', {}, tr('f06.printTitle')), el('div', {}, tr('f06.printPeriod', { from: formatDate(report.from), to: formatDate(report.to) }))),
      el('div', { class: 'ws-scroll' }, el('table', { class: 'ws-table ws-form06-table', id: 'ws-form06-table', 'data-group-by': report.groupBy },
        el('thead', {},
          el('tr', {},
            el('th', { rowspan: 2, scope: 'col' }, tr('f06.key')), el('th', { rowspan: 2, scope: 'col' }, tr('f06.name')),
            ...GROUPS.map((g) => el('th', { colspan: g.columns.length, scope: 'colgroup' }, tr(g.title))),
            el('th', { rowspan: 2, scope: 'col' }, tr('f06.progressRatio'))),
          el('tr', {}, ...GROUPS.flatMap((g) => g.columns.map((c) => el('th', { scope: 'col' }, tr(`f06.${c}` as WorkspaceKey)))))),
        el('tbody', {}, ...report.rows.map((r) => bodyRow(r))),
        el('tfoot', {}, bodyRow(report.total, true)))));

    // Service index groups: formula, score, and the dossiers behind each figure.
    const dossierLinks = (codes: string[]) => codes.length
      ? el('span', {}, ...codes.slice(0, 30).flatMap((c, i) => [i ? ', ' : '', link(`/app/dossiers/${encodeURIComponent(c)}`, c)]), codes.length > 30 ? ` … (+${codes.length - 30})` : '')
      : el('span', { class: 'ws-muted' }, tr('common.none'));
    const indexGroup = (id: string, title: WorkspaceKey, g: IndexGroup) => el('div', { class: 'ws-index-group', 'data-group': id },
      el('h3', {}, tr(title), ': ', el('strong', { 'data-score': id }, g.score === null ? tr('dash.indexNoInputs') : formatNumber(g.score, lang, 2)),
        g.denominator ? ` (${g.numerator}/${g.denominator})` : ''),
      el('p', { class: 'ws-hint' }, g.formula),
      g.note ? el('p', { class: 'ws-muted' }, g.note) : '',
      g.denominator ? el('details', {}, el('summary', {}, `${tr('dash.indexCounted')}: ${g.numerator} · ${tr('dash.indexNotCounted')}: ${g.denominator - g.numerator}`),
        el('p', {}, el('strong', {}, `${tr('dash.indexCounted')}: `), dossierLinks(g.counted)),
        el('p', {}, el('strong', {}, `${tr('dash.indexNotCounted')}: `), dossierLinks(g.notCounted))) : '');
    update(serviceIndex, el('h2', {}, tr('dash.index')), el('p', { class: 'ws-hint' }, tr('dash.indexHint')),
      indexGroup('progress', 'dash.indexProgress', index.progress),
      indexGroup('online', 'dash.indexOnline', index.online),
      indexGroup('onlinePayment', 'dash.indexPayment', index.onlinePayment),
      indexGroup('digitisation', 'dash.indexDigitisation', index.digitisation));

    // Heat maps.
    void ctx.procedures().then((list) => update(heatLinks, el('h2', {}, tr('dash.heatmaps')),
      el('ul', {}, ...list.map((p) => el('li', {}, link(`/app/heatmap/${encodeURIComponent(p.code)}`, `${p.code} – ${p.name}`))))));
  };

  let periodBad = false;
  // The CSV's decimal mark: a comma by default in Vietnamese (what a spreadsheet set to Vietnamese reads).
  let csvComma = currentLang() === 'vi';
  const badPeriod = (message: string) => {
    periodBad = true;
    data = null;
    periodError.hidden = false;
    fill(periodError, message);
    for (const box of [tiles, breaches, atRisk, progress, form06, serviceIndex, digitisation, departmentRates, procedureRates]) fill(box);
    departmentChart.data.labels = [];
    departmentChart.data.datasets.forEach((d) => (d.data = []));
    departmentChart.update();
    procedureChart.data.labels = [];
    procedureChart.data.datasets.forEach((d) => (d.data = []));
    procedureChart.update();
    root.dataset.loaded = 'true';
  };

  const load = async () => {
    if (periodBad) return;
    const period = { from: from || undefined, to: to || undefined };
    let answers;
    try {
      answers = await Promise.all([
        // The dashboard shows the groups, not the breaches themselves (the list page does): one item is enough.
        ctx.api.openBreaches({ limit: 1, groupLimit: BREACH_GROUP_PAGE, groupOffset }), ctx.api.atRisk(),
        ctx.api.form06({ ...period, groupBy: 'procedure' }), ctx.api.form06({ ...period, groupBy: 'department' }),
        ctx.api.serviceIndex(period),
      ]);
    } catch (err) {
      if ((err as { problem?: { code?: string } }).problem?.code !== 'period-reversed') throw err;
      return badPeriod((err as Error).message);
    }
    const [b, a, byProcedure, byDepartment, index] = answers;
    // Breaches closed since the page was chosen: back to the first page of groups.
    if (groupOffset > 0 && b.groups.length === 0) return goGroups(0);
    periodError.hidden = true;
    data = { breaches: b, atRisk: a, byProcedure, byDepartment, index };
    ctx.setAsOf(b.asOf);
    render();
    await digitisationFigures(digitisation, { from: from || undefined, to: to || undefined }).catch(() => {});
    root.dataset.loaded = 'true';
  };

  await load();
  return {
    refresh: load,
    relabel: () => void ctx.navigate(location.pathname + location.search, true),
    destroy: () => {
      departmentChart.destroy();
      procedureChart.destroy();
    },
  };
}
