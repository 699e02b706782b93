// Shared rate limits in cluster mode, on a real Redis (scripts/services/redis.mjs): two relays'
// limiters draw from one bucket, and while Redis is down each falls back to its own in-memory
// insurance bucket instead of failing or letting everything through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRedis, startRedis } from '../../../scripts/services/redis.mjs';
import { ProtocolError } from '../deps/protocol';
import { connectRedis } from '../pubsub/redis-connection';
import { createRateLimits } from './rate-limits';

let redis: RunningRedis | undefined;
beforeAll(async () => {
  redis = await startRedis();
}, 300_000);
afterAll(() => redis?.stop());

async function kindOf(p: Promise<unknown>) {
  return p.then(
    () => 'ok',
    (e: unknown) => (e instanceof ProtocolError ? e.kind : String(e)),
  );
}

const waitReady = async (c: ReturnType<typeof connectRedis>, status: string) => {
  for (let i = 0; i < 400 && c.status !== status; i++) await new Promise((r) => setTimeout(r, 25));
  expect(c.status).toBe(status);
};

describe('rate limits through Redis', () => {
  it('shares a bucket between relays, and falls back to memory while Redis is down', async () => {
    const r = redis;
    if (r === undefined) throw new Error('redis did not start');
    const config = { walletPerMinute: 3, ipPerMinute: 100, connectionPer10s: 100 };
    const [c1, c2] = [connectRedis(r.url), connectRedis(r.url)];
    try {
      await waitReady(c1, 'ready');
      await waitReady(c2, 'ready');
      const relay1 = createRateLimits(config, c1);
      const relay2 = createRateLimits(config, c2);
      expect(await kindOf(relay1.consume('wallet', '0xaa'))).toBe('ok');
      expect(await kindOf(relay2.consume('wallet', '0xaa'))).toBe('ok');
      expect(await kindOf(relay1.consume('wallet', '0xaa'))).toBe('ok');
      // The fourth point, on either relay, finds the shared bucket empty.
      expect(await kindOf(relay2.consume('wallet', '0xaa'))).toBe('rate_limited');
      expect(await kindOf(relay1.consume('wallet', '0xbb'))).toBe('ok');

      await r.kill();
      await waitReady(c1, 'reconnecting');
      // Redis is gone: relay 1's own insurance bucket (3 points) answers for it.
      const during = [];
      for (let i = 0; i < 4; i++) during.push(await kindOf(relay1.consume('wallet', '0xcc')));
      expect(during).toEqual(['ok', 'ok', 'ok', 'rate_limited']);
      await r.start();
      await waitReady(c1, 'ready');
      await waitReady(c2, 'ready');
      // Back on Redis (which restarted empty): the shared bucket counts again.
      expect(await kindOf(relay1.consume('wallet', '0xdd', 3))).toBe('ok');
      expect(await kindOf(relay2.consume('wallet', '0xdd'))).toBe('rate_limited');
    } finally {
      c1.disconnect();
      c2.disconnect();
    }
  }, 60_000);
});
