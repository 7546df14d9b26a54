import { nowMs, percentile, round } from '../timing.js';

export interface LatencyResult {
  p50: number;
  p95: number;
  requests: number;
  /** Requests answered with anything but 2xx (their time is not counted). */
  failures: number;
  firstFailure?: string;
}

export interface LatencyPlan {
  clients: number;
  requests: number;
  /** Untimed requests first (each client one or more), so the first plan and buffer misses are not what is measured. */
  warmup: number;
  /** Stop starting requests after this (epoch ms); the figures stay valid with fewer requests. */
  stopAt: number;
}

/** One request (or a page's requests together); throws with the status and body on a non-2xx answer. */
export type Probe = (i: number) => Promise<void>;

/**
 * `clients` concurrent clients, each sending the next request as soon as its
 * previous one is answered, until `requests` have been sent: latency under
 * that much concurrency, not a request rate.
 */
export async function measureLatency(probe: Probe, plan: LatencyPlan): Promise<LatencyResult> {
  let next = 0;
  const run = async (count: number, times: number[] | null) => {
    let failures = 0;
    let firstFailure: string | undefined;
    await Promise.all(
      Array.from({ length: plan.clients }, async () => {
        while (next < count && Date.now() < plan.stopAt) {
          const i = next++;
          const t = nowMs();
          try {
            await probe(i);
            times?.push(nowMs() - t);
          } catch (err) {
            failures++;
            firstFailure ??= (err as Error).message;
          }
        }
      }),
    );
    return { failures, firstFailure };
  };
  await run(plan.warmup, null);
  next = 0;
  const times: number[] = [];
  const r = await run(plan.requests, times);
  return { p50: round(percentile(times, 0.5), 1), p95: round(percentile(times, 0.95), 1), requests: times.length, failures: r.failures, firstFailure: r.firstFailure };
}

/** GET (or POST) with a bearer token; the parsed JSON answer, or an error naming the status and what the server said. */
export async function call<T = unknown>(url: string, init: { token?: string; method?: string; body?: unknown; accept?: string; discard?: boolean } = {}): Promise<T> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'Content-Type': typeof init.body === 'string' ? 'application/xml' : 'application/json' } : {}),
      Accept: init.accept ?? 'application/json',
    },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  // A probe reads the whole answer but does not parse it: the client shares the machine with the server.
  if (init.discard && res.ok) return (await res.arrayBuffer(), undefined) as T;
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${new URL(url).pathname} → ${res.status}: ${text.slice(0, 300)}`);
  return (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
}
