// appendEnvelopes for many senders at once: the sends that arrive while one transaction runs are
// written together by the next (coalescer.ts), in one transaction of two round trips whatever
// the batch size: BEGIN and the reads, then the writes and COMMIT (SqlDb.session).
//
// Invariants (docs/relay.md "Envelopes"), the same as one transaction per send:
// - The read script first locks the single envelope_position row and holds it to COMMIT, so
//   batches (and, on PostgreSQL, the relays of a cluster) commit one after another and
//   `position` commits in increasing order. The lock is taken once per batch, not once per send.
// - Under that lock nobody else writes `conversations.last_seq` (only sends do, and every send
//   holds the lock), so the seqs read here plus one, two, ... are gapless per conversation.
// - A call is checked completely (duplicates first, then membership) before anything of it is
//   written: a refused call writes nothing and the rest of its batch goes on. A statement that
//   fails (a race with another relay on a unique key, a database error) rolls the batch back, and
//   each call is then retried in a transaction of its own, so only the guilty call fails.
// - Each call settles only after COMMIT: an acknowledged envelope is durable.
import { ProtocolError } from '@parley/protocol';
import type { Settled } from './coalescer';
import { ConversationSeqRow, KnownEnvelopeRow, MemberPairRow, ValueRow } from './rows';
import type { SqlDb, SqlQueryable } from './sql-db';
import { sqlRows } from './sql-literal';
import type { FannedEnvelope, NewEnvelope, Receipt } from './store';

export interface AppendCall {
  readonly sender: string;
  readonly senderDevice: string;
  readonly envelopes: readonly NewEnvelope[];
  readonly now: number;
}

export interface AppendResult {
  readonly receipts: Receipt[];
  readonly stored: FannedEnvelope[];
}

type Known = Pick<Receipt, 'conversationId' | 'seq' | 'serverTime'>;

const key = (a: string, b: string) => `${a}\n${b}`;

/** The state the read script returns, updated in memory as the batch allocates. */
interface BatchState {
  position: number;
  readonly known: Map<string, Known>;
  readonly members: Set<string>;
  readonly lastSeq: Map<string, number>;
}

async function readState(tx: SqlQueryable, calls: readonly AppendCall[]): Promise<BatchState> {
  const sent = new Map<string, [string, string]>();
  const asked = new Map<string, [string, string]>();
  const conversations = new Map<string, [string]>();
  for (const c of calls) {
    for (const e of c.envelopes) {
      sent.set(key(c.sender, e.clientId), [c.sender, e.clientId]);
      asked.set(key(e.conversationId, c.sender), [e.conversationId, c.sender]);
      conversations.set(e.conversationId, [e.conversationId]);
    }
  }
  const [, lock, known, members, seqs] = await tx.script(
    [
      'BEGIN',
      'SELECT value FROM envelope_position WHERE id = 1 FOR UPDATE',
      `SELECT sender_address, client_id, conversation_id, seq, server_time FROM envelopes
       WHERE (sender_address, client_id) IN (${sqlRows([...sent.values()])})`,
      `SELECT conversation_id, address FROM members
       WHERE (conversation_id, address) IN (${sqlRows([...asked.values()])})`,
      `SELECT id, last_seq FROM conversations WHERE id IN (${sqlRows([...conversations.values()])})`,
    ].join(';\n'),
  );
  const state: BatchState = {
    position: ValueRow.parse(lock?.[0]).value,
    known: new Map(),
    members: new Set(),
    lastSeq: new Map(),
  };
  for (const row of known ?? []) {
    const r = KnownEnvelopeRow.parse(row);
    state.known.set(key(r.sender_address, r.client_id), {
      conversationId: r.conversation_id,
      seq: r.seq,
      serverTime: r.server_time,
    });
  }
  for (const row of members ?? []) {
    const r = MemberPairRow.parse(row);
    state.members.add(key(r.conversation_id, r.address));
  }
  for (const row of seqs ?? []) {
    const r = ConversationSeqRow.parse(row);
    state.lastSeq.set(r.id, r.last_seq);
  }
  return state;
}

/** Refuses the whole call if one of its new envelopes is for a conversation the sender is not in. */
function checkCall(state: BatchState, call: AppendCall): void {
  const fresh = new Set<string>();
  for (const e of call.envelopes) {
    const k = key(call.sender, e.clientId);
    if (state.known.has(k) || fresh.has(k)) continue;
    fresh.add(k);
    if (!state.members.has(key(e.conversationId, call.sender))) {
      throw new ProtocolError('forbidden', 'not a member of this conversation');
    }
  }
}

