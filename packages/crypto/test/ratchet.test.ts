import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../src/primitives/bytes';
import { createSuite } from '../src/primitives/suite';
import { decodeRatchetMessage } from '../src/ratchet/ratchet-decrypt';
import type { RatchetState } from '../src/ratchet/ratchet-state';
import { establish, expectCryptoError, makeDevice, receive, send, untext } from './ratchet-fixtures';

describe.each(['webcrypto', 'noble'] as const)('Double Ratchet round trip (%s)', (backend) => {
  it('carries messages both ways across many DH steps', async () => {
    const suite = await createSuite({ backend });
    const [alice, bob] = [await makeDevice(suite), await makeDevice(suite)];
    const conv = suite.random(16);
    let { alice: a, bob: b } = await establish(suite, alice, bob, conv);
    const aliceKeys = new Set<string>();
    const bobKeys = new Set<string>();
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i <= round % 3; i++) {
        const s = await send(suite, a, conv, `a${round}.${i}`);
        a = s.state;
        aliceKeys.add(bytesToHex(decodeRatchetMessage(s.envelope).header.ratchetKey));
        const r = await receive(suite, b, s.envelope);
        expect(untext(r.plaintext)).toBe(`a${round}.${i}`);
        b = r.state;
      }
      const s = await send(suite, b, conv, `b${round}`);
      b = s.state;
      const header = decodeRatchetMessage(s.envelope).header;
      expect(header.prekey).toBeNull();
      bobKeys.add(bytesToHex(header.ratchetKey));
      const r = await receive(suite, a, s.envelope);
      expect(untext(r.plaintext)).toBe(`b${round}`);
      a = r.state;
    }
    // Every round trip is a new DH ratchet step on each side.
    expect(aliceKeys.size).toBe(8);
    expect(bobKeys.size).toBe(8);
  });
});

