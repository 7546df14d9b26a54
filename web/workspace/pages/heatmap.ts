// /app/heatmap[/{code}]?version=: a procedure version's diagram with, on
// each step, the open tasks, the median working time taken and the breaches;
// the more breaches, the hotter the step. The same figures as a table.

import type { Heatmap, Procedure, StepHeat } from '../../shared/api/client.js';
import { el, fill } from '../../shared/dom.js';
import { row, table } from '../widgets/blocks.js';
import { formatWorkingHours } from '../../shared/format.js';
import { currentLang, tr } from '../../shared/i18n/i18n.js';
import { DiagramView } from '../widgets/diagram.js';
import { heatLevel } from '../figures.js';
import type { Page, PageContext } from '../pageContext.js';

export async function heatmapPage(ctx: PageContext): Promise<Page> {
  const root = ctx.root;
  const procedures = await ctx.procedures();
  const code = ctx.params.code ?? procedures[0]?.code;
  const procedure: Procedure | null = code ? await ctx.api.procedure(code) : null;
  const version = Number(ctx.query.get('version')) || procedure?.latestVersion || 1;

  const select = el('select', { id: 'ws-heat-procedure', onchange: (e: Event) => ctx.navigate(`/app/heatmap/${encodeURIComponent((e.target as HTMLSelectElement).value)}`) },
    ...procedures.map((p) => el('option', { value: p.code, selected: p.code === code }, `${p.code} – ${p.name}`)));
  const versions = el('select', { id: 'ws-heat-version', onchange: (e: Event) => ctx.navigate(`/app/heatmap/${encodeURIComponent(code!)}?version=${(e.target as HTMLSelectElement).value}`) },
    ...(procedure?.versions ?? []).map((v) => el('option', { value: v.version, selected: v.version === version }, `v${v.version}`)));
  const canvas = el('div', { class: 'ws-canvas ws-canvas-tall', id: 'ws-heat-diagram' });
  const info = el('p', { id: 'ws-heat-info', class: 'ws-muted' });
  const tableBox = el('div', { class: 'ws-scroll', id: 'ws-heat-table' });
  const legend = el('div', { class: 'ws-legend ws-heat-legend' });
  fill(root, el('section', { class: 'ws-card' },
    el('div', { class: 'ws-card-head' }, el('h1', {}, tr('heat.title')),
      el('div', { class: 'ws-inline' }, el('label', { for: 'ws-heat-procedure' }, tr('heat.procedure')), select, el('label', { for: 'ws-heat-version' }, tr('heat.version')), versions)),
    info, legend, canvas, tableBox));
  if (!code) return {};

  const diagram = new DiagramView(canvas);
  await diagram.show(await ctx.api.bpmnXml(code, version));
  let heat: Heatmap | null = null;

  const median = (s: StepHeat) => (s.medianWorkingMs === null ? tr('heat.none') : formatWorkingHours(s.medianWorkingMs, currentLang()));

  let shown = '';
  let fitted = false;
  const render = (force = false) => {
    if (!heat) return;
    // Redrawn only when a figure changed (or the language did).
    const key = JSON.stringify([currentLang(), heat.dossiers, heat.steps]);
    if (key === shown && !force) return;
    shown = key;
    const max = Math.max(0, ...heat.steps.map((s) => s.breaches + s.lateOpenTasks));
    const marks: Record<string, string[]> = {};
    const badges: Record<string, HTMLElement> = {};
    for (const s of heat.steps) {
      const level = heatLevel(s, max);
      marks[s.elementId] = [`ws-heat-${level}`];
      badges[s.elementId] = el('div', { class: `ws-heat-badge ws-heat-badge-${level}`, 'data-element': s.elementId, 'data-open': s.openTasks, 'data-breaches': s.breaches },
        el('span', {}, `${tr('heat.open')}: `, el('strong', {}, String(s.openTasks))),
        el('span', { title: tr('heat.median') }, `${tr('heat.medianShort')}: `, el('strong', {}, median(s))),
        el('span', {}, `${tr('heat.breaches')}: `, el('strong', {}, String(s.breaches))));
    }
    diagram.mark(marks);
    diagram.badges(badges, { bottom: 4, left: -10 });
    // The figures hang below each step: the first time, room is kept for those of the lowest one.
    if (!fitted) {
      fitted = true;
      diagram.fit(70);
    }
    fill(info, `${heat.name} (${heat.code} v${heat.version}) – ${tr('heat.dossiers', { count: heat.dossiers })}`);
    fill(legend, tr('heat.legend'), ' ', ...[0, 1, 2, 3, 4].map((l) => el('span', { class: `ws-heat-swatch ws-heat-${l}` })));
    fill(tableBox, table(
      [tr('heat.step'), tr('heat.department'), tr('heat.open'), tr('heat.completed'), tr('heat.median'), tr('heat.breaches')],
      heat.steps.map((s) => row([
        s.name, s.departmentName ?? s.department,
        `${s.openTasks}${s.lateOpenTasks ? ` (${s.lateOpenTasks} ${tr('heat.lateOpen')})` : ''}`,
        String(s.completedTasks), median(s), `${s.breaches}${s.openBreaches ? ` (${s.openBreaches} ${tr('heat.open').toLowerCase()})` : ''}`,
      ], { 'data-element': s.elementId })),
      { id: 'ws-heat-steps' }));
  };

  const load = async () => {
    heat = await ctx.api.heatmap(code, version);
    ctx.setAsOf(heat.asOf);
    render();
    root.dataset.loaded = 'true';
  };
  await load();
  return { refresh: load, relabel: () => render(true), destroy: () => diagram.destroy() };
}
