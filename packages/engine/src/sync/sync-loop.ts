// The sync loop of the syncing tab (DESIGN.md §3): subscribe first and buffer, catch up from the
// stored cursor in pages, apply the buffer (deduplicated by (conversationId, seq)), then go live and
// flush the outbox. A dropped subscription reconnects with exponential backoff and full jitter; an
// expired session is renewed with the device key first; a ResyncEvent (the relay fell behind)
// reconnects at once and catches up again.

import { ProtocolError } from '../deps/protocol';
import type { EngineEvents } from '../engine-api';
import type { Emitter } from '../events/emitter';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { RelayApi } from '../transport/relay-api';
import type { EnvelopeOut, RelayEventOut } from '../transport/relay-schemas';
import { type ApplyDeps, type ApplyResult, applyEnvelopes, isTransient } from './apply';
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { CATCH_UP_PAGE, catchUp } from './catch-up';
import { fillGap } from './gaps';

export interface SyncHooks {
  /** After envelopes were applied (delivery receipts, outbox wake-ups). */
  afterApply(result: ApplyResult): void;
  /** Group controls and key wraps: bring the group's state up to date. */
  onGroupEvent(conversationId: string): Promise<void>;
  /** A conversation this account was just added to (or created elsewhere). */
  onCreated(conversationId: string): Promise<void>;
  onSignal(event: Extract<RelayEventOut, { __typename: 'SignalEvent' }>): void;
  /** The loop is live: the outbox may send. */
  onLive(): void;
  /** Renews the relay session with the device key. */
  renewSession(): Promise<void>;
  /** Before each catch-up: start a new round of device-log checks. */
  newRound(): void;
}

export interface SyncLoopDeps {
  readonly api: RelayApi;
  readonly apply: ApplyDeps;
  readonly hooks: SyncHooks;
  readonly events: Emitter<EngineEvents>;
  readonly clock: Clock;
  readonly unit: () => number;
  readonly logger: Logger;
  readonly backoff?: BackoffPolicy;
  /** A second catch-up this long after going live (the relay has no "subscribed" ack). */
  readonly settleMs?: number;
  readonly gapDelayMs?: number;
}

export class SyncLoop {
  private stopped = true;
  private attempt = 0;
  private unsubscribe: (() => void) | undefined;
  private retryTimer: unknown;
  private settleTimer: unknown;
  private gapTimer: unknown;
  private readonly gapConversations = new Set<string>();
  /** Envelope events wait here while catching up, then are applied in order. */
  private buffer: RelayEventOut[] = [];
  private live = false;
  private resyncRequested = false;
  /** Every apply runs on this chain, one after another. */
  private work: Promise<void> = Promise.resolve();
  private session = 0;

  constructor(private readonly d: SyncLoopDeps) {}

  get isLive(): boolean {
    return this.live;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
    this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.live = false;
    this.session++;
    for (const t of [this.retryTimer, this.settleTimer, this.gapTimer])
      if (t !== undefined) this.d.clock.clearTimeout(t);
    this.retryTimer = this.settleTimer = this.gapTimer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.work.catch(() => undefined);
  }

  /** Resolves when every queued apply has run (tests). */
  async settled(): Promise<void> {
    let last: Promise<void> | undefined;
    while (last !== this.work) {
      last = this.work;
      await last.catch(() => undefined);
    }
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const next = this.work.then(job).catch((error: unknown) => {
      this.d.logger.warn('sync: a step failed', { error: String(error) });
    });
    this.work = next;
    return next;
  }

  private connect(): void {
    if (this.stopped) return;
    const session = ++this.session;
    this.live = false;
    this.resyncRequested = false;
    this.buffer = [];
    this.d.events.emit('connection', { state: 'connecting', attempt: this.attempt });
    this.unsubscribe = this.d.api.events({
      next: (event) => {
        if (session !== this.session) return;
        if (event.__typename === 'ResyncEvent') {
          this.resyncRequested = true;
          this.d.logger.info('sync: the relay asks for a resync', { reason: event.reason });
        }
        if (this.live) this.handle([event]);
        else this.buffer.push(event);
      },
      error: (error) => this.dropped(session, error),
      // The relay ends the stream after a ResyncEvent (it fell behind): catch up at once. Any
      // other end is a lost connection and waits for the backoff.
      complete: () =>
        this.dropped(
          session,
          this.resyncRequested
            ? new ProtocolError('backpressure', 'the relay asked for a resync')
            : new ProtocolError('unavailable', 'the event stream ended'),
        ),
    });
    void this.enqueue(async () => {
      if (session !== this.session) return;
      try {
        this.d.hooks.newRound();
        await this.catchUpNow(session);
        if (session !== this.session) return;
        this.live = true;
        const buffered = this.buffer;
        this.buffer = [];
        this.handle(buffered);
        this.attempt = 0;
        this.d.events.emit('connection', { state: 'online' });
        this.d.hooks.onLive();
        this.settleTimer = this.d.clock.setTimeout(() => {
          this.settleTimer = undefined;
          if (session === this.session) void this.enqueue(() => this.catchUpNow(session));
        }, this.d.settleMs ?? 1_000);
      } catch (error) {
        this.dropped(
          session,
          error instanceof ProtocolError ? error : new ProtocolError('internal', String(error)),
        );
      }
    });
  }