describe('Double Ratchet', async () => {
  const suite = await createSuite({ backend: 'webcrypto' });
  const [alice, bob] = [await makeDevice(suite), await makeDevice(suite)];
  const conv = suite.random(16);

  it('sends the prekey part until the initiator has received a reply', async () => {
    const { alice: a0, bob: b0 } = await establish(suite, alice, bob, conv);
    const s1 = await send(suite, a0, conv, 'second');
    expect(decodeRatchetMessage(s1.envelope).header.prekey?.baseKey).toHaveLength(32);
    const r1 = await receive(suite, b0, s1.envelope);
    const reply = await send(suite, r1.state, conv, 'reply');
    const a1 = (await receive(suite, s1.state, reply.envelope)).state;
    expect(a1.pendingPrekey).toBeNull();
    const s2 = await send(suite, a1, conv, 'third');
    expect(decodeRatchetMessage(s2.envelope).header.prekey).toBeNull();
  });

  it('opens every message of a shuffled conversation exactly once and refuses each replay', async () => {
    const base = await establish(suite, alice, bob, conv);
    const op = fc.record({ kind: fc.constantFrom('sendA', 'sendB', 'toB', 'toA'), pick: fc.nat() });
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 30, maxLength: 60 }),
        fc.array(fc.nat()),
        async (ops, tail) => {
          const state: Record<'A' | 'B', RatchetState> = { A: base.alice, B: base.bob };
          const inFlight: Record<'A' | 'B', Array<{ bytes: Uint8Array; text: string }>> = { A: [], B: [] };
          const opened = new Map<string, number>();
          let sent = 0;
          const deliver = async (to: 'A' | 'B', pick: number) => {
            const queue = inFlight[to];
            const [m] = queue.splice(pick % queue.length, 1);
            if (!m) return;
            const r = await receive(suite, state[to], m.bytes);
            expect(untext(r.plaintext)).toBe(m.text);
            opened.set(m.text, (opened.get(m.text) ?? 0) + 1);
            state[to] = r.state;
            // The same bytes again are a replay, and the refusal changes nothing.
            await expectCryptoError(receive(suite, state[to], m.bytes), 'replay');
          };
          for (const { kind, pick } of ops) {
            if ((kind === 'sendA' || kind === 'sendB') && sent < 30) {
              const from = kind === 'sendA' ? 'A' : 'B';
              const msg = `${from}${sent++}`;
              const s = await send(suite, state[from], conv, msg);
              state[from] = s.state;
              inFlight[from === 'A' ? 'B' : 'A'].push({ bytes: s.envelope, text: msg });
            } else if (kind === 'toA' && inFlight.A.length > 0) await deliver('A', pick);
            else if (kind === 'toB' && inFlight.B.length > 0) await deliver('B', pick);
          }
          let i = 0;
          while (inFlight.A.length + inFlight.B.length > 0) {
            const pick = tail[i++ % Math.max(1, tail.length)] ?? i;
            await deliver(
              inFlight.A.length > 0 && (pick % 2 === 0 || inFlight.B.length === 0) ? 'A' : 'B',
              pick,
            );
          }
          expect(opened.size).toBe(sent);
          expect([...opened.values()].every((n) => n === 1)).toBe(true);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('refuses a replay of a skipped message after it was opened', async () => {
    const { alice: a0, bob: b0 } = await establish(suite, alice, bob, conv);
    const m1 = await send(suite, a0, conv, 'one');
    const m2 = await send(suite, m1.state, conv, 'two');
    const b1 = (await receive(suite, b0, m2.envelope)).state;
    expect(b1.skipped).toHaveLength(1);
    const b2 = (await receive(suite, b1, m1.envelope)).state;
    expect(b2.skipped).toHaveLength(0);
    await expectCryptoError(receive(suite, b2, m1.envelope), 'replay');
    await expectCryptoError(receive(suite, b2, m2.envelope), 'replay');
  });

  it('a tampered message changes nothing, and the genuine one still opens', async () => {
    const { alice: a0, bob: b0 } = await establish(suite, alice, bob, conv);
    const m1 = await send(suite, a0, conv, 'skipped');
    const m2 = await send(suite, m1.state, conv, 'genuine');
    const snapshot = structuredClone(b0);
    for (const at of [m2.envelope.length - 30, 40, 80]) {
      const bad = m2.envelope.slice();
      bad[at] = (bad[at] as number) ^ 0x01;
      await expect(receive(suite, b0, bad)).rejects.toMatchObject({ name: 'CryptoError' });
      expect(b0).toEqual(snapshot);
    }
    const r2 = await receive(suite, b0, m2.envelope);
    expect(untext(r2.plaintext)).toBe('genuine');
    expect(untext((await receive(suite, r2.state, m1.envelope)).plaintext)).toBe('skipped');
  });

  it('a tampered message that would start a new chain changes nothing either', async () => {
    const { alice: a0, bob: b0 } = await establish(suite, alice, bob, conv);
    const reply = await send(suite, b0, conv, 'reply');
    const snapshot = structuredClone(a0);
    const bad = reply.envelope.slice();
    bad[bad.length - 5] = (bad[bad.length - 5] as number) ^ 0x80;
    await expectCryptoError(receive(suite, a0, bad), 'bad_mac');
    expect(a0).toEqual(snapshot);
    expect(untext((await receive(suite, a0, reply.envelope)).plaintext)).toBe('reply');
  });

  it('a message moved to another conversation id fails', async () => {
    const { alice: a0, bob: b0 } = await establish(suite, alice, bob, conv);
    const m = await send(suite, a0, conv, 'for this conversation');
    const moved = m.envelope.slice();
    moved.set(suite.random(16), 2);
    await expectCryptoError(receive(suite, b0, moved), 'bad_mac');
  });

  it('a message moved to another device pair fails', async () => {
    const carol = await makeDevice(suite);
    const ab = await establish(suite, alice, bob, conv);
    const ac = await establish(suite, alice, carol, conv);
    const m = await send(suite, ab.alice, conv, 'for bob only');
    // Carol holds a session with the same sender device, but not this one.
    await expectCryptoError(receive(suite, ac.bob, m.envelope), 'bad_mac');
    // Re-labelled as coming from another device, it is refused before any key is derived.
    const relabelled = m.envelope.slice();
    relabelled.set(carol.local.deviceId, 18);
    await expectCryptoError(receive(suite, ab.bob, relabelled), 'bad_input');
  });
});
