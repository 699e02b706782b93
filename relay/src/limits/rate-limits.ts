// Token buckets per wallet, per IP and per connection (rate-limiter-flexible, memory store; a
// Redis store comes with multi-process fan-out). An empty bucket is ProtocolError rate_limited
// with retryAfterMs.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../config';
import { ProtocolError } from '../deps/protocol';

export type Bucket = 'wallet' | 'ip' | 'connection';

export interface RateLimits {
  consume(bucket: Bucket, key: string, points?: number): Promise<void>;
}

export function createRateLimits(config: RateLimitConfig): RateLimits {
  const limiters: Record<Bucket, RateLimiterMemory> = {
    wallet: new RateLimiterMemory({ keyPrefix: 'w', points: config.walletPerMinute, duration: 60 }),
    ip: new RateLimiterMemory({ keyPrefix: 'i', points: config.ipPerMinute, duration: 60 }),
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
