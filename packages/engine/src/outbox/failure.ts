// Any failure of sealing or sending as the one wire error, so isRetryable decides what happens
// next. A CryptoError while sealing (a prekey bundle that does not verify, a device-set limit) will
// not go away by trying again, so it is not retryable; an unknown error is `internal`, which is.
import { isCryptoError } from '@parley/crypto';
import { ProtocolError } from '../deps/protocol';
import type { ParleyDatabase } from '../store/database';

export function failureOf(error: unknown): ProtocolError {
  if (error instanceof ProtocolError) return error;
  if (isCryptoError(error))
    return new ProtocolError('bad_request', `could not seal the message (${error.kind})`, { cause: error });
  return new ProtocolError('internal', 'unexpected error while sending', { cause: error });
}

/** A retryable failure: each entry waits its next backoff delay (at least retryAfterMs). */
export async function backOff(
  db: ParleyDatabase,
  clientIds: readonly string[],
  error: ProtocolError,
  now: number,
  delayFor: (attempts: number) => number,
): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const clientId of clientIds) {
      const row = await db.outbox.where('clientId').equals(clientId).first();
      if (row?.id === undefined) continue;
      const attempts = row.attempts + 1;
      await db.outbox.update(row.id, {
        attempts,
        nextAttemptAt: now + Math.max(error.retryAfterMs ?? 0, delayFor(attempts)),
        lastError: `${error.kind}: ${error.message}`,
      });
    }
  });
}

/** A refusal that trying again will not change: the message is failed, with the reason. */
export async function markFailed(
  db: ParleyDatabase,
  clientIds: readonly string[],
  error: ProtocolError,
): Promise<void> {
  const reason = `${error.kind}: ${error.message}`;
  await db.transaction('rw', db.outbox, db.messages, async () => {
    for (const clientId of clientIds) {
      const row = await db.outbox.where('clientId').equals(clientId).first();
      if (row?.id === undefined) continue;
      await db.outbox.update(row.id, { state: 'failed', lastError: reason });
      await db.messages.update(clientId, { status: 'failed', reason });
    }
  });
}
