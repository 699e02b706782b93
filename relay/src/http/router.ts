// The HTTP side of the one port: /healthz, /graphql, /blobs/<id>, and the PWA's static files.

import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROTOCOL_VERSION } from '@parley/protocol';
import { ProtocolError } from '../deps/protocol';
import { toProtocolError } from '../errors';
import { RelayContext, type Services } from '../graphql/context';
import { authFromHeader } from './auth';
import { handleBlob } from './blobs';
import type { GraphQLHttp } from './graphql-http';
import { originAllowed } from './origin';
import { sendError, sendJson } from './respond';
import { serveStatic } from './static-files';

export function clientIp(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

function corsHeaders(origin: string | undefined): Record<string, string> {
  if (origin === undefined) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-headers': 'authorization, content-type',
    'access-control-allow-methods': 'GET, POST, PUT',
    vary: 'Origin',
  };
}

export function createRouter(s: Services, graphql: GraphQLHttp) {
  const staticDir =
    s.config.staticDir !== undefined && existsSync(s.config.staticDir) ? s.config.staticDir : undefined;

  return async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://relay').pathname;
    const started = s.clock.now();
    // Method, path, status and time only: never headers (tokens) or bodies.
    res.once('finish', () =>
      s.logger.debug(
        { method: req.method, path, status: res.statusCode, ms: s.clock.now() - started },
        'http',
      ),
    );
    try {
      if (path === '/healthz') {
        // Degraded still answers 200: the relay serves every request, only cross-relay pushes
        // lag (docs/operations.md "Degraded mode"); taking it out of rotation would not help.
        const { mode, degraded } = s.pubsub.health();
        sendJson(res, 200, { ok: true, protocolVersion: PROTOCOL_VERSION, pubsub: mode, degraded });
        return;
      }
      if (path === '/graphql' || path.startsWith('/blobs/')) {
        const origin = req.headers.origin;
        if (!originAllowed(origin, s.config.allowedOrigins)) {
          throw new ProtocolError('forbidden', 'this origin may not use the relay');
        }
        for (const [k, v] of Object.entries(corsHeaders(origin))) res.setHeader(k, v);
        if (req.method === 'OPTIONS') {
          res.writeHead(204).end();
          return;
        }
        await s.limits.consume('ip', clientIp(req));
        const auth = await authFromHeader(s, req.headers.authorization);
        const ctx = new RelayContext(s, auth, clientIp(req), undefined);
        if (path === '/graphql') await graphql(req, res, ctx);
        else await handleBlob(req, res, ctx, path);
        return;
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && staticDir !== undefined) {
        if (await serveStatic(staticDir, path, res)) return;
      }
      sendJson(res, 404, { errors: [{ message: 'not found', extensions: { kind: 'not_found' } }] });
    } catch (error) {
      const e = toProtocolError(error, s.logger);
      sendError(res, e);
      // An unread oversized body is not drained: close the connection instead.
      if (e.kind === 'too_large') req.socket.end();
    }
  };
}
