// RFC 9180 Appendix A.2.1 (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305, base mode),
// checked byte for byte on both backends, including the intermediate values.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeNonce } from '../src/hpke/context';
import { decap, encap } from '../src/hpke/dhkem';
import { openBase, sealBase, setupBaseR, setupBaseS } from '../src/hpke/hpke';
import { keyScheduleBase } from '../src/hpke/key-schedule';
import { AEAD_ID, HPKE_SUITE_ID, KDF_ID, KEM_ID, KEM_SUITE_ID } from '../src/hpke/labeled-kdf';
import { bytesToHex, hexToBytes } from '../src/primitives/bytes';
import { createSuite } from '../src/primitives/suite';

interface Encryption {
  seq: number;
  aad: string;
  pt: string;
  nonce: string;
  ct: string;
}
interface Vector {
  mode: number;
  kem_id: number;
  kdf_id: number;
  aead_id: number;
  info: string;
  skRm: string;
  pkRm: string;
  skEm: string;
  pkEm: string;
  enc: string;
  shared_secret: string;
  key: string;
  base_nonce: string;
  encryptions: Encryption[];
}

const vector = JSON.parse(
  readFileSync(new URL('../../../../shared/vectors/hpke-rfc9180-a2-base.json', import.meta.url), 'utf8'),
) as Vector;
const h = hexToBytes;

describe('HPKE suite identifiers', () => {
  it('match the vector and RFC 9180 §5.1', () => {
    expect([vector.mode, vector.kem_id, vector.kdf_id, vector.aead_id]).toEqual([0, KEM_ID, KDF_ID, AEAD_ID]);
    expect(bytesToHex(KEM_SUITE_ID)).toBe('4b454d0020');
    expect(bytesToHex(HPKE_SUITE_ID)).toBe('48504b45002000010003');
  });
});

describe('nonce schedule', () => {
  // Reference: base_nonce XOR I2OSP(seq, 12), computed with BigInt.
  function reference(baseNonce: Uint8Array, seq: bigint): string {
    const n = BigInt(`0x${bytesToHex(baseNonce)}`) ^ seq;
    return n.toString(16).padStart(24, '0');
  }

  it('XORs the 96-bit big-endian sequence number into base_nonce, also past 2^32', () => {
    const base = h('ffeeddccbbaa998877665544');
    for (const seq of [
      0,
      1,
      255,
      256,
      2 ** 32 - 1,
      2 ** 32,
      2 ** 32 + 7,
      2 ** 40 + 12345,
      Number.MAX_SAFE_INTEGER,
    ]) {
      expect(bytesToHex(computeNonce(base, seq))).toBe(reference(base, BigInt(seq)));
    }
    expect(bytesToHex(base)).toBe('ffeeddccbbaa998877665544'); // not modified in place
  });

  it('rejects a sequence number that is negative, fractional or unsafe', () => {
    const base = new Uint8Array(12);
    for (const seq of [-1, 0.5, 2 ** 53, Number.NaN]) {
      expect(() => computeNonce(base, seq)).toThrow(expect.objectContaining({ kind: 'bad_input' }));
    }
  });
});

