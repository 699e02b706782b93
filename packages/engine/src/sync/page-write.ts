// Writing what a page of opened envelopes produced (DESIGN.md §3 "Receive"; docs/architecture.md
// "Apply"): messages, effects, our own messages coming back, the seq bookkeeping and the catch-up
// cursor. Call inside the one rw transaction that also stores the crypto state the opening moved
// (crypto-state.ts), so a crash keeps all of it or none of it.
//
// Every write is in bulk: a page costs a fixed number of IndexedDB round trips, not one per
// envelope. In a browser each awaited request is a trip to the IndexedDB backend and back; one
// `get` per message to check its key was most of a catch-up's time (bench/web/catch-up.bench.ts).
import { Dexie } from 'dexie';
import { previewOf } from '../content/outgoing';
import type { Content } from '../deps/protocol';
import type { ParleyDatabase } from '../store/database';
import type { ConversationRow, MessageRow } from '../store/schema';
import type { EnvelopeOut } from '../transport/relay-schemas';
import type { ApplyExtra, ApplyResult } from './apply';
import { applyKept, applyOrKeep } from './pending-effects';
import { accountFor, coveredThrough, seqStateOf } from './seq-tracker';

/** One envelope after opening: a row to store, an effect to apply, or our own message back. */
export interface OpenedItem {
  readonly envelope: EnvelopeOut;
  readonly row?: MessageRow;
  readonly effect?: Content;
  /** Our own group message coming back: mark the pending row sent. */
  readonly own?: boolean;
}

/** The tables writePage touches, besides the crypto state's. */
export function pageTables(db: ParleyDatabase) {
  return [db.messages, db.conversations, db.sync, db.outbox, db.pendingEffects];
}

/** The key a row is stored under when another sender's client id already holds its own. */
export function collisionKey(row: MessageRow): string {
  return `${row.clientId}.${row.conversationId}.${row.seq}`;
}

/**
 * Adds the rows in one bulk request. A client id is chosen by its sender, so another sender's can
 * collide with a stored row (or one earlier in the page): such a row is kept under collisionKey,
 * never over the other. A row whose own (conversationId, seq) is already stored replaces it, as
 * before. Only the rows that failed are read back, so the usual page costs no reads at all.
 * Returns the rows as stored.
 */
export async function storeRows(db: ParleyDatabase, rows: readonly MessageRow[]): Promise<MessageRow[]> {
  if (rows.length === 0) return [];
  try {
    await db.messages.bulkAdd(rows);
    return [...rows];
  } catch (error) {
    // bulkAdd keeps the transaction alive when single adds fail (their error events are
    // prevented) and reports them here; anything else aborts the apply.
    if (!(error instanceof Dexie.BulkError)) throw error;
    const positions = Object.keys(error.failuresByPos).map(Number);
    const failed = positions.flatMap((i) => {
      const row = rows[i];
      return row ? [{ i, row }] : [];
    });
    const existing = await db.messages.bulkGet(failed.map((f) => f.row.clientId));
    const stored = [...rows];
    const again: MessageRow[] = [];
    failed.forEach(({ i, row }, k) => {
      const old = existing[k];
      // The add failed for another reason than the key: do not hide it.
      if (!old) throw error;
      const same = old.conversationId === row.conversationId && old.seq === row.seq;
      const next = same ? row : { ...row, clientId: collisionKey(row) };
      stored[i] = next;
      again.push(next);
    });
    await db.messages.bulkPut(again);
    return stored;
  }
}

/** Our own messages came back from the relay: mark them sent with their seq, drop their outbox. */
async function markOwnSent(db: ParleyDatabase, own: readonly EnvelopeOut[]): Promise<void> {
  if (own.length === 0) return;
  const ids = own.map((e) => e.clientId);
  const rows = await db.messages.bulkGet(ids);
  const updated = rows.flatMap((m, i): MessageRow[] => {
    const e = own[i];
    if (!m || !e) return [];
    return [
      { ...m, status: m.status === 'pending' ? 'sent' : m.status, seq: e.seq, serverTime: e.serverTime },
    ];
  });
  await db.messages.bulkPut(updated);
  await db.outbox.where('clientId').anyOf(ids).delete();
}

