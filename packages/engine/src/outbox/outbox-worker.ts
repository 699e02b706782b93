// The outbox worker (syncing tab only): seal, batch, send, and retry with the same client id until
// the relay acknowledges (DESIGN.md §3 "Send").
//
// - Sealing and storing the sealed bytes happen in one transaction with the new ratchet or group
//   state. A retry resends exactly those bytes under the same client id, so the relay stores the
//   message once however often it is sent, even if it stored it and died before answering.
// - A retryable failure (isRetryable, the one decision) backs off with full jitter; `rate_limited`
//   waits at least retryAfterMs. `unauthenticated` renews the session first.
// - A refusal that is not retryable fails only the message it concerns: a batch refused as a whole
//   is resent one message at a time to find it. A failed entry waits for retry() or discard().
import type { CryptoState, Workspace } from '../crypto-state/crypto-state';
import { encodeContent, isRetryable, ProtocolError, parseKnownContent } from '../deps/protocol';
import type { Identities } from '../identity/identities';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { ParleyDatabase } from '../store/database';
import type { ConversationRow, MessageRow, OutboxRow, SealedEnvelope } from '../store/schema';
import { type BackoffPolicy, backoffDelay } from '../sync/backoff';
import { accountFor, seqStateOf } from '../sync/seq-tracker';
import type { RelayApi } from '../transport/relay-api';
import type { ReceiptOut } from '../transport/relay-schemas';
import { planBatches, type ReadyMessage } from './batch';
import { backOff, failureOf, markFailed } from './failure';

export interface Sealer {
  seal(
    ws: Workspace,
    conversation: ConversationRow,
    clientId: string,
    plaintext: Uint8Array,
  ): Promise<SealedEnvelope[]>;
}

export interface OutboxDeps {
  readonly db: ParleyDatabase;
  readonly api: RelayApi;
  readonly crypto: CryptoState;
  readonly identities: Identities;
  readonly sealer: Sealer;
  readonly clock: Clock;
  readonly unit: () => number;
  readonly logger: Logger;
  /** Renews the relay session (device key); called on `unauthenticated`. */
  readonly renewSession: () => Promise<void>;
  /** Called with each receipt after it is stored (sync uses it to account for own seqs). */
  readonly onAcknowledged?: (receipts: readonly ReceiptOut[]) => void;
  readonly backoff?: BackoffPolicy;
}

/** Entries sealed per exclusive section, so one section does not hold the crypto state for long. */
const SEAL_CHUNK = 64;
const WAKE_COALESCE_MS = 5;

export class OutboxWorker {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private timer: unknown;
  private wakeTimer: unknown;

  constructor(private readonly d: OutboxDeps) {}

