import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptablePublicKey, acceptableSignature } from './ed25519-policy';
import { createSuite } from './suite';

const P = 2n ** 255n - 19n;

/** The slow reference: decompress and ask noble. */
function referenceAcceptable(point: Uint8Array): boolean {
  let y = 0n;
  for (let i = 31; i >= 0; i--) y = (y << 8n) | BigInt(point[i] as number);
  if ((y & ((1n << 255n) - 1n)) >= P) return false;
  try {
    return !ed25519.Point.fromBytes(point, false).isSmallOrder();
  } catch {
    return false;
  }
}

const torsion = (() => {
  const t = ed25519.Point.fromHex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a');
  const out: Uint8Array[] = [];
  let p = ed25519.Point.ZERO;
  for (let k = 0; k < 8; k++, p = p.add(t)) out.push(p.toBytes());
  return out;
})();

const validKey = ed25519.getPublicKey(new Uint8Array(32).fill(1));

describe('Ed25519 acceptance policy', async () => {
  const suites = [await createSuite({ backend: 'webcrypto' }), await createSuite({ backend: 'noble' })];

  it('refuses each of the eight torsion points as a key, and as R, on both backends', async () => {
    const kp = await suites[1]?.ed25519.generateKeyPair();
    if (!kp) throw new Error('no suite');
    const msg = new Uint8Array([7]);
    const good = await ed25519.sign(msg, kp.privateKey);
    for (const t of torsion) {
      expect(acceptablePublicKey(t)).toBe(false);
      const withR = good.slice();
      withR.set(t, 0);
      for (const s of suites) {
        expect(await s.ed25519.verify(t, msg, good)).toBe(false);
        expect(await s.ed25519.verify(kp.publicKey, msg, withR)).toBe(false);
      }
    }
  });

  it('agrees with decompression on random encodings, torsion points and their sign flips', () => {
    const interesting = fc.oneof(
      fc.uint8Array({ minLength: 32, maxLength: 32 }),
      fc.constantFrom(...torsion),
      fc.constantFrom(...torsion).map((t) => Uint8Array.of(...t.subarray(0, 31), (t[31] as number) ^ 0x80)),
    );
    fc.assert(
      fc.property(interesting, (point) => {
        // R = the point, with a valid public key and S = 0: the policy's verdict on R alone.
        const pub = validKey;
        const sig = new Uint8Array(64);
        sig.set(point, 0);
        const policyOnR = acceptableSignature(pub, sig);
        // Off-curve R passes the cheap policy (the backend refuses it); everything else agrees.
        const onCurve = (() => {
          try {
            ed25519.Point.fromBytes(point, false);
            return true;
          } catch {
            return false;
          }
        })();
        if (onCurve) expect(policyOnR).toBe(referenceAcceptable(point));
        expect(acceptablePublicKey(point)).toBe(referenceAcceptable(point));
      }),
      { numRuns: 500 },
    );
  });
});
