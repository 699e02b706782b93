import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openEnvelopeBody, sealEnvelope, verifyEnvelopeSignature } from '../src/envelope/envelope-body';
import { decodeEnvelope, encodeEnvelope, encodeHeader } from '../src/envelope/envelope-codec';
import { pad, unpad } from '../src/envelope/padding';
import { CryptoError } from '../src/errors';
import { bytesToHex, hexToBytes, utf8ToBytes } from '../src/primitives/bytes';
import { createSuite } from '../src/primitives/suite';
import { seededRandom } from './seeded-random';

const VECTOR = fileURLToPath(new URL('./vectors/envelope.json', import.meta.url));

function kindOf(e: unknown): string | undefined {
  return e instanceof CryptoError ? e.kind : undefined;
}

async function fixture(seed: string) {
  const random = seededRandom(seed);
  const suite = await createSuite({ backend: 'noble', random });
  const signer = await suite.ed25519.generateKeyPair();
  const base = {
    conversationId: random(16),
    senderDevice: random(16),
    kindHeader: hexToBytes('0000000200000007'),
    messageKey: random(32),
    random,
  };
  return { suite, signer, base };
}

describe('padding', () => {
  it('pads to 256-byte buckets and round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1100 }), (pt) => {
        const p = pad(pt);
        expect(p.length % 256).toBe(0);
        expect(p.length).toBeGreaterThan(pt.length);
        expect(bytesToHex(unpad(p))).toBe(bytesToHex(pt));
      }),
    );
  });
  it('rejects padding without a marker or with a marker too far back', () => {
    expect(() => unpad(new Uint8Array(256))).toThrow(CryptoError);
    const twoBuckets = new Uint8Array(512);
    twoBuckets[10] = 0x80;
    expect(() => unpad(twoBuckets)).toThrow(/bad padding/);
    expect(() => unpad(new Uint8Array(255))).toThrow(/bucket/);
  });
});

describe('envelope codec', () => {
  it('round-trips a signed group envelope and opens it', async () => {
    const { suite, signer, base } = await fixture('codec');
    const env = await sealEnvelope({
      ...base,
      kind: 'group',
      plaintext: utf8ToBytes('gm'),
      signer: { ed25519: suite.ed25519, privateKey: signer.privateKey },
    });
    const bytes = encodeEnvelope(env);
    const dec = decodeEnvelope(bytes);
    expect(dec.kind).toBe('group');
    expect(bytesToHex(dec.aad)).toBe(bytesToHex(encodeHeader(env)));
    await verifyEnvelopeSignature(suite.ed25519, dec, signer.publicKey);
    expect(new TextDecoder().decode(openEnvelopeBody(dec, base.messageKey))).toBe('gm');
  });

  it('any flipped bit of a signed envelope is rejected with a typed error', async () => {
    const { suite, signer, base } = await fixture('flip');
    const bytes = encodeEnvelope(
      await sealEnvelope({
        ...base,
        kind: 'group',
        plaintext: utf8ToBytes('offer: 1 WETH'),
        signer: { ed25519: suite.ed25519, privateKey: signer.privateKey },
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length * 8 - 1 }), async (bit) => {
        const t = bytes.slice();
        t[bit >> 3] = (t[bit >> 3] as number) ^ (1 << (bit & 7));
        const kind = await (async () => {
          try {
            const dec = decodeEnvelope(t);
            await verifyEnvelopeSignature(suite.ed25519, dec, signer.publicKey);
            openEnvelopeBody(dec, base.messageKey);
            return 'accepted';
          } catch (e) {
            return kindOf(e);
          }
        })();
        expect(['bad_input', 'unsupported', 'bad_signature']).toContain(kind);
      }),
      { numRuns: 200 },
    );
  });

  it('an unsigned ratchet envelope detects tampering through its AEAD tag', async () => {
    const { base } = await fixture('ratchet');
    const bytes = encodeEnvelope(
      await sealEnvelope({ ...base, kind: 'ratchet', plaintext: utf8ToBytes('hi') }),
    );
    for (const at of [2, 20, 40, 60, bytes.length - 2]) {
      const t = bytes.slice();
      t[at] = (t[at] as number) ^ 1;
      expect(() => openEnvelopeBody(decodeEnvelope(t), base.messageKey)).toThrow(
        expect.objectContaining({ kind: 'bad_mac' }),
      );
    }
  });

  it('refuses malformed frames: short, trailing bytes, wrong version, unknown kind, missing signature', async () => {
    const { base } = await fixture('malformed');
    const good = encodeEnvelope(
      await sealEnvelope({ ...base, kind: 'ratchet', plaintext: utf8ToBytes('x') }),
    );
    const cases: Array<[Uint8Array, string]> = [
      [good.slice(0, 40), 'bad_input'],
      [Uint8Array.of(...good, 0), 'bad_input'],
      [Uint8Array.of(2, ...good.slice(1)), 'unsupported'],
      [Uint8Array.of(1, 9, ...good.slice(2)), 'bad_input'],
      [Uint8Array.of(1, 2, ...good.slice(2)), 'bad_input'], // claims group, has no signature
      [new Uint8Array(49 * 1024), 'bad_input'],
    ];
    for (const [bytes, kind] of cases) {
      expect(() => decodeEnvelope(bytes)).toThrow(expect.objectContaining({ kind }));
    }
    expect(() => encodeEnvelope({ ...decodeEnvelope(good), kind: 'group' })).toThrow(/needs signature/);
  });

  it('matches the frozen vector byte for byte', async () => {
    const { suite, signer, base } = await fixture('frozen-envelope-v1');
    const ratchet = encodeEnvelope(
      await sealEnvelope({ ...base, kind: 'ratchet', plaintext: utf8ToBytes('hello') }),
    );
    const group = encodeEnvelope(
      await sealEnvelope({
        ...base,
        kind: 'group',
        plaintext: utf8ToBytes('hello, group'),
        signer: { ed25519: suite.ed25519, privateKey: signer.privateKey },
      }),
    );
    const actual = {
      note: 'seededRandom("frozen-envelope-v1"); see packages/crypto/test/envelope.test.ts',
      messageKey: bytesToHex(base.messageKey),
      signingPublicKey: bytesToHex(signer.publicKey),
      ratchet: bytesToHex(ratchet),
      group: bytesToHex(group),
    };
    if (process.env.UPDATE_VECTORS === '1') writeFileSync(VECTOR, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(VECTOR, 'utf8')));
  });
});
