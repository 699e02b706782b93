// Per-connection state for graphql-ws: who signed in (from connection_init), the session
// expiry timer, and the congestion check the events stream uses for backpressure.
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { Auth, ConnectionHandle } from '../graphql/context';
import { deviceTopic, type PubSub, sessionTopic } from '../pubsub/pubsub';

export class Connection implements ConnectionHandle {
  readonly id = randomUUID();
  auth: Auth | undefined;
  private expiry: NodeJS.Timeout | undefined;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    readonly socket: WebSocket,
    readonly ip: string,
    private readonly backpressureBytes: number,
  ) {}

  congested(): boolean {
    return this.socket.bufferedAmount > this.backpressureBytes;
  }

  push(frame: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(frame);
  }

  /**
   * Closes the socket (through `onExpire`) when the session expires or is revoked (sign-out, or
   * its device revoked in the log), so no push outlives the session. After a Redis outage (a
   * `resync` event) a revocation may have been missed: `stillValid` asks the store again.
   */
  signedIn(
    auth: Auth,
    now: number,
    pubsub: PubSub,
    onExpire: () => void,
    stillValid: () => Promise<boolean>,
  ) {
    for (const topic of [
      sessionTopic(auth.tokenHash),
      deviceTopic(auth.session.address, auth.session.deviceId),
    ]) {
      this.unsubscribe.push(
        pubsub.subscribe(topic, (e) => {
          if (e.type === 'revoked') onExpire();
          if (e.type === 'resync') {
            stillValid().then(
              (ok) => {
                if (!ok) onExpire();
              },
              () => undefined,
            );
          }
        }),
      );
    }
    this.auth = auth;
    clearTimeout(this.expiry);
    // setTimeout's limit is 2^31-1 ms (~24.8 days); a longer session is re-checked on each operation.
    const delay = Math.min(auth.session.expiresAt - now, 2 ** 31 - 1);
    this.expiry = setTimeout(onExpire, Math.max(0, delay));
    this.expiry.unref();
  }

  dispose() {
    clearTimeout(this.expiry);
    for (const off of this.unsubscribe.splice(0)) off();
  }
}
