// The relay's entry point: the only place that creates concrete adapters. Reads the environment
// (docs/relay.md lists every variable), opens storage (PGlite in DATA_DIR, or PostgreSQL when
// DATABASE_URL is set), picks fan-out (in-process, or Redis when REDIS_URL is set: cluster mode,
// docs/operations.md), starts the relay, and shuts down gracefully on SIGTERM and SIGINT.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from './clock';
import { parseEnv } from './config';
import { createRateLimits } from './limits/rate-limits';
import { createLogger } from './logger';
import { createMemoryPubSub } from './pubsub/memory-pubsub';
import { connectRedis } from './pubsub/redis-connection';
import { createRedisPubSub } from './pubsub/redis-pubsub';
import { createRelay } from './relay';
import { openPgDb } from './store/pg-db';
import { openPgliteDb } from './store/pglite-db';
import { createSqlStore } from './store/sql-store';
import type { RelayStore } from './store/store';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const env = parseEnv(process.env, resolve(repoRoot, 'apps/web/dist'));
const logger = createLogger(env.logLevel);

const fail = (what: string) => (err: unknown) => {
  logger.fatal({ err: err instanceof Error ? err.message : String(err) }, what);
  process.exit(1);
};

async function openStore() {
  if (env.databaseUrl !== undefined) {
    logger.info({ storage: 'postgresql' }, 'opening storage');
    return createSqlStore(await openPgDb(env.databaseUrl));
  }
  const dir = resolve(env.dataDir);
  mkdirSync(dir, { recursive: true });
  logger.info({ storage: 'pglite', dataDir: dir }, 'opening storage');
  return createSqlStore(await openPgliteDb(dir));
}

/** Cluster mode: one command connection (publish, rate limits) and the adapter's subscriber. */
async function openFanout(store: RelayStore) {
  if (env.redisUrl === undefined) return { pubsub: createMemoryPubSub(), redis: undefined };
  logger.info({ pubsub: 'redis', channel: env.redisChannel }, 'cluster mode');
  const redis = connectRedis(env.redisUrl, logger);
  const pubsub = await createRedisPubSub({ redis, reads: store, logger, channel: env.redisChannel });
  return { pubsub, redis };
}

const store = await openStore().catch(fail('storage failed to open'));
const { pubsub, redis } = await openFanout(store).catch(fail('fan-out failed to start'));
const limits = createRateLimits(env.relay.rateLimits, redis);
const relay = createRelay({ store, pubsub, limits, clock: systemClock, logger, config: env.relay });
await relay.listen(env.port, env.host).catch((err: unknown) => {
  logger.fatal({ err: err instanceof Error ? err.message : String(err), port: env.port }, 'failed to listen');
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  try {
    await relay.close();
    await pubsub.close();
    redis?.disconnect();
    await store.close();
    process.exit(0);
  } catch (err) {
    logger.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
