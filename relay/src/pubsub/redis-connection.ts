// The Redis command connection cluster mode uses for publishing and shared rate limits.
// Commands fail fast while disconnected (no offline queue: a rate limit falls back to its
// insurance bucket, a publish is skipped and other relays read the envelope from the database);
// the connection itself reconnects forever with a capped backoff.
import { Redis } from 'ioredis';
import type { Logger } from '../logger';

export function connectRedis(url: string, logger?: Logger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
  });
  // Each failed reconnect emits 'error'; unheard, ioredis prints it to stderr. The pub/sub
  // adapter logs the degraded and recovered transitions once each instead.
  redis.on('error', (err: Error) => logger?.debug({ err: err.message }, 'redis connection error'));
  return redis;
}
