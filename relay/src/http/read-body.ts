// Reads a request body up to a cap. Over the cap (by Content-Length or while streaming) is
// ProtocolError too_large, raised before more than `maxBytes` is buffered.
import type { IncomingMessage } from 'node:http';
import { ProtocolError } from '../deps/protocol';

export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new ProtocolError('too_large', `the request body is over ${maxBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > maxBytes) throw new ProtocolError('too_large', `the request body is over ${maxBytes} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
