// send(): the message row (status pending) and its outbox entry are written in one transaction,
// so the UI shows the message at once and the engine delivers it later, exactly once (DESIGN.md
// §1.2). Any tab may enqueue; only the syncing tab's outbox worker sends.

import { previewOf } from '../content/outgoing';
import type { Content } from '../deps/protocol';
import type { ParleyDatabase } from '../store/database';

export interface Enqueued {
  readonly clientId: string;
  readonly conversationId: string;
  readonly senderAddress: string;
  readonly senderDevice: string;
  readonly content: Content;
  readonly now: number;
}

export async function enqueueMessage(db: ParleyDatabase, m: Enqueued): Promise<void> {
  await db.transaction('rw', db.messages, db.outbox, db.conversations, async () => {
    await db.messages.add({
      clientId: m.clientId,
      conversationId: m.conversationId,
      senderAddress: m.senderAddress,
      senderDevice: m.senderDevice,
      sentAt: m.now,
      status: 'pending',
      content: m.content,
      mine: 1,
    });
    await db.outbox.add({
      clientId: m.clientId,
      conversationId: m.conversationId,
      createdAt: m.now,
      attempts: 0,
      nextAttemptAt: m.now,
      state: 'queued',
    });
    const preview = previewOf(m.content);
    await db.conversations.update(m.conversationId, {
      lastMessageAt: m.now,
      ...(preview === undefined ? {} : { lastMessagePreview: preview }),
    });
  });
}

/** Content with no message row (receipts): sealed and sent like a message, never shown. */
export async function enqueueHidden(
  db: ParleyDatabase,
  m: { clientId: string; conversationId: string; content: Content; now: number },
): Promise<void> {
  await db.outbox.add({
    clientId: m.clientId,
    conversationId: m.conversationId,
    createdAt: m.now,
    attempts: 0,
    nextAttemptAt: m.now,
    state: 'queued',
    hidden: m.content,
  });
}

/** Puts a failed entry back in the queue with the same client id (and the same sealed bytes). */
export async function retryEntry(db: ParleyDatabase, clientId: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.messages, db.outbox, async () => {
    const row = await db.outbox.where('clientId').equals(clientId).first();
    if (row?.id === undefined || row.state !== 'failed') return false;
    await db.outbox.update(row.id, {
      state: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      lastError: undefined,
    });
    await db.messages.update(clientId, { status: 'pending', reason: undefined });
    return true;
  });
}

/** Drops a message that was not sent: its outbox entry and its row. */
export async function discardEntry(db: ParleyDatabase, clientId: string): Promise<boolean> {
  return db.transaction('rw', db.messages, db.outbox, async () => {
    const row = await db.outbox.where('clientId').equals(clientId).first();
    if (row?.id === undefined) return false;
    await db.outbox.delete(row.id);
    const message = await db.messages.get(clientId);
    if (message && (message.status === 'pending' || message.status === 'failed'))
      await db.messages.delete(clientId);
    return true;
  });
}
