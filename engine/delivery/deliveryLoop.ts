/**
 * The outbox senders' shared shape (portal synchronisation, citizen notices):
 * run delivery rounds back to back while a round finds work, sleep `pollMs`
 * when it finds none, and on stop finish the round in flight. A failing round
 * is logged and the loop goes on: the rows stay due and are claimed again.
 */

export interface DeliveryLoop {
  /** Stops after the round in flight. */
  stop(): Promise<void>;
}

/** An error as one line, with its cause (fetch and SMTP errors say what failed only there). */
export function deliveryErrorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message;
}

/**
 * Exponential back-off with jitter: `baseMs` doubled per failed attempt up to
 * `maxMs`, then between half and all of it so retries of one outage spread out.
 */
export function retryDelay(attempts: number, backoff: { baseMs: number; maxMs: number }, random = Math.random): number {
  const full = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(full * (0.5 + random() / 2));
}

/** Runs `round` (answers how many items it claimed) until stopped. */
export function startDeliveryLoop(
  round: () => Promise<number>,
  o: { pollMs: number; label: string; log?: (line: string) => void; onStop?: () => void },
): DeliveryLoop {
  let stopped = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      let claimed = 0;
      try {
        claimed = await round();
      } catch (err) {
        o.log?.(`${o.label}: ${deliveryErrorText(err)}`);
      }
      if (stopped) break;
      if (claimed === 0) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, o.pollMs);
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
        wake = null;
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      (wake as (() => void) | null)?.();
      await loop;
      o.onStop?.();
    },
  };
}
