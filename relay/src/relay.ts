// createRelay: the whole relay over its ports (store, pub/sub, clock, logger, config). It owns
// the HTTP server and the WebSocket server on one port; the caller owns the ports and closes
// them after close(). Tests start it in-process on port 0.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from './clock';
import type { RelayConfig } from './config';
import { type CryptoSuite, createSuite } from './deps/crypto';
import type { Services } from './graphql/context';
import { createSchema } from './graphql/schema';
import { createGraphQLHttp } from './http/graphql-http';
import { createRouter } from './http/router';
import { createRateLimits, type RateLimits } from './limits/rate-limits';
import type { Logger } from './logger';
import type { PubSub } from './pubsub/pubsub';
import type { RelayStore } from './store/store';
import { createWsServer } from './ws/server';

export interface RelayDeps {
  readonly store: RelayStore;
  readonly pubsub: PubSub;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly config: RelayConfig;
  /** Ed25519 for device signatures; createSuite() when omitted. */
  readonly suite?: CryptoSuite;
  /** Rate limits; in-memory buckets from config.rateLimits when omitted (cluster mode shares Redis). */
  readonly limits?: RateLimits;
}

export interface Relay {
  /** Starts listening; port 0 picks a free one. Resolves with the bound port. */
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  /** Stops accepting, closes sockets (1001), waits for in-flight HTTP requests (up to `graceMs`). */
  close(graceMs?: number): Promise<void>;
}

export function createRelay(deps: RelayDeps): Relay {
  let server: Server | undefined;
  let ws: ReturnType<typeof createWsServer> | undefined;
  return {
    async listen(port, host = '127.0.0.1') {
      const suite = deps.suite ?? (await createSuite());
      const limits = deps.limits ?? createRateLimits(deps.config.rateLimits);
      const services: Services = { ...deps, suite, limits };
      const schema = createSchema();
      const router = createRouter(services, createGraphQLHttp(schema));
      ws = createWsServer(services, schema);
      const wsServer = ws;
      server = createServer(
        { requestTimeout: 60_000, headersTimeout: 15_000 },
        (req, res) => void router(req, res),
      );
      server.on('upgrade', (req, socket, head) => wsServer.handleUpgrade(req, socket, head));
      const srv = server;
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(port, host, () => resolve());
      });
      const bound = (srv.address() as AddressInfo | null)?.port ?? port;
      deps.logger.info({ port: bound, host }, 'listening');
      return { port: bound, url: `http://${host}:${bound}` };
    },
    async close(graceMs = 5_000) {
      const srv = server;
      if (srv === undefined) return;
      server = undefined;
      const closed = new Promise<void>((resolve) => srv.close(() => resolve()));
      await ws?.close();
      srv.closeIdleConnections();
      const timer = setTimeout(() => srv.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
      deps.logger.info('closed');
    },
  };
}