describe.each(['webcrypto', 'noble'] as const)('RFC 9180 A.2.1 base mode (%s)', async (backend) => {
  const suite = await createSuite({ backend });
  const info = h(vector.info);

  it('derives pkRm and pkEm from the private keys', async () => {
    expect(bytesToHex(await suite.x25519.publicKeyOf(h(vector.skRm)))).toBe(vector.pkRm);
    expect(bytesToHex(await suite.x25519.publicKeyOf(h(vector.skEm)))).toBe(vector.pkEm);
  });

  it('Encap and Decap give enc and shared_secret', async () => {
    const { enc, sharedSecret } = await encap(suite.x25519, h(vector.pkRm), h(vector.skEm));
    expect(bytesToHex(enc)).toBe(vector.enc);
    expect(bytesToHex(sharedSecret)).toBe(vector.shared_secret);
    expect(bytesToHex(await decap(suite.x25519, h(vector.enc), h(vector.skRm)))).toBe(vector.shared_secret);
  });

  it('the key schedule gives key and base_nonce, and the nonces per sequence number', () => {
    const ks = keyScheduleBase(h(vector.shared_secret), info);
    expect(bytesToHex(ks.key)).toBe(vector.key);
    expect(bytesToHex(ks.baseNonce)).toBe(vector.base_nonce);
    expect(ks.exporterSecret).toBeUndefined();
    for (const e of vector.encryptions) expect(bytesToHex(computeNonce(ks.baseNonce, e.seq))).toBe(e.nonce);
  });

  it('a sender context produces both ciphertexts in order, and a recipient context opens them', async () => {
    const { enc, context } = await setupBaseS({
      recipientPublicKey: h(vector.pkRm),
      info,
      ephemeralPrivateKey: h(vector.skEm),
      suite,
    });
    expect(bytesToHex(enc)).toBe(vector.enc);
    for (const e of vector.encryptions) {
      expect(context.seq).toBe(e.seq);
      expect(bytesToHex(context.seal(h(e.aad), h(e.pt)))).toBe(e.ct);
    }
    const recipient = await setupBaseR({ recipientPrivateKey: h(vector.skRm), enc, info, suite });
    for (const e of vector.encryptions) expect(bytesToHex(recipient.open(h(e.aad), h(e.ct)))).toBe(e.pt);
    expect(recipient.seq).toBe(vector.encryptions.length);
  });

  it('single-shot sealBase/openBase match the seq 0 encryption', async () => {
    const first = vector.encryptions[0];
    if (first === undefined) throw new Error('vector has no encryptions');
    const sealed = await sealBase({
      recipientPublicKey: h(vector.pkRm),
      info,
      aad: h(first.aad),
      plaintext: h(first.pt),
      ephemeralPrivateKey: h(vector.skEm),
      suite,
    });
    expect(bytesToHex(sealed.enc)).toBe(vector.enc);
    expect(bytesToHex(sealed.ciphertext)).toBe(first.ct);
    const opened = await openBase({
      recipientPrivateKey: h(vector.skRm),
      enc: h(vector.enc),
      info,
      aad: h(first.aad),
      ciphertext: h(first.ct),
      suite,
    });
    expect(bytesToHex(opened)).toBe(first.pt);
  });

  it('does not wipe a caller-supplied ephemeral private key', async () => {
    const skE = h(vector.skEm);
    await sealBase({
      recipientPublicKey: h(vector.pkRm),
      info,
      aad: h(''),
      plaintext: h('00'),
      ephemeralPrivateKey: skE,
      suite,
    });
    expect(bytesToHex(skE)).toBe(vector.skEm);
  });
});

describe('default suite', () => {
  it('sealBase and openBase work without a suite (noble, created lazily)', async () => {
    const first = vector.encryptions[0];
    if (first === undefined) throw new Error('vector has no encryptions');
    const sealed = await sealBase({
      recipientPublicKey: h(vector.pkRm),
      info: h(vector.info),
      aad: h(first.aad),
      plaintext: h(first.pt),
      ephemeralPrivateKey: h(vector.skEm),
    });
    expect(bytesToHex(sealed.ciphertext)).toBe(first.ct);
    const fresh = await sealBase({
      recipientPublicKey: h(vector.pkRm),
      info: h(vector.info),
      aad: h(first.aad),
      plaintext: h(first.pt),
    });
    expect(bytesToHex(fresh.enc)).not.toBe(vector.enc);
    const opened = await openBase({
      recipientPrivateKey: h(vector.skRm),
      enc: fresh.enc,
      info: h(vector.info),
      aad: h(first.aad),
      ciphertext: fresh.ciphertext,
    });
    expect(bytesToHex(opened)).toBe(first.pt);
  });
});
