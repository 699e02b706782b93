// Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
// delay = random(0, min(cap, base * 2^attempt)). Full jitter spreads a crowd of clients that lost
// the relay at the same moment, so they do not all come back in the same millisecond.
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000 };

/** `unit` is a uniform random number in [0, 1), passed in so tests are deterministic. */
export function backoffDelay(attempt: number, unit: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(unit * ceiling);
}
