// One client socket of the load generator, whichever server it talks to: the relay (graphql-ws)
// or the raw baseline. Receivers subscribe; senders send. Both servers number each conversation's
// messages with a gapless seq, which the delivery ledger uses.

export interface Delivery {
  readonly conv: string;
  readonly seq: number;
  readonly body: string;
}

export interface Subscription {
  /** Stops the subscription (graphql-ws `complete`); the socket stays open. */
  dispose(): void;
}

export interface BenchConnection {
  /**
   * Starts receiving `conv`'s messages (the relay's `events` covers all of the session's
   * conversations, so `conv` only matters to the raw server). `onEnd` runs if the server ends
   * the stream (the relay's ResyncEvent after backpressure, or an error).
   */
  subscribe(conv: string, onDelivery: (d: Delivery) => void, onEnd: (reason: string) => void): Subscription;
  /** Sends one body to `conv`; resolves with the seq the server gave it. */
  send(conv: string, body: string): Promise<number>;
  close(): Promise<void>;
}

export type TargetKind = 'relay' | 'raw';
