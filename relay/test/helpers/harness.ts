// Starts a real relay in-process on a free port (port 0) over PGlite, with a clock the test can
// move. One per test file: PGlite's first open costs seconds.
import { createSuite } from '@parley/crypto';
import pino from 'pino';
import type { Clock } from '../../src/clock';
import { defaultRelayConfig, type RelayConfig } from '../../src/config';
import type { RateLimits } from '../../src/limits/rate-limits';
import type { Logger } from '../../src/logger';
import { createMemoryPubSub } from '../../src/pubsub/memory-pubsub';
import type { PubSub } from '../../src/pubsub/pubsub';
import { createRelay } from '../../src/relay';
import { openPgliteDb } from '../../src/store/pglite-db';
import { createSqlStore } from '../../src/store/sql-store';
import type { RelayStore } from '../../src/store/store';

export const DOMAIN = 'relay.test';
export const URI = 'https://relay.test';

export class TestClock implements Clock {
  private offset = 0;
  now() {
    return Date.now() + this.offset;
  }
  advance(ms: number) {
    this.offset += ms;
  }
}

export interface Harness {
  readonly url: string;
  readonly wsUrl: string;
  readonly store: RelayStore;
  readonly pubsub: PubSub;
  readonly clock: TestClock;
  readonly config: RelayConfig;
  close(): Promise<void>;
}

/** What a relay runs on; `close` releases it after the relay has closed. */
export interface Adapters {
  readonly store: RelayStore;
  readonly pubsub: PubSub;
  readonly limits?: RateLimits;
  close(): Promise<void>;
}

async function embedded(): Promise<Adapters> {
  const store = await createSqlStore(await openPgliteDb(undefined));
  const pubsub = createMemoryPubSub();
  return { store, pubsub, close: () => store.close() };
}

/** `open`: the adapters (cluster tests pass PostgreSQL and Redis); PGlite in memory by default. */
export async function startRelay(
  overrides: Partial<RelayConfig> = {},
  open: (logger: Logger, config: RelayConfig) => Promise<Adapters> = embedded,
): Promise<Harness> {
  const logger = pino({ level: process.env.RELAY_TEST_LOG ?? 'silent' });
  const clock = new TestClock();
  const config = defaultRelayConfig(0, {
    siweDomain: DOMAIN,
    siweUri: URI,
    allowedOrigins: ['https://relay.test'],
    ...overrides,
  });
  const adapters = await open(logger, config);
  const { store, pubsub } = adapters;
  const relay = createRelay({
    store,
    pubsub,
    clock,
    logger,
    config,
    suite: await createSuite(),
    ...(adapters.limits === undefined ? {} : { limits: adapters.limits }),
  });
  const { port } = await relay.listen(0);
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    store,
    pubsub,
    clock,
    config,
    async close() {
      await relay.close(500);
      await adapters.close();
    },
  };
}
