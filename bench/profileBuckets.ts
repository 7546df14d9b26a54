import type { Profiler } from 'node:inspector';

/**
 * Where the main thread's time goes, in a few buckets that map to
 * optimisation choices. A sample is charged to the innermost frame of its
 * stack that a rule recognises, so the native socket write under pg counts as
 * pg, and JSON.parse under pg's type parser counts as JSON.
 */
type Frame = Profiler.ProfileNode['callFrame'];

const RULES: Array<{ bucket: string; test: (frame: Frame) => boolean }> = [
  { bucket: 'gc', test: (f) => f.functionName === '(garbage collector)' },
  { bucket: 'idle', test: (f) => f.functionName === '(idle)' },
  { bucket: 'structured_clone', test: (f) => f.functionName === 'structuredClone' },
  { bucket: 'json', test: (f) => !f.url && (f.functionName === 'stringify' || f.functionName === 'parse') },
  { bucket: 'bpmn_engine', test: (f) => /\/node_modules\/(smqp|bpmn-elements|bpmn-engine)\//.test(f.url) },
  { bucket: 'pg_client', test: (f) => /\/node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+)\//.test(f.url) },
  { bucket: 'forms_ajv', test: (f) => /\/node_modules\/ajv/.test(f.url) },
  { bucket: 'calendar', test: (f) => /\/engine\/calendar\//.test(f.url) },
  { bucket: 'engine_code', test: (f) => /\/(engine|bench)\//.test(f.url) && !f.url.includes('/node_modules/') },
];

/** Milliseconds of main-thread time per bucket ('other' for the rest). */
export function bucketProfile(profile: Profiler.Profile): Record<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);

  const bucketOfNode = new Map<number, string>();
  const bucketOf = (id: number): string => {
    const known = bucketOfNode.get(id);
    if (known) return known;
    let bucket = 'other';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      const rule = RULES.find((r) => r.test(frame));
      if (rule) {
        bucket = rule.bucket;
        break;
      }
    }
    bucketOfNode.set(id, bucket);
    return bucket;
  };

  const ms: Record<string, number> = {};
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; charge it to that sample.
    const bucket = bucketOf(samples[i]);
    ms[bucket] = (ms[bucket] ?? 0) + (deltas[i] ?? 0) / 1000;
  }
  return ms;
}
