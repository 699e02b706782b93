// The `events` stream written straight to the socket, for the engine's own `events` document
// (OPERATIONS.events): each payload becomes a graphql-ws `next` frame around its shared JSON text
// (event-payloads.ts), so no GraphQL execution and no JSON.stringify runs per subscriber. To
// graphql-ws this is a subscription that never yields and completes when the stream ends (a
// resync), so its `complete` frame follows the last `next`; a client `complete` calls return().
import type { ConnectionHandle } from './context';
import { type EventPayload, resultJson } from './event-payloads';

export class DirectEvents implements AsyncIterableIterator<never> {
  private ended = false;
  private waiter: ((r: IteratorResult<never>) => void) | undefined;
  private readonly prefix: string;

  constructor(
    private readonly connection: ConnectionHandle,
    operationId: string,
    private readonly onClose: () => void,
  ) {
    this.prefix = `{"id":${JSON.stringify(operationId)},"type":"next","payload":`;
  }

  get closed(): boolean {
    return this.ended;
  }

  /** Writes one frame; the socket's own buffer is the queue (backpressure checks its size). */
  push(p: EventPayload): boolean {
    if (this.ended) return false;
    this.connection.push(`${this.prefix}${resultJson(p)}}`);
    return true;
  }

  /** Writes `last`, then completes. */
  end(last?: EventPayload): void {
    if (this.ended) return;
    if (last !== undefined) this.push(last);
    this.finish();
  }

  next(): Promise<IteratorResult<never>> {
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  return(): Promise<IteratorResult<never>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<never> {
    return this;
  }

  private finish() {
    if (this.ended) return;
    this.ended = true;
    this.onClose();
    const w = this.waiter;
    this.waiter = undefined;
    w?.({ value: undefined, done: true });
  }
}
