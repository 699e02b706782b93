// Safety numbers for the UI (docs/protocol.md §8): computed from the device logs this device has
// verified and stored (identities table), never from what the relay says. Comparing them with the
// peer proves that the devices this app encrypts to are the ones the peer linked. "Verified" is the
// person's own mark; identities.ts clears it whenever either account's device set changes.
import { deviceLogStateFromJson, type SafetyNumber, safetyIdentityOf, safetyNumber } from '@parley/crypto';
import { ProtocolError } from '../deps/protocol';
import type { ParleyDatabase } from '../store/database';

export interface SafetyNumberView extends SafetyNumber {
  /** The person marked this peer verified, and neither device set changed since. */
  readonly verified: boolean;
  /** When the peer's device set last changed (the UI warns), if ever. */
  readonly devicesChangedAt?: number;
}

export async function safetyNumberWith(db: ParleyDatabase, peer: string): Promise<SafetyNumberView> {
  const account = await db.account.get('me');
  if (!account) throw new ProtocolError('unauthenticated', 'sign in first');
  const [mine, theirs] = await Promise.all([db.identities.get(account.address), db.identities.get(peer)]);
  if (!mine || !theirs) throw new ProtocolError('not_found', 'no verified device log for this account yet');
  const number = safetyNumber(
    safetyIdentityOf(deviceLogStateFromJson(mine.state)),
    safetyIdentityOf(deviceLogStateFromJson(theirs.state)),
  );
  const changedAt = Math.max(mine.devicesChangedAt ?? 0, theirs.devicesChangedAt ?? 0);
  return {
    ...number,
    verified: theirs.safetyVerified,
    ...(changedAt > 0 ? { devicesChangedAt: changedAt } : {}),
  };
}

export async function setSafetyVerified(db: ParleyDatabase, peer: string, verified: boolean): Promise<void> {
  await db.transaction('rw', db.identities, async () => {
    const row = await db.identities.get(peer);
    if (!row) throw new ProtocolError('not_found', 'no verified device log for this account yet');
    await db.identities.put({ ...row, safetyVerified: verified });
  });
}
