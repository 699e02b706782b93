// The membership check every read, send and subscribe goes through.
import { ProtocolError } from '../deps/protocol';
import type { MemberRecord, RelayStore } from '../store/store';

export async function requireMember(
  store: RelayStore,
  conversationId: string,
  address: string,
): Promise<MemberRecord> {
  const member = await store.getMember(conversationId, address);
  // Same answer for "no such conversation" and "not a member": a non-member learns nothing.
  if (member === undefined) throw new ProtocolError('forbidden', 'not a member of this conversation');
  return member;
}