interface Writes {
  readonly envelopes: Array<Array<string | number | null>>;
  readonly copies: Array<Array<string | number | null>>;
}

/** Allocates seq and position for the call's new envelopes, in order, and queues their rows. */
function allocate(state: BatchState, call: AppendCall, writes: Writes): AppendResult {
  const receipts: Receipt[] = [];
  const stored: FannedEnvelope[] = [];
  for (const e of call.envelopes) {
    const k = key(call.sender, e.clientId);
    const known = state.known.get(k);
    if (known !== undefined) {
      receipts.push({ ...known, clientId: e.clientId, duplicate: true });
      continue;
    }
    const last = state.lastSeq.get(e.conversationId);
    if (last === undefined) throw new ProtocolError('internal', 'a member conversation has no row');
    const seq = last + 1;
    state.lastSeq.set(e.conversationId, seq);
    state.position += 1;
    const position = state.position;
    state.known.set(k, { conversationId: e.conversationId, seq, serverTime: call.now });
    writes.envelopes.push([
      e.conversationId,
      seq,
      position,
      call.sender,
      call.senderDevice,
      e.clientId,
      call.now,
      e.body ?? null,
    ]);
    for (const c of e.copies) writes.copies.push([e.conversationId, seq, c.recipientDevice, c.body]);
    receipts.push({
      conversationId: e.conversationId,
      clientId: e.clientId,
      seq,
      serverTime: call.now,
      duplicate: false,
    });
    stored.push({
      conversationId: e.conversationId,
      seq,
      position,
      clientId: e.clientId,
      senderAddress: call.sender,
      senderDevice: call.senderDevice,
      serverTime: call.now,
      body: e.body,
      recipientDevice: undefined,
      copies: e.copies,
    });
  }
  return { receipts, stored };
}

async function writeBatch(tx: SqlQueryable, calls: readonly AppendCall[]): Promise<Settled<AppendResult>[]> {
  const state = await readState(tx, calls);
  const first = new Map(state.lastSeq);
  const writes: Writes = { envelopes: [], copies: [] };
  const results = calls.map((call): Settled<AppendResult> => {
    try {
      checkCall(state, call);
    } catch (error) {
      return { ok: false, error };
    }
    return { ok: true, value: allocate(state, call, writes) };
  });
  if (writes.envelopes.length === 0) {
    await tx.script('COMMIT');
    return results;
  }
  const bumped = [...state.lastSeq].filter(([id, seq]) => first.get(id) !== seq);
  const statements = [
    `UPDATE conversations AS c SET last_seq = v.last_seq
     FROM (VALUES ${sqlRows(bumped)}) AS v (id, last_seq) WHERE c.id = v.id`,
    `INSERT INTO envelopes
       (conversation_id, seq, position, sender_address, sender_device, client_id, server_time, body)
     VALUES ${sqlRows(writes.envelopes)}`,
  ];
  if (writes.copies.length > 0) {
    statements.push(
      `INSERT INTO envelope_copies (conversation_id, seq, recipient_device, body) VALUES ${sqlRows(writes.copies)}`,
    );
  }
  statements.push(`UPDATE envelope_position SET value = ${state.position} WHERE id = 1`, 'COMMIT');
  await tx.script(statements.join(';\n'));
  return results;
}

const empty = (): Settled<AppendResult> => ({ ok: true, value: { receipts: [], stored: [] } });

/**
 * Writes `calls` as one transaction (see the invariants above); one result per call, in order.
 * A failing script leaves the transaction aborted and session() rolls it back.
 */
export async function appendBatch(db: SqlDb, calls: readonly AppendCall[]): Promise<Settled<AppendResult>[]> {
  const writing = calls.filter((c) => c.envelopes.length > 0);
  if (writing.length === 0) return calls.map(empty);
  try {
    const results = await db.session((tx) => writeBatch(tx, writing));
    let i = 0;
    return calls.map((c) => (c.envelopes.length > 0 ? (results[i++] ?? empty()) : empty()));
  } catch (error) {
    if (calls.length === 1) return [{ ok: false, error }];
    const out: Settled<AppendResult>[] = [];
    for (const call of calls) out.push(...(await appendBatch(db, [call])));
    return out;
  }
}
