// /app/admin/calendars: the day swaps of each business calendar (a day off
// in lieu, a working Saturday), added and removed.

import type { Calendar } from '../../shared/api/client.js';
import { el, fill } from '../../shared/dom.js';
import { tr } from '../../shared/i18n/i18n.js';
import type { Page, PageContext } from '../pageContext.js';
import { adminAction, table } from './adminShared.js';

export async function adminCalendarsPage(ctx: PageContext): Promise<Page> {
  const body = el('div', { id: 'admin-calendars' });
  const status = el('div', { role: 'status', id: 'admin-calendars-status' });
  const act = adminAction(status, refresh);
  const calendarCard = (c: Calendar) => {
    const date = el('input', { type: 'date', required: true });
    const kind = el('select', {}, el('option', { value: 'off' }, tr('admin.kindOff')), el('option', { value: 'work' }, tr('admin.kindWork')));
    const reason = el('input', {});
    const form = el('form', { class: 'ws-form' }, el('label', {}, tr('admin.date')), date, el('label', {}, tr('admin.kind')), kind, el('label', {}, tr('admin.reason')), reason,
      el('div', { class: 'ws-actions' }, el('button', { type: 'submit', class: 'ws-primary' }, tr('admin.create'))));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void act(() => ctx.api.setDaySwap(c.id, date.value, { kind: kind.value as 'off' | 'work', ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) }));
    });
    return el('section', { class: 'ws-card', 'data-calendar': c.id },
      el('h2', {}, `${c.name} (${c.id})`),
      table([tr('admin.date'), tr('admin.kind'), tr('admin.reason'), ''], c.daySwaps.map((s) => [
        s.date, s.kind === 'off' ? tr('admin.kindOff') : tr('admin.kindWork'), s.reason ?? '',
        el('button', { type: 'button', onclick: () => void act(() => ctx.api.removeDaySwap(c.id, s.date)) }, tr('admin.remove')),
      ])),
      form);
  };
  async function refresh(): Promise<void> {
    fill(body, ...(await ctx.api.calendars()).map(calendarCard));
  }
  fill(ctx.root, el('section', { class: 'ws-card' }, el('h1', {}, tr('nav.adminCalendars')), status), body);
  await refresh();
  ctx.root.dataset.loaded = 'true';
  return {};
}
