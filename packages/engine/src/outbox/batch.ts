// Packing sealed messages into send batches (the relay's limits, packages/protocol limits.ts):
// at most MAX_BATCH_ENVELOPES envelopes and MAX_BATCH_BODY_BYTES of bodies per send. All copies of
// one message go in the same batch: the relay stores a client id once, with the copies it came
// with, and answers a later copy under the same client id as a duplicate.
import { MAX_BATCH_BODY_BYTES, MAX_BATCH_ENVELOPES } from '../deps/protocol';
import type { SealedEnvelope } from '../store/schema';

export interface ReadyMessage {
  readonly clientId: string;
  readonly envelopes: readonly SealedEnvelope[];
}

export interface BatchLimits {
  readonly maxEnvelopes: number;
  readonly maxBodyBytes: number;
}

export const RELAY_BATCH_LIMITS: BatchLimits = {
  maxEnvelopes: MAX_BATCH_ENVELOPES,
  maxBodyBytes: MAX_BATCH_BODY_BYTES,
};

/** Decoded size of an unpadded base64url body. */
export function bodyBytes(body: string): number {
  return Math.floor((body.length * 3) / 4);
}

function size(m: ReadyMessage): number {
  return m.envelopes.reduce((sum, e) => sum + bodyBytes(e.body), 0);
}

/**
 * Greedy packing in queue order (so messages go out in the order they were sent). A message that
 * alone exceeds a limit cannot be sent at all and is returned in `oversized`.
 */
export function planBatches(
  messages: readonly ReadyMessage[],
  limits: BatchLimits = RELAY_BATCH_LIMITS,
): { batches: ReadyMessage[][]; oversized: ReadyMessage[] } {
  const batches: ReadyMessage[][] = [];
  const oversized: ReadyMessage[] = [];
  let current: ReadyMessage[] = [];
  let envelopes = 0;
  let bytes = 0;
  for (const m of messages) {
    const n = m.envelopes.length;
    const b = size(m);
    if (n === 0 || n > limits.maxEnvelopes || b > limits.maxBodyBytes) {
      oversized.push(m);
      continue;
    }
    if (current.length > 0 && (envelopes + n > limits.maxEnvelopes || bytes + b > limits.maxBodyBytes)) {
      batches.push(current);
      current = [];
      envelopes = 0;
      bytes = 0;
    }
    current.push(m);
    envelopes += n;
    bytes += b;
  }
  if (current.length > 0) batches.push(current);
  return { batches, oversized };
}
