import type { RouteSpec } from '../http/route.js';

/**
 * Reads of a citizen's dossier or its documents: what the audit log records
 * when a person makes them (systems are accounted for by their key).
 */
export function citizenReadTarget(route: RouteSpec, params: Record<string, string>): string | null {
  if (route.method !== 'get') return null;
  if (route.path.startsWith('/api/dossiers/{code}')) return params.code;
  if (route.path === '/api/tasks/{id}') return `task ${params.id}`;
  if (/\/documents\b/.test(route.path)) return Object.values(params).join(' ');
  return null;
}
