// @parley/relay: what other workspaces (e2e, bench, engine integration tests) need to run a real
// relay in-process. main.ts is the command-line entry point.
export { type Clock, systemClock } from './clock';
export { defaultRelayConfig, type EnvConfig, parseEnv, type RelayConfig } from './config';
export { createRateLimits, type RateLimits } from './limits/rate-limits';
export { createLogger, type Logger } from './logger';
export { createMemoryPubSub } from './pubsub/memory-pubsub';
export type { PubSub, PubSubHealth, RelayEvent } from './pubsub/pubsub';
export { connectRedis } from './pubsub/redis-connection';
export { createRedisPubSub, type RedisPubSubOptions } from './pubsub/redis-pubsub';
export { createRelay, type Relay, type RelayDeps } from './relay';
export { openPgDb } from './store/pg-db';
export { openPgliteDb } from './store/pglite-db';
export { createSqlStore } from './store/sql-store';
export type { RelayStore } from './store/store';
