// A bench connection to the relay: a real graphql-ws client (the package the engine uses) on a
// `ws` socket, signed in through connection_init { token }, using the engine's own operation
// documents (packages/protocol/src/graphql/operations.ts).
import { randomBytes } from 'node:crypto';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { OPERATIONS } from '../../packages/protocol/src/graphql/operations';
import type { BenchConnection, Delivery, Subscription } from './bench-connection';

interface EventsData {
  readonly events?: {
    readonly __typename?: string;
    readonly envelope?: { readonly conversationId: string; readonly seq: number; readonly body: string };
    readonly errorKind?: string;
  };
}

interface SendData {
  readonly send?: ReadonlyArray<{ readonly seq: number }>;
}

export interface RelayConnectionOptions {
  /**
   * Also read every frame to count `next` pushes for subscriptions this client has already
   * completed (a leaked subscription on the relay). Costs a second JSON parse per frame.
   */
  readonly watchStray?: boolean;
}

export interface RelayConnection extends BenchConnection {
  /** One `me` query, round trip: the relay has read every frame sent before it. */
  roundTrip(): Promise<void>;
  /** `next` frames for completed subscription ids since the last reset. */
  strayPushes(): number;
  resetStray(): void;
}

const message = (e: unknown): string =>
  e instanceof Error
    ? e.message
    : typeof e === 'object' && e !== null && 'code' in e
      ? `close ${String(e.code)}`
      : String(e);

/** Opens the socket and waits for connection_ack (or throws with the close reason). */
export async function openRelayConnection(
  wsUrl: string,
  token: string,
  options: RelayConnectionOptions = {},
): Promise<RelayConnection> {
  let nextId = 0;
  const live = new Set<string>();
  let stray = 0;
  const watch = (data: WebSocket.RawData) => {
    const frame = JSON.parse(String(data)) as { type?: string; id?: string };
    if (frame.type === 'next' && frame.id !== undefined && !live.has(frame.id)) stray++;
  };
  class WatchedSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', watch);
    }
  }
  let failed: ((e: unknown) => void) | undefined;
  const client: Client = createClient({
    url: wsUrl,
    webSocketImpl: options.watchStray === true ? WatchedSocket : WebSocket,
    connectionParams: { token },
    generateID: () => String(++nextId),
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: (e) => failed?.(e),
  });
  await new Promise<void>((resolve, reject) => {
    failed = (e) => reject(new Error(`connection refused: ${message(e)}`));
    const off = client.on('connected', () => {
      off();
      resolve();
    });
  });

  return {
    subscribe(_conv, onDelivery: (d: Delivery) => void, onEnd): Subscription {
      const id = String(nextId + 1);
      live.add(id);
      const dispose = client.subscribe<EventsData>(
        { query: OPERATIONS.events },
        {
          next: (r) => {
            const e = r.data?.events;
            if (e?.envelope !== undefined) {
              onDelivery({ conv: e.envelope.conversationId, seq: e.envelope.seq, body: e.envelope.body });
            } else if (e?.__typename === 'ResyncEvent') onEnd(`resync (${e.errorKind ?? ''})`);
            else if (r.errors !== undefined) onEnd(r.errors[0]?.message ?? 'error');
          },
          error: (e) => onEnd(message(e)),
          complete: () => live.delete(id),
        },
      );
      return {
        dispose() {
          live.delete(id);
          dispose();
        },
      };
    },
    send(conv, body) {
      const envelopes = [{ conversationId: conv, clientId: randomBytes(16).toString('hex'), body }];
      return new Promise<number>((resolve, reject) => {
        let seq: number | undefined;
        client.subscribe<SendData>(
          { query: OPERATIONS.send, variables: { envelopes } },
          {
            next: (r) => {
              if (r.errors !== undefined) reject(new Error(r.errors[0]?.message ?? 'send failed'));
              else seq = r.data?.send?.[0]?.seq;
            },
            error: (e) => reject(new Error(message(e))),
            complete: () => (seq === undefined ? reject(new Error('no receipt')) : resolve(seq)),
          },
        );
      });
    },
    roundTrip() {
      return new Promise<void>((resolve, reject) => {
        client.subscribe(
          { query: OPERATIONS.me },
          {
            next: (r) =>
              r.errors === undefined ? undefined : reject(new Error(r.errors[0]?.message ?? 'me failed')),
            error: (e) => reject(new Error(message(e))),
            complete: () => resolve(),
          },
        );
      });
    },
    strayPushes: () => stray,
    resetStray() {
      stray = 0;
    },
    async close() {
      await client.dispose();
    },
  };
}
