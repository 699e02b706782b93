// This account's device-log head as this device last verified it: every content carries it
// (docs/protocol.md §9.1), so receivers notice when the sender's device set moved on.
import type { ParleyDatabase } from '../store/database';

export async function ownHead(db: ParleyDatabase): Promise<{ seq: number; hash: string } | undefined> {
  const account = await db.account.get('me');
  if (!account) return undefined;
  const identity = await db.identities.get(account.address);
  return identity ? { seq: identity.pinnedSeq, hash: identity.pinnedHash } : undefined;
}
