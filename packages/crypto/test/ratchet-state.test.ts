import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../src/primitives/bytes';
import { hmacSha256 } from '../src/primitives/kdf';
import { createSuite } from '../src/primitives/suite';
import { disposeRatchetState } from '../src/ratchet/ratchet-dispose';
import { decodeRatchetHeader, encodeRatchetHeader } from '../src/ratchet/ratchet-header';
import { kdfChain, kdfRoot } from '../src/ratchet/ratchet-kdf';
import { parseRatchetState } from '../src/ratchet/ratchet-state-parse';
import { establish, expectCryptoError, makeDevice, receive, send, untext } from './ratchet-fixtures';

const zeros = (n: number) => new Uint8Array(n);

describe('ratchet state and header', async () => {
  const suite = await createSuite({ backend: 'webcrypto' });
  const [alice, bob] = [await makeDevice(suite), await makeDevice(suite)];
  const conv = suite.random(16);

  it('survives a structured clone (IndexedDB) and parses back', async () => {
    const { alice: a0, bob: b0 } = await establish(suite, alice, bob, conv);
    const m1 = await send(suite, a0, conv, 'skipped');
    const m2 = await send(suite, m1.state, conv, 'stored');
    const b1 = (await receive(suite, b0, m2.envelope)).state;
    const restored = parseRatchetState(structuredClone(b1));
    expect(restored).toEqual(b1);
    expect(untext((await receive(suite, restored, m1.envelope)).plaintext)).toBe('skipped');
  });

  it('refuses a stored state of another version or with a damaged field', async () => {
    const { bob: b0 } = await establish(suite, alice, bob, conv);
    const stored = structuredClone(b0);
    expect(() => parseRatchetState({ ...stored, version: 2 })).toThrow(
      expect.objectContaining({ kind: 'unsupported' }),
    );
    expect(() => parseRatchetState({ ...stored, rootKey: zeros(31) })).toThrow(
      expect.objectContaining({ kind: 'bad_input' }),
    );
    expect(() => parseRatchetState({ ...stored, skipped: [{ n: -1 }] })).toThrow(
      expect.objectContaining({ kind: 'bad_input' }),
    );
    expect(() => parseRatchetState(null)).toThrow(expect.objectContaining({ kind: 'bad_input' }));
  });

  it('dispose wipes the secrets the next state dropped, and only those', async () => {
    const { alice: a0, bob: b0 } = await establish(suite, alice, bob, conv);
    const m1 = await send(suite, a0, conv, 'one');
    const m2 = await send(suite, m1.state, conv, 'two');
    const b1 = (await receive(suite, b0, m2.envelope)).state;
    const skippedKey = b1.skipped[0]?.messageKey;
    const b2 = (await receive(suite, b1, m1.envelope)).state;
    const oldChain = b0.receivingChain?.key;
    disposeRatchetState(b0, b1);
    disposeRatchetState(b1, b2);
    expect(oldChain?.every((x) => x === 0)).toBe(true);
    expect(skippedKey?.every((x) => x === 0)).toBe(true);
    // The live state is untouched and keeps working.
    const m3 = await send(suite, m2.state, conv, 'three');
    expect(untext((await receive(suite, b2, m3.envelope)).plaintext)).toBe('three');
  });

  it('encodes the kind header as flags | DHs | PN | N [| IK_A | EK_A | SPK id | OPK id]', () => {
    const key = (b: number) => new Uint8Array(32).fill(b);
    const plain = encodeRatchetHeader({ ratchetKey: key(1), previousCounter: 2, counter: 3, prekey: null });
    expect(bytesToHex(plain)).toBe(`00${'01'.repeat(32)}0000000200000003`);
    const prekey = { identityKey: key(4), baseKey: key(5), signedPrekeyId: 6, oneTimePrekeyId: null };
    const full = encodeRatchetHeader({ ratchetKey: key(1), previousCounter: 2, counter: 3, prekey });
    expect(bytesToHex(full)).toBe(
      `01${'01'.repeat(32)}0000000200000003${'04'.repeat(32)}${'05'.repeat(32)}00000006ffffffff`,
    );
    expect(decodeRatchetHeader(full).prekey).toEqual(prekey);
  });

  it('decodes the kind header strictly', () => {
    const plain = encodeRatchetHeader({
      ratchetKey: zeros(32).fill(9),
      previousCounter: 0,
      counter: 0,
      prekey: null,
    });
    const kind = expect.objectContaining({ kind: 'bad_input' });
    const withByte = (at: number, value: number) => {
      const b = plain.slice();
      b[at] = value;
      return b;
    };
    expect(() => decodeRatchetHeader(withByte(0, 2))).toThrow(kind);
    expect(() => decodeRatchetHeader(withByte(0, 1))).toThrow(kind); // prekey flag, no prekey part
    expect(() => decodeRatchetHeader(plain.subarray(0, 40))).toThrow(kind);
    expect(() => decodeRatchetHeader(withByte(32, 0x80))).toThrow(kind); // non-canonical ratchet key
  });

  it('KDF_CK is HMAC(ck, 0x01) / HMAC(ck, 0x02) and KDF_RK depends on AD', () => {
    const ck = zeros(32).fill(7);
    const step = kdfChain(ck);
    expect(bytesToHex(step.messageKey)).toBe(bytesToHex(hmacSha256(ck, new Uint8Array([1]))));
    expect(bytesToHex(step.chainKey)).toBe(bytesToHex(hmacSha256(ck, new Uint8Array([2]))));
    const a = kdfRoot(zeros(32), zeros(32).fill(1), new Uint8Array([1]));
    const b = kdfRoot(zeros(32), zeros(32).fill(1), new Uint8Array([2]));
    expect(bytesToHex(a.chainKey)).not.toBe(bytesToHex(b.chainKey));
    expect(bytesToHex(a.rootKey)).not.toBe(bytesToHex(b.rootKey));
  });

  it('a session that has not received yet cannot send', async () => {
    const { bob: b0 } = await establish(suite, alice, bob, conv);
    await expectCryptoError(send(suite, { ...b0, sendingChain: null }, conv, 'x'), 'bad_input');
  });
});