  private async catchUpNow(session: number): Promise<void> {
    await catchUp(
      this.d.apply,
      this.d.api,
      (result, done, more) => {
        this.d.events.emit('sync', { done, total: more ? done + CATCH_UP_PAGE : done });
        this.afterApply(result);
      },
      () => session !== this.session,
    );
    if (session === this.session) this.d.events.emit('sync', { done: true });
  }

  private dropped(session: number, error: ProtocolError): void {
    if (session !== this.session || this.stopped) return;
    this.session++;
    this.live = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.d.logger.info('sync: the event stream ended', { kind: error.kind, message: error.message });
    if (error.kind === 'backpressure') {
      // The relay asks for a resync: catch up again now, no backoff.
      this.retryTimer = this.d.clock.setTimeout(() => this.connect(), 0);
      return;
    }
    this.attempt++;
    const delay = Math.max(
      error.retryAfterMs ?? 0,
      backoffDelay(this.attempt, this.d.unit(), this.d.backoff ?? DEFAULT_BACKOFF),
    );
    this.d.events.emit('connection', { state: 'reconnecting', attempt: this.attempt, retryInMs: delay });
    const waiting = this.session;
    this.retryTimer = this.d.clock.setTimeout(() => {
      this.retryTimer = undefined;
      if (this.stopped || waiting !== this.session) return;
      if (error.kind !== 'unauthenticated') return this.connect();
      this.d.hooks.renewSession().then(
        () => this.connect(),
        (renewError: unknown) => {
          this.d.logger.warn('sync: session renewal failed', { error: String(renewError) });
          this.dropped(
            this.session,
            renewError instanceof ProtocolError
              ? renewError
              : new ProtocolError('unavailable', 'session renewal failed'),
          );
        },
      );
    }, delay);
  }

  /** Live events, in order. Consecutive envelopes are applied together. */
  private handle(events: readonly RelayEventOut[]): void {
    let envelopes: EnvelopeOut[] = [];
    const flush = () => {
      if (envelopes.length === 0) return;
      const batch = envelopes;
      envelopes = [];
      const session = this.session;
      void this.enqueue(async () => {
        try {
          this.afterApply(await applyEnvelopes(this.d.apply, batch));
        } catch (error) {
          // Nothing of the batch was recorded; a catch-up from the cursor brings it back.
          if (isTransient(error))
            this.dropped(
              session,
              error instanceof ProtocolError ? error : new ProtocolError('unavailable', 'apply failed'),
            );
          else throw error;
        }
      });
    };
    for (const event of events) {
      switch (event.__typename) {
        case 'EnvelopeEvent':
          envelopes.push(event.envelope);
          break;
        case 'SignalEvent':
          this.d.hooks.onSignal(event);
          break;
        case 'MembershipEvent':
          flush();
          if (event.action === 'create')
            void this.enqueue(() => this.d.hooks.onCreated(event.conversationId));
          else void this.enqueue(() => this.d.hooks.onGroupEvent(event.conversationId));
          break;
        case 'KeyWrapEvent':
          flush();
          void this.enqueue(() => this.d.hooks.onGroupEvent(event.conversationId));
          break;
        case 'ResyncEvent':
          // The stream completes next; dropped() reconnects and catches up at once.
          this.resyncRequested = true;
          break;
      }
    }
    flush();
  }

  private afterApply(result: ApplyResult): void {
    this.d.hooks.afterApply(result);
    for (const id of result.gaps) this.gapConversations.add(id);
    if (this.gapConversations.size > 0 && this.gapTimer === undefined && !this.stopped) {
      // Wait a moment: a receipt for our own send, or the next live event, often fills it.
      this.gapTimer = this.d.clock.setTimeout(() => {
        this.gapTimer = undefined;
        const ids = [...this.gapConversations];
        this.gapConversations.clear();
        for (const id of ids) {
          void this.enqueue(() => fillGap(this.d.apply, this.d.api, id, (r) => this.d.hooks.afterApply(r)));
        }
      }, this.d.gapDelayMs ?? 300);
    }
  }
}
