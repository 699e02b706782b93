import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../deps/protocol';
import { createRateLimits } from './rate-limits';

describe('rate limits', () => {
  it('refuses the point after the bucket is empty, per bucket and key, with retryAfterMs', async () => {
    const limits = createRateLimits({ walletPerMinute: 2, ipPerMinute: 1, connectionPer10s: 1 });
    await limits.consume('wallet', '0xa');
    await limits.consume('wallet', '0xa');
    await limits.consume('wallet', '0xb');
    await limits.consume('ip', '0xa');
    const refused = await limits.consume('wallet', '0xa').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ProtocolError);
    if (refused instanceof ProtocolError) {
      expect(refused.kind).toBe('rate_limited');
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    }
  });
});
