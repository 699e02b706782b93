// GraphQL over WebSocket (graphql-ws, subprotocol graphql-transport-ws) at /graphql, on the same
// port as HTTP. The upgrade checks the path, the Origin allowlist and the per-IP bucket. ws runs
// with maxPayload (a bigger frame closes with 1009) and no perMessageDeflate. The session comes
// from connection_init's payload { token }, never from the URL.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type Context, handleProtocols, makeServer } from 'graphql-ws';
import { type WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import type { GraphQLError, GraphQLSchema } from '../deps/graphql';
import { ProtocolError } from '../deps/protocol';
import {
  closeCodeFor,
  closeReason,
  formatGraphQLError,
  protocolGraphQLError,
  toProtocolError,
} from '../errors';
import { RelayContext, type Services } from '../graphql/context';
import { isEngineEvents } from '../graphql/engine-events';
import { prepareOperation } from '../graphql/prepare';
import { authFromToken } from '../http/auth';
import { originAllowed } from '../http/origin';
import { clientIp } from '../http/router';
import { Connection } from './connection';
import { refuseUpgrade } from './upgrade';

const InitPayload = z.object({ token: z.string() });

type Extra = { readonly connection: Connection };

const format = (errors: readonly GraphQLError[], s: Services) =>
  errors.map((e) => formatGraphQLError(e, s.logger).toJSON());

export function createWsServer(s: Services, schema: GraphQLSchema) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: s.config.maxFrameBytes,
    perMessageDeflate: false,
    handleProtocols: (protocols) => handleProtocols(protocols),
  });

  const refuse = (c: Connection, e: ProtocolError) => {
    if (c.socket.readyState === c.socket.OPEN) c.socket.close(closeCodeFor(e.kind), closeReason(e));
  };

  const gql = makeServer<Record<string, unknown> | undefined, Extra>({
    schema,
    connectionInitWaitTimeout: s.config.connectionInitTimeoutMs,
    onConnect: async (ctx: Context<Record<string, unknown> | undefined, Extra>) => {
      const c = ctx.extra.connection;
      try {
        const init = InitPayload.safeParse(ctx.connectionParams ?? {});
        if (!init.success) throw new ProtocolError('unauthenticated', 'connection_init needs { token }');
        const auth = await authFromToken(s, init.data.token);
        c.signedIn(
          auth,
          s.clock.now(),
          s.pubsub,
          () => refuse(c, new ProtocolError('unauthenticated', 'the session expired or was revoked')),
          async () => (await s.store.findSession(auth.tokenHash, s.clock.now())) !== undefined,
        );
        return true;
      } catch (error) {
        refuse(c, toProtocolError(error, s.logger));
        return false;
      }
    },
    onSubscribe: async (ctx, id, payload) => {
      const c = ctx.extra.connection;
      // Counted before the first await: graphql-ws registers each operation synchronously, so
      // this count includes this one and every one started before it, and none started after.
      const active = Object.keys(ctx.subscriptions).length;
      try {
        if (active > s.config.maxSubscriptionsPerConnection) {
          throw new ProtocolError(
            'too_large',
            `at most ${s.config.maxSubscriptionsPerConnection} operations at once per connection`,
          );
        }
        const auth = c.auth;
        if (auth === undefined) throw new ProtocolError('unauthenticated', 'sign in first');
        // Re-checked per operation: a revoked or expired session stops working at once.
        if ((await s.store.findSession(auth.tokenHash, s.clock.now())) === undefined) {
          throw new ProtocolError('unauthenticated', 'the session is expired or revoked');
        }
        await s.limits.consume('wallet', auth.session.address);
        const prepared = prepareOperation(schema, s.config, payload);
        if (!('document' in prepared)) return prepared;
        return {
          schema,
          document: prepared.document,
          operationName: prepared.operationName,
          variableValues: prepared.variableValues,
          // The engine's own `events` document is answered with pre-serialised frames
          // (graphql/direct-events.ts); any other selection runs through GraphQL as usual.
          contextValue: new RelayContext(
            s,
            auth,
            c.ip,
            c,
            isEngineEvents(prepared.document, prepared.variableValues) ? id : undefined,
          ),
        };
      } catch (error) {
        return [protocolGraphQLError(toProtocolError(error, s.logger))];
      }
    },
    onNext: (_ctx, _id, _payload, _args, result) => {
      if (result.errors === undefined) return;
      return result.data === undefined
        ? { errors: format(result.errors, s) }
        : { data: result.data, errors: format(result.errors, s) };
    },
    onError: (_ctx, _id, _payload, errors) => format(errors, s),
  });

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const connection = new Connection(socket, clientIp(request), s.config.backpressureBytes);
    const log = s.logger.child({ connection: connection.id });
    socket.once('error', (err) => log.warn({ err: err.message }, 'socket error'));
    const closed = gql.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (err) => (err ? reject(err) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on('message', async (data) => {
            try {
              // Every frame costs a token from this connection's bucket: a flood closes it.
              await s.limits.consume('connection', connection.id);
              await cb(String(data));
            } catch (error) {
              const e = toProtocolError(error, log);
              refuse(connection, e);
            }
          }),
      },
      { connection },
    );
    socket.once('close', (code, reason) => {
      connection.dispose();
      log.debug({ code }, 'socket closed');
      void closed(code, reason.toString());
    });
  });

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      void (async () => {
        try {
          const path = new URL(req.url ?? '/', 'http://relay').pathname;
          if (path !== '/graphql')
            throw new ProtocolError('not_found', 'WebSockets are served at /graphql only');
          if (!originAllowed(req.headers.origin, s.config.allowedOrigins)) {
            throw new ProtocolError('forbidden', 'this origin may not use the relay');
          }
          await s.limits.consume('ip', clientIp(req));
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        } catch (error) {
          refuseUpgrade(socket, toProtocolError(error, s.logger));
        }
      })();
    },
    /** Closes every socket with 1001 (going away) and stops the server. */
    async close() {
      for (const client of wss.clients) client.close(1001, 'relay shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
