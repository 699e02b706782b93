// Starts a real relay in-process on a free port (port 0) over PGlite, with a clock the test can
// move. One per test file: PGlite's first open costs seconds.
import { createSuite } from '@parley/crypto';
import pino from 'pino';
import type { Clock } from '../../src/clock';
import { defaultRelayConfig, type RelayConfig } from '../../src/config';
import { createMemoryPubSub } from '../../src/pubsub/memory-pubsub';
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
  readonly clock: TestClock;
  readonly config: RelayConfig;
  close(): Promise<void>;
}

export async function startRelay(overrides: Partial<RelayConfig> = {}): Promise<Harness> {
  const store = await createSqlStore(await openPgliteDb(undefined));
  const pubsub = createMemoryPubSub();
  const clock = new TestClock();
  const config = defaultRelayConfig(0, {
    siweDomain: DOMAIN,
    siweUri: URI,
    allowedOrigins: ['https://relay.test'],
    ...overrides,
  });
  const logger = pino({ level: process.env.RELAY_TEST_LOG ?? 'silent' });
  const relay = createRelay({ store, pubsub, clock, logger, config, suite: await createSuite() });
  const { port } = await relay.listen(0);
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    store,
    clock,
    config,
    async close() {
      await relay.close(500);
      await store.close();
    },
  };
}
