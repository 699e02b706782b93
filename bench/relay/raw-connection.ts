// A bench connection to the raw ws baseline server (raw-server.ts), with the same interface as
// the relay's, so the two are driven by the same code.
import WebSocket from 'ws';
import type { BenchConnection, Delivery, Subscription } from './bench-connection';

interface Frame {
  readonly t: string;
  readonly c?: string;
  readonly s?: number;
  readonly b?: string;
  readonly i?: string;
}

export async function openRawConnection(wsUrl: string): Promise<BenchConnection> {
  const socket = new WebSocket(wsUrl, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const receivers = new Map<string, (d: Delivery) => void>();
  const acks = new Map<string, { resolve: (seq: number) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  socket.on('message', (data) => {
    const f = JSON.parse(String(data)) as Frame;
    if (f.t === 'ev' && f.c !== undefined && f.s !== undefined && f.b !== undefined) {
      receivers.get(f.c)?.({ conv: f.c, seq: f.s, body: f.b });
    } else if (f.t === 'ack' && f.i !== undefined && f.s !== undefined) {
      acks.get(f.i)?.resolve(f.s);
      acks.delete(f.i);
    }
  });
  socket.on('close', () => {
    for (const a of acks.values()) a.reject(new Error('socket closed'));
    acks.clear();
  });
  return {
    subscribe(conv, onDelivery, _onEnd): Subscription {
      receivers.set(conv, onDelivery);
      socket.send(JSON.stringify({ t: 'join', c: conv }));
      return { dispose: () => receivers.delete(conv) };
    },
    send(conv, body) {
      const i = String(++nextId);
      return new Promise<number>((resolve, reject) => {
        acks.set(i, { resolve, reject });
        socket.send(JSON.stringify({ t: 'send', i, c: conv, b: body }));
      });
    },
    async close() {
      socket.close();
    },
  };
}
