// The coloured chips a dossier's status, a step's timeliness and an inbox
// task's urgency are shown with, the same on every page.

import type { InboxTask } from '../../shared/api/client.js';
import { formatTimeLeft } from '../../shared/format.js';
import { currentLang, tr, type WorkspaceKey } from '../../shared/i18n/i18n.js';
import { chip } from './blocks.js';

export function timelinessChip(value: string | null, attrs: Record<string, string> = {}): HTMLElement | string {
  if (!value) return '—';
  const kind = value === 'late' || value === 'overdue' ? 'late' : value === 'early' ? 'ok' : value === 'on_time' || value === 'within_deadline' ? 'info' : 'muted';
  return chip(tr(`timeliness.${value}` as WorkspaceKey), kind, { 'data-timeliness': value, ...attrs });
}

export function statusChip(status: { name: string; label: string; code: number }): HTMLElement {
  const kind = ['resolved', 'returned'].includes(status.name) ? 'ok' : ['refused', 'withdrawn', 'stopped'].includes(status.name) ? 'muted' : status.name === 'supplement_requested' ? 'soon' : 'info';
  return chip(currentLang() === 'vi' ? status.label : status.name.replace(/_/g, ' '), kind, { 'data-status': status.name, title: `${status.code}` });
}

const URGENCY_KIND = { late: 'late', due_today: 'soon', on_track: 'ok', paused: 'muted', no_deadline: 'muted' } as const;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Late: "Quá hạn 1,5 giờ làm việc"; due today: "Đến hạn hôm nay · còn 1 giờ làm việc"; on track: "Còn 12 giờ làm việc". */
export function urgencyChip(task: Pick<InboxTask, 'urgency' | 'workingMsLeft'>): HTMLElement {
  // A late step is "quá hạn …" even when no working time has run past its due time yet.
  const left = formatTimeLeft(task.workingMsLeft, currentLang(), task.urgency === 'late');
  const text = task.urgency === 'paused' || task.urgency === 'no_deadline' ? tr(`urgency.${task.urgency}` as WorkspaceKey)
    : task.urgency === 'due_today' ? `${tr('urgency.due_today')} · ${left}`
      : capitalize(left);
  return chip(text, URGENCY_KIND[task.urgency], { 'data-urgency': task.urgency, title: tr(`urgency.${task.urgency}` as WorkspaceKey) });
}
