import { describe, expect, it } from 'vitest';
import { CryptoError } from '../errors';
import { bytesToHex, equalBytes, hexToBytes } from './bytes';
import { createSuite } from './suite';

const L = 2n ** 252n + 27742317777372353535851937790883648493n;

function leAdd(bytes: Uint8Array, add: bigint): Uint8Array {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] as number);
  n += add;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

describe('primitives', async () => {
  const web = await createSuite({ backend: 'webcrypto' });
  const noble = await createSuite({ backend: 'noble' });

  it('detects WebCrypto in Node 20', () => {
    expect(web.ed25519.backend).toBe('webcrypto');
    expect(web.x25519.backend).toBe('webcrypto');
    expect(noble.ed25519.backend).toBe('noble');
  });

  it('signs identically and cross-verifies', async () => {
    const kp = await noble.ed25519.generateKeyPair();
    const msg = new TextEncoder().encode('hello');
    const a = await web.ed25519.sign(kp.privateKey, msg);
    const b = await noble.ed25519.sign(kp.privateKey, msg);
    expect(bytesToHex(a)).toBe(bytesToHex(b));
    expect(await web.ed25519.verify(kp.publicKey, msg, b)).toBe(true);
    expect(await noble.ed25519.verify(kp.publicKey, msg, a)).toBe(true);
  });

  it('both backends reject a malleable S + L signature', async () => {
    const kp = await noble.ed25519.generateKeyPair();
    const msg = new Uint8Array([1, 2, 3]);
    const sig = await noble.ed25519.sign(kp.privateKey, msg);
    const mall = new Uint8Array(sig);
    mall.set(leAdd(sig.subarray(32), L), 32);
    expect(await web.ed25519.verify(kp.publicKey, msg, mall)).toBe(false);
    expect(await noble.ed25519.verify(kp.publicKey, msg, mall)).toBe(false);
  });

  it('both backends reject a small-order public key', async () => {
    // The identity point: any signature with R = identity and S = 0 "verifies" under cofactorless
    // verification for the identity key. The shared policy refuses it on both paths.
    const identity = hexToBytes('0100000000000000000000000000000000000000000000000000000000000000');
    const sig = new Uint8Array(64);
    sig.set(identity, 0);
    for (const s of [web, noble])
      expect(await s.ed25519.verify(identity, new Uint8Array(0), sig)).toBe(false);
  });

  it('X25519 agrees across backends and refuses small-order keys', async () => {
    const a = await web.x25519.generateKeyPair();
    const b = await noble.x25519.generateKeyPair();
    const s1 = await web.x25519.sharedSecret(a.privateKey, b.publicKey);
    const s2 = await noble.x25519.sharedSecret(b.privateKey, a.publicKey);
    expect(equalBytes(s1, s2)).toBe(true);
    const zero = new Uint8Array(32);
    for (const s of [web, noble]) {
      await expect(s.x25519.sharedSecret(a.privateKey, zero)).rejects.toBeInstanceOf(CryptoError);
    }
  });
});

describe('X25519 public keys', async () => {
  const web = await createSuite({ backend: 'webcrypto' });
  const noble = await createSuite({ backend: 'noble' });
  it('the WebCrypto base-point derivation equals noble getPublicKey (RFC 7748 §6.1)', async () => {
    const alice = hexToBytes('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
    const expected = '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a';
    expect(bytesToHex(await web.x25519.publicKeyOf(alice))).toBe(expected);
    expect(bytesToHex(await noble.x25519.publicKeyOf(alice))).toBe(expected);
  });
});

describe('WebCrypto-generated key pairs', async () => {
  const web = await createSuite({ backend: 'webcrypto' });
  const noble = await createSuite({ backend: 'noble' });
  it('export private and public halves that belong together', async () => {
    for (const [gen, derive] of [
      [web.x25519, noble.x25519],
      [web.ed25519, noble.ed25519],
    ] as const) {
      const kp = await gen.generateKeyPair();
      expect(bytesToHex(await derive.publicKeyOf(kp.privateKey))).toBe(bytesToHex(kp.publicKey));
    }
    const a = await web.x25519.generateKeyPair();
    const b = await noble.x25519.generateKeyPair();
    expect(
      equalBytes(
        await web.x25519.sharedSecret(a.privateKey, b.publicKey),
        await noble.x25519.sharedSecret(b.privateKey, a.publicKey),
      ),
    ).toBe(true);
  });
});
