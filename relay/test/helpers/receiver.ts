// A test client that receives the way the engine does (DESIGN.md §3): a live `events`
// subscription plus catch-up from a cursor, de-duplicated by (conversationId, seq). It records
// how each envelope arrived, and counts an envelope that one subscription delivered twice.
import type { Client } from 'graphql-ws';
import { gql, op, subscribeEvents, wsClient } from './client';

export interface Received {
  readonly clientId: string;
  readonly body: string;
  readonly senderAddress: string;
  readonly via: 'live' | 'catch-up';
}

interface EnvelopeOut {
  conversationId: string;
  seq: number;
  clientId: string;
  body: string;
  senderAddress: string;
}

const key = (e: { conversationId: string; seq: number }) => `${e.conversationId}:${e.seq}`;

function envelopeOf(event: Record<string, unknown>): EnvelopeOut | undefined {
  if (event.__typename !== 'EnvelopeEvent') return undefined;
  const e = event.envelope;
  return typeof e === 'object' && e !== null ? (e as EnvelopeOut) : undefined;
}

export class Receiver {
  /** Every envelope received, by `${conversationId}:${seq}`. */
  readonly received = new Map<string, Received>();
  /** Envelopes one subscription delivered more than once. */
  liveDuplicates = 0;
  /** Envelopes delivered live with a different client id than one already held (never expected). */
  conflicts = 0;
  private cursor: string | undefined;
  private client: Client | undefined;
  private sub: ReturnType<typeof subscribeEvents> | undefined;
  private consumed = 0;
  private liveKeys = new Set<string>();

  constructor(
    readonly token: string,
    readonly label: string,
  ) {}

  /** Opens a fresh subscription on `wsUrl` (closing any previous one). */
  async subscribe(wsUrl: string): Promise<void> {
    await this.unsubscribe();
    this.client = wsClient(wsUrl, this.token);
    this.sub = subscribeEvents(this.client);
    this.consumed = 0;
    this.liveKeys = new Set();
  }

  async unsubscribe(): Promise<void> {
    this.drain();
    this.sub?.dispose();
    await this.client?.dispose();
    this.sub = undefined;
    this.client = undefined;
  }

  /** True when the current subscription has errored or completed (its relay went away, a resync). */
  get broken(): boolean {
    const s = this.sub;
    return s === undefined || s.errors.length > 0 || s.completed;
  }

  /** The live events received so far on the current subscription, of any type. */
  liveEvents(): ReadonlyArray<Record<string, unknown>> {
    return this.sub?.events ?? [];
  }

  /** Moves newly pushed envelopes into `received`. */
  drain(): void {
    const events = this.sub?.events ?? [];
    for (; this.consumed < events.length; this.consumed++) {
      const e = envelopeOf(events[this.consumed] ?? {});
      if (e === undefined) continue;
      const k = key(e);
      if (this.liveKeys.has(k)) this.liveDuplicates++;
      this.liveKeys.add(k);
      this.hold(e, 'live');
    }
  }

  /** Catches up from the cursor through every page. */
  async catchUp(url: string): Promise<void> {
    type Page = { catchUp: { items: EnvelopeOut[]; hasMore: boolean; cursor: string } };
    for (;;) {
      const vars = this.cursor === undefined ? { first: 500 } : { cursor: this.cursor, first: 500 };
      const page = (await gql<Page>(url, op.catchUp, vars, this.token)).catchUp;
      for (const e of page.items) this.hold(e, 'catch-up');
      this.cursor = page.cursor;
      if (!page.hasMore) return;
    }
  }

  /** Resolves once `pred` holds over what was received (checked as events arrive). */
  async until(pred: () => boolean, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      this.drain();
      if (pred()) return;
      if (Date.now() > deadline) {
        throw new Error(`${this.label}: timed out with ${this.received.size} envelopes received`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private hold(e: EnvelopeOut, via: Received['via']) {
    const k = key(e);
    const had = this.received.get(k);
    if (had !== undefined) {
      if (had.clientId !== e.clientId || had.body !== e.body) this.conflicts++;
      return;
    }
    this.received.set(k, { clientId: e.clientId, body: e.body, senderAddress: e.senderAddress, via });
  }
}
