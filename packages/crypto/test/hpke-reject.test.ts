// HPKE rejects everything it should, with the right CryptoError kind: modified ciphertext, enc,
// aad or info; truncation; wrong lengths; small-order enc values; the wrong recipient key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CryptoError, type CryptoErrorKind } from '../src/errors';
import { type OpenBaseParams, openBase, sealBase, setupBaseR, setupBaseS } from '../src/hpke/hpke';
import { bytesToHex, hexToBytes, utf8ToBytes } from '../src/primitives/bytes';
import { createSuite } from '../src/primitives/suite';

/** Curve25519 u-coordinates of small order, canonical and not (RFC 7748 §5 masks bit 255). */
const SMALL_ORDER = [
  '0000000000000000000000000000000000000000000000000000000000000000', // 0
  '0100000000000000000000000000000000000000000000000000000000000000', // 1
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800', // order 8
  '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157', // order 8
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // p - 1 (order 2)
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // p = 0
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // p + 1 = 1
  '0000000000000000000000000000000000000000000000000000000000000080', // 0, bit 255 set
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b880', // order 8, bit 255 set
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', // p - 1, bit 255 set
];

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  out[bit >> 3] = (out[bit >> 3] as number) ^ (1 << (bit & 7));
  return out;
}

async function rejection(p: Promise<unknown>): Promise<CryptoErrorKind | 'resolved' | 'other'> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof CryptoError ? e.kind : 'other';
  }
}

