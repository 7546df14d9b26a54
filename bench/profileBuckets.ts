import type { Profiler } from 'node:inspector';

/**
 * Where the main thread's time goes, in a few buckets that map to
 * optimisation choices. A sample is charged to the innermost frame of its
 * stack that a rule recognises, so the native socket write under pg counts as
 * pg. Native builtins (structuredClone, JSON.parse/stringify) have no frame
 * of their own: they count for their JS caller, e.g. the state copy in
 * processRun is engine_runtime, the jsonb parse of a row is pg_client.
 */
type Frame = Profiler.ProfileNode['callFrame'];

const own = (folder: string) => (f: Frame) => f.url.includes(`/engine/${folder}/`) && !f.url.includes('/node_modules/');

const RULES: Array<{ bucket: string; test: (frame: Frame) => boolean }> = [
  { bucket: 'gc', test: (f) => f.functionName === '(garbage collector)' },
  { bucket: 'idle', test: (f) => f.functionName === '(idle)' },
  // The write syscalls of a query: on a loaded 2-core VM a thread is often
  // descheduled inside them while PostgreSQL's backend wakes up.
  { bucket: 'socket_write', test: (f) => !f.url && /^(writev|writeBuffer|writeUtf8String|writeLatin1String)$/.test(f.functionName) },
  { bucket: 'bpmn_engine', test: (f) => /\/node_modules\/(smqp|bpmn-elements|bpmn-engine)\//.test(f.url) },
  { bucket: 'pg_client', test: (f) => /\/node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+)\//.test(f.url) },
  { bucket: 'forms_ajv', test: (f) => /\/node_modules\/ajv/.test(f.url) },
  { bucket: 'engine_runtime', test: own('runtime') },
  { bucket: 'engine_store', test: own('store') },
  { bucket: 'engine_calendar', test: (f) => own('calendar')(f) || own('deadlines')(f) },
  { bucket: 'engine_other', test: (f) => f.url.includes('/engine/') && !f.url.includes('/node_modules/') },
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
