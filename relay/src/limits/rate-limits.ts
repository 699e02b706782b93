// Token buckets per wallet, per IP and per connection (rate-limiter-flexible). With a Redis
// client (cluster mode) the wallet and IP buckets live in Redis, so every relay draws from the
// same bucket; while Redis is not ready each relay falls back to an in-memory insurance bucket of
// the same size (so the limit is at most N times looser during an outage, never absent). The
// connection bucket stays in memory: a connection lives on one relay. An empty bucket is
// ProtocolError rate_limited with retryAfterMs.
import type { Redis } from 'ioredis';
import {
  type RateLimiterLike,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RLWrapperTimeouts,
} from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../config';
import { ProtocolError } from '../deps/protocol';

export type Bucket = 'wallet' | 'ip' | 'connection';

export interface RateLimits {
  consume(bucket: Bucket, key: string, points?: number): Promise<void>;
}

const REDIS_PREFIX = 'parley:v1:rl:';
const REDIS_TIMEOUT_MS = 250;

function shared(redis: Redis | undefined, keyPrefix: string, points: number, duration: number) {
  const insuranceLimiter = new RateLimiterMemory({ keyPrefix, points, duration });
  if (redis === undefined) return insuranceLimiter;
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${REDIS_PREFIX}${keyPrefix}`,
    points,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter,
  });
  // A partition that drops packets without a reset leaves the connection "ready": without a
  // timeout every request would wait for the command timeout. Slower than this, insurance answers.
  return new RLWrapperTimeouts({ limiter, insuranceLimiter, timeoutMs: REDIS_TIMEOUT_MS });
}

/** `redis`: the command connection (created with enableOfflineQueue: false) in cluster mode. */
export function createRateLimits(config: RateLimitConfig, redis?: Redis): RateLimits {
  const limiters: Record<Bucket, RateLimiterLike> = {
    wallet: shared(redis, 'w', config.walletPerMinute, 60),
    ip: shared(redis, 'i', config.ipPerMinute, 60),
    connection: new RateLimiterMemory({ keyPrefix: 'c', points: config.connectionPer10s, duration: 10 }),
  };
  return {
    async consume(bucket, key, points = 1) {
      try {
        await limiters[bucket].consume(key, points);
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          throw new ProtocolError('rate_limited', `too many requests (${bucket}); slow down`, {
            retryAfterMs: Math.max(1, Math.ceil(error.msBeforeNext)),
          });
        }
        throw error;
      }
    },
  };
}