describe.each(['webcrypto', 'noble'] as const)('HPKE rejections (%s)', async (backend) => {
  const suite = await createSuite({ backend });
  const recipient = await suite.x25519.generateKeyPair();
  const info = utf8ToBytes('parley/v1/test/hpke-reject');
  const aad = utf8ToBytes('header bytes');
  const plaintext = utf8ToBytes('the epoch secret');
  const sealed = await sealBase({ recipientPublicKey: recipient.publicKey, info, aad, plaintext, suite });
  const good: OpenBaseParams = {
    recipientPrivateKey: recipient.privateKey,
    enc: sealed.enc,
    info,
    aad,
    ciphertext: sealed.ciphertext,
    suite,
  };
  const open = (change: Partial<OpenBaseParams>) => rejection(openBase({ ...good, ...change }));

  it('the unmodified message opens', async () => {
    expect(bytesToHex(await openBase(good))).toBe(bytesToHex(plaintext));
  });

  it('a flipped bit anywhere in the ciphertext (body or tag) is bad_mac', async () => {
    for (const bit of [
      0,
      7,
      8 * 8 + 3,
      (sealed.ciphertext.length - 16) * 8,
      sealed.ciphertext.length * 8 - 1,
    ]) {
      expect(await open({ ciphertext: flipBit(sealed.ciphertext, bit) })).toBe('bad_mac');
    }
  });

  it('a flipped bit in enc is bad_mac, including bit 255 that X25519 itself ignores', async () => {
    // Bit 255 leaves the DH output unchanged, but enc is part of kem_context, so the keys differ.
    for (const bit of [0, 1, 100, 254, 255])
      expect(await open({ enc: flipBit(sealed.enc, bit) })).toBe('bad_mac');
  });

  it('a flipped bit in aad or info is bad_mac, and so is a missing aad', async () => {
    expect(await open({ aad: flipBit(aad, 5) })).toBe('bad_mac');
    expect(await open({ info: flipBit(info, 0) })).toBe('bad_mac');
    expect(await open({ aad: new Uint8Array(0) })).toBe('bad_mac');
  });

  it('a truncated ciphertext is bad_mac, and one shorter than the tag is bad_input', async () => {
    expect(await open({ ciphertext: sealed.ciphertext.subarray(0, sealed.ciphertext.length - 1) })).toBe(
      'bad_mac',
    );
    expect(await open({ ciphertext: sealed.ciphertext.subarray(0, 16) })).toBe('bad_mac');
    expect(await open({ ciphertext: sealed.ciphertext.subarray(0, 15) })).toBe('bad_input');
    expect(await open({ ciphertext: new Uint8Array(0) })).toBe('bad_input');
  });

  it('the wrong recipient key is bad_mac', async () => {
    const other = await suite.x25519.generateKeyPair();
    expect(await open({ recipientPrivateKey: other.privateKey })).toBe('bad_mac');
  });

  it.each(SMALL_ORDER)('a small-order enc %s is bad_key', async (hex) => {
    expect(await open({ enc: hexToBytes(hex) })).toBe('bad_key');
  });

  it('sealing to a small-order public key is bad_key', async () => {
    for (const hex of SMALL_ORDER) {
      const p = sealBase({ recipientPublicKey: hexToBytes(hex), info, aad, plaintext, suite });
      expect(await rejection(p)).toBe('bad_key');
    }
  });

  it('wrong lengths are bad_input', async () => {
    expect(await open({ enc: sealed.enc.subarray(0, 31) })).toBe('bad_input');
    expect(await open({ enc: new Uint8Array(33) })).toBe('bad_input');
    expect(await open({ recipientPrivateKey: recipient.privateKey.subarray(0, 31) })).toBe('bad_input');
    const seal = (change: object) =>
      rejection(
        sealBase({ recipientPublicKey: recipient.publicKey, info, aad, plaintext, suite, ...change }),
      );
    expect(await seal({ recipientPublicKey: new Uint8Array(31) })).toBe('bad_input');
    expect(await seal({ ephemeralPrivateKey: new Uint8Array(33) })).toBe('bad_input');
  });

  it('values that are not bytes are bad_input', async () => {
    const notBytes = 'abc' as unknown as Uint8Array;
    expect(await open({ info: notBytes })).toBe('bad_input');
    expect(await open({ aad: notBytes })).toBe('bad_input');
    expect(await open({ ciphertext: notBytes })).toBe('bad_input');
    expect(
      await rejection(
        sealBase({ recipientPublicKey: recipient.publicKey, info, aad, plaintext: notBytes, suite }),
      ),
    ).toBe('bad_input');
  });

  it('a context opens messages only in order; a failure does not advance it', async () => {
    const { enc, context } = await setupBaseS({ recipientPublicKey: recipient.publicKey, info, suite });
    const c0 = context.seal(aad, utf8ToBytes('zero'));
    const c1 = context.seal(aad, utf8ToBytes('one'));
    const r = await setupBaseR({ recipientPrivateKey: recipient.privateKey, enc, info, suite });
    expect(() => r.open(aad, c1)).toThrow(expect.objectContaining({ kind: 'bad_mac' }));
    expect(r.seq).toBe(0);
    expect(bytesToHex(r.open(aad, c0))).toBe(bytesToHex(utf8ToBytes('zero')));
    expect(bytesToHex(r.open(aad, c1))).toBe(bytesToHex(utf8ToBytes('one')));
    expect(() => r.open(aad, c1)).toThrow(expect.objectContaining({ kind: 'bad_mac' })); // replay
  });

  it('context seal/open with values that are not bytes are bad_input', async () => {
    const { enc, context } = await setupBaseS({ recipientPublicKey: recipient.publicKey, info, suite });
    const notBytes = [1, 2, 3] as unknown as Uint8Array;
    expect(() => context.seal(notBytes, plaintext)).toThrow(expect.objectContaining({ kind: 'bad_input' }));
    expect(() => context.seal(aad, notBytes)).toThrow(expect.objectContaining({ kind: 'bad_input' }));
    const r = await setupBaseR({ recipientPrivateKey: recipient.privateKey, enc, info, suite });
    expect(() => r.open(aad, notBytes)).toThrow(expect.objectContaining({ kind: 'bad_input' }));
    expect(context.seq).toBe(0);
  });

  it('a destroyed context refuses to work, and export needs an exporter', async () => {
    const { context } = await setupBaseS({ recipientPublicKey: recipient.publicKey, info, suite });
    expect(() => context.export(new Uint8Array(0), 32)).toThrow(
      expect.objectContaining({ kind: 'unsupported' }),
    );
    context.destroy();
    expect(() => context.seal(aad, plaintext)).toThrow(expect.objectContaining({ kind: 'bad_input' }));
  });

  it('property: random plaintext, aad and info round-trip; any single flipped ciphertext bit is bad_mac', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ maxLength: 64 }),
        fc.uint8Array({ maxLength: 64 }),
        fc.nat(),
        async (pt, ad, inf, flip) => {
          const s = await sealBase({
            recipientPublicKey: recipient.publicKey,
            info: inf,
            aad: ad,
            plaintext: pt,
            suite,
          });
          expect(s.ciphertext.length).toBe(pt.length + 16);
          const base = { recipientPrivateKey: recipient.privateKey, enc: s.enc, info: inf, aad: ad, suite };
          expect(bytesToHex(await openBase({ ...base, ciphertext: s.ciphertext }))).toBe(bytesToHex(pt));
          const tampered = flipBit(s.ciphertext, flip % (s.ciphertext.length * 8));
          expect(await rejection(openBase({ ...base, ciphertext: tampered }))).toBe('bad_mac');
        },
      ),
      { numRuns: 30 },
    );
  });
});
