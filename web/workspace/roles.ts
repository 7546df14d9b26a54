// What each role finds in the workspace: its pages and where it lands.

import type { Role } from '../shared/api/client.js';
import type { WorkspaceKey } from '../shared/i18n/i18n.js';


/** The pages of each role, in the navigation bar. */
export const NAV: Record<Role, Array<{ href: string; label: WorkspaceKey; card?: WorkspaceKey; external?: boolean }>> = {
  supervisor: [
    { href: '/app/dashboard', label: 'nav.dashboard', card: 'card.dashboard' },
    { href: '/app/dossiers', label: 'nav.dossiers', card: 'card.dossiers' },
    { href: '/app/heatmap', label: 'nav.heatmap', card: 'card.heatmap' },
    { href: '/app/inbox', label: 'nav.inbox', card: 'card.inbox' },
  ],
  officer: [
    { href: '/app/inbox', label: 'nav.inbox', card: 'card.inbox' },
    { href: '/app/tasks', label: 'nav.tasks', card: 'card.tasks' },
  ],
  desk: [
    { href: '/app/desk', label: 'nav.desk', card: 'card.desk' },
    { href: '/app/dossiers', label: 'nav.dossiers', card: 'card.dossiers' },
  ],
  analyst: [
    { href: '/designer/', label: 'nav.designer', card: 'landing.designerCard', external: true },
    { href: '/app/heatmap', label: 'nav.heatmap', card: 'card.heatmap' },
  ],
  admin: [
    { href: '/app/admin/people', label: 'nav.adminPeople', card: 'card.adminPeople' },
    { href: '/app/admin/import', label: 'nav.adminImport', card: 'card.adminImport' },
    { href: '/app/admin/departments', label: 'nav.adminDepartments', card: 'card.adminDepartments' },
    { href: '/app/admin/keys', label: 'nav.adminKeys', card: 'card.adminKeys' },
    { href: '/app/admin/calendars', label: 'nav.adminCalendars', card: 'card.adminCalendars' },
    { href: '/app/admin/audit', label: 'nav.adminAudit', card: 'card.adminAudit' },
    { href: '/app/admin/notices', label: 'nav.adminNotices', card: 'card.adminNotices' },
    { href: '/designer/', label: 'nav.designer', card: 'landing.designerCard', external: true },
  ],
};

/** Where a role lands after signing in. */
export function homeOf(role: Role): string {
  return { supervisor: '/app/dashboard', officer: '/app/inbox', desk: '/app/desk', analyst: '/', admin: '/' }[role];
}
