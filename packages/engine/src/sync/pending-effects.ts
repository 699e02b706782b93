// Reactions, edits and deletes that arrive before the message they act on (docs/protocol.md
// §9.2). The relay's order puts a target before its effects, but a device does not always receive
// in that order: a gap fetched later brings the target after the effect, and in one catch-up page
// the target is stored only after the page's effects were looked at. Such an effect is kept in
// `pendingEffects` and applied, in seq order, in the same transaction that stores its target. The
// rules are applyEffect's own (effects.ts): an edit or delete counts only from the account that
// sent the target, so keeping one changes nothing about who may edit what.
import type { Content } from '../deps/protocol';
import type { ParleyDatabase } from '../store/database';
import type { MessageRow, PendingEffectRow } from '../store/schema';
import { applyEffect } from './effects';

/** An effect whose target has not come within this much relay time is dropped. */
export const PENDING_EFFECT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** Most effects kept at once: a peer cannot grow the table without bound. */
export const MAX_PENDING_EFFECTS = 5_000;

interface EffectEnvelope {
  readonly conversationId: string;
  readonly senderAddress: string;
  readonly seq: number;
  readonly serverTime: number;
}

function targetOf(
  content: Content,
): { readonly senderDevice: string; readonly clientId: string } | undefined {
  if (content.type === 'reaction' || content.type === 'edit' || content.type === 'delete')
    return content.target;
  return undefined;
}

/**
 * Applies an effect content now if its target is stored, or keeps it for when the target comes.
 * Call inside the apply transaction (messages, conversations, pendingEffects).
 */
export async function applyOrKeep(
  db: ParleyDatabase,
  e: EffectEnvelope,
  me: string,
  content: Content,
): Promise<void> {
  const ref = targetOf(content);
  if (ref) {
    const row = await db.messages.get(ref.clientId);
    if (!row || row.conversationId !== e.conversationId || row.senderDevice !== ref.senderDevice) {
      await keep(db, {
        conversationId: e.conversationId,
        targetClientId: ref.clientId,
        targetDevice: ref.senderDevice,
        sender: e.senderAddress,
        content,
        seq: e.seq,
        at: e.serverTime,
      });
      return;
    }
  }
  await applyEffect(db, e.conversationId, e.senderAddress, me, content, e.serverTime);
}

/** Applies, in seq order, the kept effects whose targets are among `rows` (just stored). */
export async function applyKept(db: ParleyDatabase, rows: readonly MessageRow[], me: string): Promise<void> {
  if (rows.length === 0 || (await db.pendingEffects.count()) === 0) return;
  for (const row of rows) {
    const kept = (
      await db.pendingEffects
        .where('[conversationId+targetClientId]')
        .equals([row.conversationId, row.clientId])
        .toArray()
    )
      .filter((k) => k.targetDevice === row.senderDevice)
      .sort((a, b) => a.seq - b.seq);
    for (const k of kept) await applyEffect(db, k.conversationId, k.sender, me, k.content, k.at);
    await db.pendingEffects.bulkDelete(kept.flatMap((k) => (k.id === undefined ? [] : [k.id])));
  }
}

async function keep(db: ParleyDatabase, row: Omit<PendingEffectRow, 'id'>): Promise<void> {
  await db.pendingEffects.add(row);
  await db.pendingEffects
    .where('at')
    .below(row.at - PENDING_EFFECT_MAX_AGE_MS)
    .delete();
  const over = (await db.pendingEffects.count()) - MAX_PENDING_EFFECTS;
  if (over > 0) {
    const oldest = await db.pendingEffects.orderBy('at').limit(over).primaryKeys();
    await db.pendingEffects.bulkDelete(oldest);
  }
}
