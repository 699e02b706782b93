import { describe, expect, it } from 'vitest';
import { createSuite } from '../src/primitives/suite';
import {
  MAX_SKIP,
  MAX_SKIPPED_KEYS,
  type RatchetState,
  SKIPPED_KEY_TTL_MS,
} from '../src/ratchet/ratchet-state';
import { DAY, establish, expectCryptoError, makeDevice, receive, send, T0, untext } from './ratchet-fixtures';

describe('Double Ratchet limits', async () => {
  const suite = await createSuite({ backend: 'webcrypto' });
  const [alice, bob] = [await makeDevice(suite), await makeDevice(suite)];
  const conv = suite.random(16);

  /** `count` envelopes from `state`, and the state after them. */
  async function burst(state: RatchetState, count: number) {
    const envelopes: Uint8Array[] = [];
    let s = state;
    for (let i = 0; i < count; i++) {
      const out = await send(suite, s, conv, `m${i}`);
      envelopes.push(out.envelope);
      s = out.state;
    }
    return { envelopes, state: s };
  }

  it('skips at most 1,000 keys in one chain', async () => {
    const { alice: a0, bob: b0 } = await establish(suite, alice, bob, conv);
    // Bob has opened n = 0; Alice's next messages are n = 1 .. 1002.
    const { envelopes } = await burst(a0, MAX_SKIP + 2);
    const last = envelopes[MAX_SKIP + 1] as Uint8Array; // n = 1002: 1,001 keys to skip
    const atLimit = envelopes[MAX_SKIP] as Uint8Array; // n = 1001: exactly 1,000 keys to skip
    await expectCryptoError(receive(suite, b0, last), 'too_many_skipped');
    const r = await receive(suite, b0, atLimit);
    expect(r.state.skipped).toHaveLength(MAX_SKIP);
  });

  it('refuses a new chain that would skip more than 1,000 keys of the old one or the new one', async () => {
    const { alice: a0, bob: b0 } = await establish(suite, alice, bob, conv);
    const reply = await send(suite, b0, conv, 'reply');
    const a1 = (await receive(suite, a0, reply.envelope)).state;
    const newChain = await burst(a1, MAX_SKIP + 2);
    await expectCryptoError(
      receive(suite, reply.state, newChain.envelopes[MAX_SKIP + 1] as Uint8Array),
      'too_many_skipped',
    );
    // PN: Alice left 1,001 unread messages in her first chain before ratcheting.
    const { alice: x0, bob: y0 } = await establish(suite, alice, bob, conv);
    const unread = await burst(x0, MAX_SKIP + 1);
    const answer = await send(suite, y0, conv, 'answer');
    const x1 = (await receive(suite, unread.state, answer.envelope)).state;
    const next = await send(suite, x1, conv, 'next chain');
    await expectCryptoError(receive(suite, answer.state, next.envelope), 'too_many_skipped');
  });

  it('keeps at most 2,000 skipped keys, evicting the oldest', async () => {
    const { alice: a0, bob: b0 } = await establish(suite, alice, bob, conv);
    // Chain 1: Bob opens n = 1000 and skips n = 1 .. 999.
    const c1 = await burst(a0, 1000);
    let b = (await receive(suite, b0, c1.envelopes[999] as Uint8Array)).state;
    // Chain 2: after a reply, Bob opens n = 1000 and skips n = 0 .. 999.
    const reply1 = await send(suite, b, conv, 'r1');
    b = reply1.state;
    let a = (await receive(suite, c1.state, reply1.envelope)).state;
    const c2 = await burst(a, 1001);
    b = (await receive(suite, b, c2.envelopes[1000] as Uint8Array)).state;
    expect(b.skipped).toHaveLength(1999);
    // Chain 3: 11 more skipped keys push the 10 oldest of chain 1 out.
    const reply2 = await send(suite, b, conv, 'r2');
    b = reply2.state;
    a = (await receive(suite, c2.state, reply2.envelope)).state;
    const c3 = await burst(a, 12);
    b = (await receive(suite, b, c3.envelopes[11] as Uint8Array)).state;
    expect(b.skipped).toHaveLength(MAX_SKIPPED_KEYS);
    // c1.envelopes[i] is n = i + 1: n = 1 .. 10 were evicted, n = 11 is still there.
    await expectCryptoError(receive(suite, b, c1.envelopes[0] as Uint8Array), 'replay');
    await expectCryptoError(receive(suite, b, c1.envelopes[9] as Uint8Array), 'replay');
    expect(untext((await receive(suite, b, c1.envelopes[10] as Uint8Array)).plaintext)).toBe('m10');
    expect(untext((await receive(suite, b, c3.envelopes[0] as Uint8Array)).plaintext)).toBe('m0');
  });

  it('drops skipped keys after 30 days', async () => {
    const { alice: a0, bob: b0 } = await establish(suite, alice, bob, conv);
    const m1 = await send(suite, a0, conv, 'late');
    const m2 = await send(suite, m1.state, conv, 'early');
    const b1 = (await receive(suite, b0, m2.envelope, T0)).state;
    expect(b1.skipped).toHaveLength(1);
    const inTime = await receive(suite, b1, m1.envelope, T0 + SKIPPED_KEY_TTL_MS);
    expect(untext(inTime.plaintext)).toBe('late');
    await expectCryptoError(receive(suite, b1, m1.envelope, T0 + 30 * DAY + 1), 'replay');
    // Any later step, even sending, leaves the expired key behind.
    const later = await send(suite, b1, conv, 'ping', T0 + 31 * DAY);
    expect(later.state.skipped).toHaveLength(0);
    expect(b1.skipped).toHaveLength(1);
  });
});
