import type { Metric } from '../benchmark.js';

/** Each figure the issue sets a target for: key, what it is, and the bound. */
const TARGETS: Array<{ key: string; max?: number; min?: number }> = [
  { key: 'inbox_p95_ms', max: 100 },
  { key: 'dossier_p95_ms', max: 100 },
  { key: 'dossier_page_p95_ms', max: 100 },
  { key: 'lookup_p95_ms', max: 100 },
  { key: 'open_breaches_p95_ms', max: 300 },
  { key: 'at_risk_p95_ms', max: 300 },
  { key: 'breaches_list_p95_ms', max: 300 },
  { key: 'form06_month_p95_ms', max: 2000 },
  { key: 'progress_quarter_p95_ms', max: 2000 },
  { key: 'form06_year_p95_ms', max: 2000 },
  { key: 'form06_year_by_department_p95_ms', max: 2000 },
  { key: 'sweep_ms', max: 1000 },
  { key: 'scale_step_ratio_vs_empty', min: 0.9 },
];

/** The figures with a target, each against it, then every other figure. */
export function formatScaleReport(figures: Record<string, Metric>): string {
  const lines = ['', '== targets (one year of dossiers, 8 concurrent clients over HTTP)'];
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const t of TARGETS) {
    const value = figures[t.key];
    const bound = t.max !== undefined ? `≤ ${t.max}` : `≥ ${t.min}`;
    const verdict = typeof value !== 'number' ? 'NOT MEASURED' : (t.max !== undefined ? value <= t.max : value >= t.min!) ? 'ok' : 'MISSED';
    const p50 = t.key.endsWith('_p95_ms') ? figures[t.key.replace('_p95_', '_p50_')] : undefined;
    lines.push(`  ${t.key.padEnd(width)}  ${String(value ?? '-').padStart(9)}  target ${bound.padEnd(7)} ${verdict}${p50 !== undefined ? `   (p50 ${p50})` : ''}`);
  }
  lines.push('', '== figures');
  const shown = new Set(TARGETS.map((t) => t.key));
  for (const [key, value] of Object.entries(figures)) {
    if (!shown.has(key) && !(key.endsWith('_p50_ms') && shown.has(key.replace('_p50_', '_p95_')))) lines.push(`  ${key.padEnd(width)}  ${value}`);
  }
  return lines.join('\n');
}
