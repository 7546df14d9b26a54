// /app/tasks: claims are personal. "My tasks" are the steps claimed in the
// person's own name; "my department's tasks" are every open or claimed step
// of the department, where a lead hands a step to a colleague (by username).

import { ApiError, type Task } from '../../shared/api/client.js';
import { el, fill } from '../../shared/dom.js';
import { formatDateTime } from '../../shared/format.js';
import { tr } from '../../shared/i18n/i18n.js';
import type { Page, PageContext } from '../pageContext.js';
import { table } from './adminShared.js';

export async function teamTasksPage(ctx: PageContext): Promise<Page> {
  const leadOf = new Set(ctx.me.leadOf ?? []);
  const department = ctx.query.get('department') ?? ctx.me.department ?? undefined;
  const status = el('div', { id: 'ws-tasks-status', role: 'status' });
  const mineBox = el('div', { id: 'ws-my-tasks' });
  const teamBox = el('div', { id: 'ws-team-tasks' });

  const assign = async (t: Task, username: string) => {
    try {
      await ctx.api.assignTask(t.id, username);
      fill(status, tr('admin.saved'));
      await refresh();
    } catch (err) {
      fill(status, tr('common.error', { detail: err instanceof ApiError ? err.message : String(err) }));
    }
  };
  const taskCells = (t: Task) => [
    el('a', { href: `/app/dossiers/${encodeURIComponent(t.dossierCode)}`, 'data-link': '' }, t.dossierCode),
    t.name, t.department, t.dueAt ? formatDateTime(t.dueAt) : '', el('span', { 'data-assignee': t.assignee ?? '' }, t.assignee ?? '—'),
  ];
  const assignCell = (t: Task) => {
    if (!leadOf.has(t.department)) return '';
    const who = el('input', { 'data-assign-to': t.id, placeholder: tr('admin.username'), size: 14 });
    return el('span', { class: 'ws-actions' }, who, el('button', { type: 'button', 'data-assign': t.id, onclick: () => void assign(t, who.value.trim()) }, tr('tasks.assign')));
  };
  const headers = [tr('tasks.dossier'), tr('tasks.step'), tr('admin.department'), tr('tasks.due'), tr('tasks.assignee')];

  async function refresh(): Promise<void> {
    const [mine, team] = await Promise.all([
      ctx.api.tasks({ assignee: ctx.me.actor, limit: 500 }),
      department ? ctx.api.tasks({ department, limit: 500 }) : Promise.resolve(null),
    ]);
    fill(mineBox, table(headers, mine.items.map(taskCells), { id: 'ws-my-tasks-table' }));
    fill(teamBox, team ? table([...headers, ''], team.items.map((t) => [...taskCells(t), assignCell(t)]), { id: 'ws-team-tasks-table' }) : '');
  }
  fill(ctx.root,
    el('section', { class: 'ws-card' }, el('h1', {}, tr('tasks.mine')), status, mineBox),
    el('section', { class: 'ws-card' }, el('h2', {}, tr('tasks.team', { department: ctx.departmentName(department ?? null) })), teamBox));
  await refresh();
  ctx.root.dataset.loaded = 'true';
  return { refresh };
}