interface ConversationTally {
  readonly seqs: number[];
  last?: MessageRow;
  unreadCandidates: MessageRow[];
}

function conversationUpdate(
  conversation: ConversationRow,
  tally: ConversationTally | undefined,
  extra: ApplyExtra,
): { fields: Partial<ConversationRow>; gap: boolean } {
  let state = accountFor(seqStateOf(conversation), tally?.seqs ?? []);
  if (extra.covered?.conversationId === conversation.id)
    state = coveredThrough(state, extra.covered.throughSeq);
  const unread = (tally?.unreadCandidates ?? []).filter((r) => (r.seq ?? 0) > conversation.readSeq).length;
  const last = tally?.last;
  const preview = last
    ? (previewOf(last.content) ?? (last.status === 'unverified' ? last.reason : undefined))
    : undefined;
  return {
    gap: state.aheadSeqs.length > 0,
    fields: {
      appliedSeq: state.appliedSeq,
      aheadSeqs: state.aheadSeqs,
      unreadCount: conversation.unreadCount + unread,
      ...(last && (last.serverTime ?? 0) >= conversation.lastMessageAt
        ? {
            lastMessageAt: last.serverTime ?? conversation.lastMessageAt,
            ...(preview === undefined ? {} : { lastMessagePreview: preview }),
          }
        : {}),
    },
  };
}

/** Writes one page's items. Call inside a rw transaction over pageTables (and the crypto state's). */
export async function writePage(
  db: ParleyDatabase,
  me: string,
  items: readonly OpenedItem[],
  extra: ApplyExtra,
): Promise<ApplyResult> {
  const rows: MessageRow[] = [];
  const received = new Map<string, number>();
  const tallies = new Map<string, ConversationTally>();
  const tallyOf = (id: string) => {
    let t = tallies.get(id);
    if (!t) {
      t = { seqs: [], unreadCandidates: [] };
      tallies.set(id, t);
    }
    return t;
  };
  // Our own messages first: an effect later in the page (a receipt) finds them sent, with a seq.
  await markOwnSent(
    db,
    items.flatMap((item) => (item.own ? [item.envelope] : [])),
  );
  for (const item of items) {
    const e = item.envelope;
    tallyOf(e.conversationId).seqs.push(e.seq);
    if (item.own) continue;
    // Effects in relay order, each against what is stored so far (pending-effects.ts keeps one
    // whose target comes later, this page included).
    if (item.effect) await applyOrKeep(db, e, me, item.effect);
    else if (item.row) rows.push(item.row);
  }
  const stored = await storeRows(db, rows);
  await applyKept(db, stored, me);
  for (const row of stored) {
    const t = tallyOf(row.conversationId);
    if (!t.last || (row.seq ?? 0) > (t.last.seq ?? 0)) t.last = row;
    if (row.mine !== 1 && row.status !== 'unverified') {
      t.unreadCandidates.push(row);
      received.set(row.conversationId, Math.max(received.get(row.conversationId) ?? 0, row.seq ?? 0));
    }
  }
  if (extra.covered) tallyOf(extra.covered.conversationId);
  const ids = [...tallies.keys()];
  const conversations = await db.conversations.bulkGet(ids);
  const gaps: string[] = [];
  const updates: ConversationRow[] = [];
  for (const conversation of conversations) {
    if (!conversation) continue;
    const { fields, gap } = conversationUpdate(conversation, tallies.get(conversation.id), extra);
    if (gap) gaps.push(conversation.id);
    updates.push({ ...conversation, ...fields });
  }
  await db.conversations.bulkPut(updates);
  if (extra.cursor !== undefined) await db.sync.put({ key: 'cursor', value: extra.cursor });
  return { received, gaps, applied: items.length };
}
