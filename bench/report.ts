import { writeFile } from 'node:fs/promises';
import type { Metric, Metrics } from './benchmark.js';
import { round } from './timing.js';

export interface ModuleResult {
  name: string;
  metrics: Metrics;
  /** Set when the module failed; its metrics are then empty. */
  error?: string;
}

/** A figure derived from two others once every module has run. */
interface Ratio {
  key: string;
  label: string;
  numerator: string;
  denominator: string;
  /** Printed as a goal; `min` is the least acceptable value. */
  min?: number;
}

const RATIOS: Ratio[] = [
  { key: 'ratio', label: 'engine/baseline', numerator: 'engine_steps_per_s', denominator: 'baseline_steps_per_s', min: 0.7 },
  { key: 'runtime_ratio', label: 'processRun/baseline', numerator: 'runtime_steps_per_s', denominator: 'baseline_steps_per_s' },
  { key: 'engine_runtime_ratio', label: 'engine/processRun', numerator: 'engine_steps_per_s', denominator: 'runtime_steps_per_s' },
];

/** Upper bounds some figures are held to, printed next to them. */
const LIMITS: Record<string, { max: number; text: string }> = {
  state_bytes_10_task: { max: 10 * 1024 - 1, text: '< 10 KB' },
  timer_burst_p99_ms: { max: 1000, text: '≤ 1 s' },
  overdue_5000_drain_s: { max: 5, text: '≤ 5 s' },
};

/** Every module's figures in one flat object, plus the ratios; a repeated key is a bug. */
export function mergeResults(results: ModuleResult[]): Record<string, Metric> {
  const merged: Record<string, Metric> = {};
  for (const r of results) {
    for (const [key, value] of Object.entries(r.metrics)) {
      if (key in merged) throw new Error(`two benchmarks report "${key}"`);
      merged[key] = value;
    }
  }
  for (const r of RATIOS) {
    const n = merged[r.numerator];
    const d = merged[r.denominator];
    if (typeof n === 'number' && typeof d === 'number' && d > 0) merged[r.key] = round(n / d, 3);
  }
  const errors = results.filter((r) => r.error).map((r) => `${r.name}: ${r.error!.split('\n')[0]}`);
  if (errors.length) merged.errors = errors.join(' | ');
  return merged;
}

function verdict(ok: boolean): string {
  return ok ? 'ok' : 'MISSED';
}

/** A small plain-text table per module, then the ratios. */
export function formatReport(results: ModuleResult[], merged: Record<string, Metric>): string {
  const width = Math.max(...results.flatMap((r) => Object.keys(r.metrics).map((k) => k.length)), 20);
  const lines: string[] = [];
  for (const r of results) {
    lines.push('', `== ${r.name}${r.error ? ` — could not measure (see its _not_measured figure)` : ''}`);
    for (const [key, value] of Object.entries(r.metrics)) {
      const limit = LIMITS[key];
      const note = limit && typeof value === 'number' ? `   (target ${limit.text}: ${verdict(value <= limit.max)})` : '';
      lines.push(`  ${key.padEnd(width)}  ${String(value ?? 'not measured').padStart(10)}${note}`);
    }
  }
  lines.push('', '== ratios');
  for (const r of RATIOS) {
    const value = merged[r.key];
    if (typeof value !== 'number') continue;
    const goal = r.min === undefined ? '' : `   (target ≥ ${r.min}: ${verdict(value >= r.min)})`;
    lines.push(`  ${r.label} = ${value.toFixed(2)}${goal}`);
  }
  return lines.join('\n');
}

export async function writeJson(file: string, merged: Record<string, Metric>): Promise<void> {
  await writeFile(file, `${JSON.stringify(merged, null, 2)}\n`, 'utf8');
}
