// Cluster test support: a real PostgreSQL (scripts/services/postgres.mjs) and a real Redis
// (scripts/services/redis.mjs) for one test file, and relays on them, either in-process (the
// harness, with the same adapters main.ts creates) or as child processes (main.ts itself).
import { startPostgres } from '../../../scripts/services/postgres.mjs';
import { type RunningRedis, startRedis } from '../../../scripts/services/redis.mjs';
import type { RelayConfig } from '../../src/config';
import { createRateLimits } from '../../src/limits/rate-limits';
import { connectRedis } from '../../src/pubsub/redis-connection';
import { createRedisPubSub } from '../../src/pubsub/redis-pubsub';
import { openPgDb } from '../../src/store/pg-db';
import { createSqlStore } from '../../src/store/sql-store';
import { type ChildRelay, startChildRelay } from './child-relay';
import { type Harness, startRelay } from './harness';

/** apt-get may first install postgresql and redis-server (about a minute on CI). */
export const SERVICES_TIMEOUT_MS = 300_000;

export interface ClusterServices {
  readonly databaseUrl: string;
  readonly redis: RunningRedis;
  stop(): void;
}

export async function startServices(): Promise<ClusterServices> {
  const pg = await startPostgres();
  try {
    const redis = await startRedis();
    return {
      databaseUrl: pg.url,
      redis,
      stop() {
        redis.stop();
        pg.stop();
      },
    };
  } catch (error) {
    pg.stop();
    throw error;
  }
}

/**
 * Fan-out timings for in-process relays: a fast poll while degraded, and a healthy tail poll so
 * slow that whatever arrives in a test arrived through Redis (or a gap fill it triggered).
 */
export const FAST_FANOUT = { pollMs: 100, idlePollMs: 60_000, gapGraceMs: 100 } as const;

/** A relay in this process on PostgreSQL and Redis, wired the way main.ts wires cluster mode. */
export function startClusterRelay(
  svc: ClusterServices,
  overrides: Partial<RelayConfig> = {},
): Promise<Harness> {
  return startRelay(overrides, async (logger, config) => {
    const store = await createSqlStore(await openPgDb(svc.databaseUrl));
    const redis = connectRedis(svc.redis.url);
    const pubsub = await createRedisPubSub({ redis, reads: store, logger, ...FAST_FANOUT });
    return {
      store,
      pubsub,
      limits: createRateLimits(config.rateLimits, redis),
      async close() {
        await pubsub.close();
        redis.disconnect();
        await store.close();
      },
    };
  });
}

/** `node relay/src/main.ts` in cluster mode, with limits loose enough for a load test. */
export function startClusterChild(svc: ClusterServices): Promise<ChildRelay> {
  return startChildRelay({
    DATABASE_URL: svc.databaseUrl,
    REDIS_URL: svc.redis.url,
    PUBLIC_URL: 'https://relay.test',
    RATE_WALLET_PER_MINUTE: '100000',
    RATE_IP_PER_MINUTE: '100000',
    RATE_CONNECTION_PER_10S: '100000',
  });
}
