// Sealed attachment blobs over HTTP: PUT /blobs/<sha256 hex> uploads (the relay checks the hash
// and the size cap), GET /blobs/<sha256 hex> downloads. Both need a session. The bytes are
// ciphertext the relay cannot open; it never logs them.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProtocolError } from '../deps/protocol';
import type { RelayContext } from '../graphql/context';
import { readBody } from './read-body';
import { sendJson } from './respond';

const PATH = /^\/blobs\/([0-9a-f]{64})$/;

export async function handleBlob(req: IncomingMessage, res: ServerResponse, ctx: RelayContext, path: string) {
  const session = ctx.requireSession();
  const id = PATH.exec(path)?.[1];
  if (id === undefined)
    throw new ProtocolError('bad_request', 'expected /blobs/<sha256 as 64 lowercase hex>');
  const s = ctx.services;
  if (req.method === 'PUT') {
    const data = await readBody(req, s.config.maxBlobBytes);
    const actual = createHash('sha256').update(data).digest('hex');
    if (actual !== id) throw new ProtocolError('bad_request', 'the blob does not hash to its id');
    await s.store.putBlob(id, data, session.address, s.clock.now());
    sendJson(res, 201, { id, size: data.length });
    return;
  }
  if (req.method === 'GET') {
    const data = await s.store.getBlob(id);
    if (data === undefined) throw new ProtocolError('not_found', 'no such blob');
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(data.length),
      'cache-control': 'private, max-age=31536000, immutable',
    });
    res.end(data);
    return;
  }
  throw new ProtocolError('bad_request', 'blobs take PUT or GET');
}