  start(): void {
    this.stopped = false;
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of [this.timer, this.wakeTimer]) if (t !== undefined) this.d.clock.clearTimeout(t);
    this.timer = this.wakeTimer = undefined;
    await this.running;
  }

  /**
   * Something may be due (a new entry, a reconnect): run a cycle soon, or once more after the
   * current one. Wake-ups within WAKE_COALESCE_MS share one cycle (a burst of sends is one batch).
   */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.wakeTimer !== undefined) return;
    this.wakeTimer = this.d.clock.setTimeout(() => {
      this.wakeTimer = undefined;
      if (this.stopped) return;
      if (this.running) {
        this.again = true;
        return;
      }
      this.running = this.loop().finally(() => {
        this.running = undefined;
      });
    }, WAKE_COALESCE_MS);
  }

  /** Resolves when no cycle is running (tests and stop()). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.cycle();
      } catch (error) {
        this.d.logger.warn('outbox: cycle failed', { error: String(error) });
      }
    } while (this.again && !this.stopped);
    await this.schedule();
  }

  /** Wakes at the next entry's nextAttemptAt. */
  private async schedule(): Promise<void> {
    if (this.stopped) return;
    if (this.timer !== undefined) this.d.clock.clearTimeout(this.timer);
    const queued = await this.d.db.outbox.where('state').equals('queued').toArray();
    if (queued.length === 0) return;
    const next = Math.min(...queued.map((r) => r.nextAttemptAt));
    this.timer = this.d.clock.setTimeout(
      () => {
        this.timer = undefined;
        this.wake();
      },
      Math.max(0, next - this.d.clock.now()),
    );
  }

  /**
   * Queued entries that may go now, in queue order. Within a conversation an entry waits for every
   * earlier one: a message never overtakes one sent before it, so the relay's seq order is the
   * send order even after retries with different backoff delays.
   */
  private async due(): Promise<OutboxRow[]> {
    const now = this.d.clock.now();
    const rows = await this.d.db.outbox.where('state').equals('queued').sortBy('id');
    const blocked = new Set<string>();
    const out: OutboxRow[] = [];
    for (const r of rows) {
      if (blocked.has(r.conversationId)) continue;
      if (r.nextAttemptAt > now) blocked.add(r.conversationId);
      else out.push(r);
    }
    return out;
  }

  private async cycle(): Promise<void> {
    this.d.identities.newRound();
    for (;;) {
      if (this.stopped) return;
      const due = await this.due();
      if (due.length === 0) return;
      const ready = await this.sealAll(due);
      if (ready.length === 0) {
        if ((await this.due()).length === due.length) return;
        continue;
      }
      const { batches, oversized } = planBatches(ready);
      for (const m of oversized) {
        await markFailed(
          this.d.db,
          [m.clientId],
          new ProtocolError('too_large', 'the message is too large to send'),
        );
      }
      for (const batch of batches) {
        if (this.stopped) return;
        const ok = await this.sendBatch(batch);
        // The relay or the link is down: leave the rest for the backoff timer.
        if (!ok) return;
      }
    }
  }

  /** Seals the entries that are not sealed yet; returns every due entry that is sealed. */
  private async sealAll(due: readonly OutboxRow[]): Promise<ReadyMessage[]> {
    const ready: ReadyMessage[] = [];
    for (const row of due) if (row.sealed) ready.push({ clientId: row.clientId, envelopes: row.sealed });
    const unsealed = due.filter((r) => !r.sealed);
    for (let i = 0; i < unsealed.length; i += SEAL_CHUNK) {
      ready.push(...(await this.sealChunk(unsealed.slice(i, i + SEAL_CHUNK))));
    }
    const order = new Map(due.map((r, i) => [r.clientId, i]));
    return ready.sort((a, b) => (order.get(a.clientId) ?? 0) - (order.get(b.clientId) ?? 0));
  }

  private async sealChunk(rows: readonly OutboxRow[]): Promise<ReadyMessage[]> {
    const { db, crypto } = this.d;
    const failures: Array<{ clientId: string; error: unknown }> = [];
    const sealed = await crypto.exclusive(async (ws) => {
      const out: ReadyMessage[] = [];
      for (const row of rows) {
        try {
          const conversation = await db.conversations.get(row.conversationId);
          if (!conversation) throw new ProtocolError('not_found', 'no such conversation');
          const content = row.hidden ?? (await db.messages.get(row.clientId))?.content;
          if (content === undefined) throw new ProtocolError('not_found', 'the message is gone');
          // Validated when it was enqueued; parsed again since it comes back from storage.
          const plaintext = encodeContent(parseKnownContent(content));
          out.push({
            clientId: row.clientId,
            envelopes: await this.d.sealer.seal(ws, conversation, row.clientId, plaintext),
          });
        } catch (error) {
          failures.push({ clientId: row.clientId, error });
        }
      }
      const ids = rows.flatMap((r) => (r.id === undefined ? [] : [r.id]));
      return crypto.commit(ws, [db.outbox], async () => {
        const current = new Map((await db.outbox.bulkGet(ids)).flatMap((r) => (r ? [[r.clientId, r]] : [])));
        const kept: ReadyMessage[] = [];
        const updated: OutboxRow[] = [];
        for (const m of out) {
          const row = current.get(m.clientId);
          // Discarded meanwhile: the sealed copy is simply never sent.
          if (!row || row.sealed) continue;
          updated.push({ ...row, sealed: m.envelopes });
          kept.push(m);
        }
        await db.outbox.bulkPut(updated);
        return kept;
      });
    });
    for (const f of failures) await this.handleFailure([f.clientId], failureOf(f.error));
    return sealed;
  }

  /** Sends one batch. False when the failure was retryable (stop this cycle). */
  private async sendBatch(batch: readonly ReadyMessage[]): Promise<boolean> {
    let receipts: ReceiptOut[];
    try {
      receipts = await this.d.api.send(batch.flatMap((m) => m.envelopes));
    } catch (error) {
      const failure = failureOf(error);
      if (!isRetryable(failure.kind) && failure.kind !== 'unauthenticated' && batch.length > 1) {
        // Find the message the relay refused: one at a time.
        for (const m of batch) if (!(await this.sendBatch([m]))) return false;
        return true;
      }
      await this.handleFailure(
        batch.map((m) => m.clientId),
        failure,
      );
      return !isRetryable(failure.kind) && failure.kind !== 'unauthenticated';
    }
    await this.acknowledge(batch, receipts);
    return true;
  }

  private async acknowledge(batch: readonly ReadyMessage[], receipts: readonly ReceiptOut[]): Promise<void> {
    const { db } = this.d;
    const sent = new Map(batch.map((m) => [m.clientId, m.envelopes[0]?.conversationId]));
    const valid = receipts.filter((r) => sent.get(r.clientId) === r.conversationId);
    const ids = valid.map((r) => r.clientId);
    await db.transaction('rw', db.outbox, db.messages, db.conversations, async () => {
      await db.outbox.where('clientId').anyOf(ids).delete();
      const rows = await db.messages.bulkGet(ids);
      const byId = new Map(valid.map((r) => [r.clientId, r]));
      const conversations = new Map(
        (await db.conversations.bulkGet([...new Set(valid.map((r) => r.conversationId))])).flatMap((c) =>
          c ? [[c.id, c]] : [],
        ),
      );
      const updated: MessageRow[] = [];
      for (const m of rows) {
        const r = m && byId.get(m.clientId);
        if (!m || !r) continue;
        // A receipt from a peer can arrive before our own acknowledgement (after a crash).
        const c = conversations.get(r.conversationId);
        const reached =
          r.seq <= (c?.peerReadSeq ?? 0)
            ? 'read'
            : r.seq <= (c?.peerDeliveredSeq ?? 0)
              ? 'delivered'
              : 'sent';
        const status = m.status === 'pending' || m.status === 'failed' ? reached : m.status;
        updated.push({ ...m, status, seq: r.seq, serverTime: r.serverTime, reason: undefined });
      }
      await db.messages.bulkPut(updated);
      for (const conversationId of new Set(valid.map((r) => r.conversationId))) {
        const conversation = await db.conversations.get(conversationId);
        if (!conversation) continue;
        const seqs = valid.filter((r) => r.conversationId === conversationId).map((r) => r.seq);
        const next = accountFor(seqStateOf(conversation), seqs);
        await db.conversations.update(conversationId, {
          appliedSeq: next.appliedSeq,
          aheadSeqs: next.aheadSeqs,
        });
      }
    });
    this.d.onAcknowledged?.(valid);
  }

  private async handleFailure(clientIds: readonly string[], error: ProtocolError): Promise<void> {
    if (error.kind === 'unauthenticated') {
      try {
        await this.d.renewSession();
      } catch (renewError) {
        this.d.logger.warn('outbox: session renewal failed', { error: String(renewError) });
      }
    }
    const { db, clock } = this.d;
    if (isRetryable(error.kind) || error.kind === 'unauthenticated') {
      await backOff(db, clientIds, error, clock.now(), (attempts) =>
        backoffDelay(attempts, this.d.unit(), this.d.backoff),
      );
    } else {
      this.d.logger.warn('outbox: a message failed', { kind: error.kind });
      await markFailed(db, clientIds, error);
    }
  }
}

/** A uniform number in [0, 1) from the Random port (for backoff jitter). */
export function unitFrom(random: (n: number) => Uint8Array): () => number {
  return () => {
    const b = random(4);
    return new DataView(b.buffer, b.byteOffset, 4).getUint32(0) / 2 ** 32;
  };
}
