// send() and the receipts, from any tab: the full inner content (the composer's input plus the
// send time, this device's pinned device-log head and, in groups, the group state hash), validated,
// then committed with its outbox entry (enqueue.ts).
import { bytesToHex } from '@parley/crypto';
import { checkedContent } from '../content/outgoing';
import { ProtocolError } from '../deps/protocol';
import type { OutgoingContent } from '../engine-api';
import type { ParleyDatabase } from '../store/database';
import { ownHead } from '../sync/own-head';
import { enqueueHidden, enqueueMessage } from './enqueue';

export interface Composer {
  readonly db: ParleyDatabase;
  readonly random: (n: number) => Uint8Array;
  readonly now: () => number;
}

/** Validates and queues a message; returns its client id. */
export async function composeMessage(
  c: Composer,
  conversationId: string,
  input: OutgoingContent,
): Promise<string> {
  const account = await c.db.account.get('me');
  if (!account?.linked) throw new ProtocolError('unauthenticated', 'sign in first');
  const conversation = await c.db.conversations.get(conversationId);
  if (!conversation) throw new ProtocolError('not_found', 'no such conversation');
  if (conversation.active === false) throw new ProtocolError('forbidden', 'you are no longer a member');
  const head = await ownHead(c.db);
  if (!head) throw new ProtocolError('unauthenticated', 'this device is not linked');
  const now = c.now();
  const content = checkedContent(input, {
    sentAt: now,
    deviceLogHead: head,
    groupStateHash: conversation.kind === 'group' ? conversation.stateHash : undefined,
  });
  const clientId = bytesToHex(c.random(16));
  await enqueueMessage(c.db, {
    clientId,
    conversationId,
    senderAddress: account.address,
    senderDevice: account.deviceId,
    content,
    now,
  });
  return clientId;
}

/** Queues a delivered or read receipt covering every seq up to `upToSeq` (never shown). */
export async function composeReceipt(
  c: Composer,
  conversationId: string,
  status: 'delivered' | 'read',
  upToSeq: number,
): Promise<void> {
  const conversation = await c.db.conversations.get(conversationId);
  const head = await ownHead(c.db);
  if (!conversation || !head) return;
  const now = c.now();
  const content = checkedContent(
    { type: 'receipt', status, upToSeq },
    {
      sentAt: now,
      deviceLogHead: head,
      groupStateHash: conversation.kind === 'group' ? conversation.stateHash : undefined,
    },
  );
  await enqueueHidden(c.db, { clientId: bytesToHex(c.random(16)), conversationId, content, now });
}
