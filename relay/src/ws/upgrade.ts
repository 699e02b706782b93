// Refusing a WebSocket upgrade before it happens: a plain HTTP response on the raw socket.
import type { Duplex } from 'node:stream';
import type { ProtocolError } from '../deps/protocol';

const STATUS: Record<string, string> = {
  forbidden: '403 Forbidden',
  rate_limited: '429 Too Many Requests',
  not_found: '404 Not Found',
};

export function refuseUpgrade(socket: Duplex, e: ProtocolError) {
  const body = JSON.stringify({ errors: [{ message: e.message, extensions: { kind: e.kind } }] });
  const retry = e.retryAfterMs === undefined ? '' : `Retry-After: ${Math.ceil(e.retryAfterMs / 1000)}\r\n`;
  socket.end(
    `HTTP/1.1 ${STATUS[e.kind] ?? '400 Bad Request'}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n${retry}\r\n${body}`,
  );
}
