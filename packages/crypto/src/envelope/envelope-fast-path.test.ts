// The single-allocation envelope paths used by group messages (envelope-codec.ts, envelope-body.ts)
// must produce and accept exactly what the general codec does, and opening must use the bytes the
// signature check verified, not the caller's array (docs/protocol.md §6.4).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/seeded-random';
import { CryptoError } from '../errors';
import { createEpoch } from '../group/epoch-state';
import { openGroupMessage } from '../group/group-open';
import { sealGroupMessage } from '../group/group-seal';
import { createGroupSession } from '../group/group-session';
import { bytesToHex, utf8ToBytes } from '../primitives/bytes';
import { sha256 } from '../primitives/kdf';
import { type Backend, createSuite } from '../primitives/suite';
import { openEnvelopeBody, sealEnvelope, sealSignedEnvelope, verifyEnvelopeSignature } from './envelope-body';
import { decodeEnvelope, decodeEnvelopeView, encodeEnvelope, encodeSignedEnvelope } from './envelope-codec';

const hex = (b: Uint8Array | undefined) => (b === undefined ? undefined : bytesToHex(b));

function fieldsHex(e: ReturnType<typeof decodeEnvelope>) {
  return {
    kind: e.kind,
    conversationId: hex(e.conversationId),
    senderDevice: hex(e.senderDevice),
    kindHeader: hex(e.kindHeader),
    nonce: hex(e.nonce),
    ciphertext: hex(e.ciphertext),
    signature: hex(e.signature),
    aad: hex(e.aad),
    signedBytes: hex(e.signedBytes),
  };
}

async function params(seed: string, plaintext: Uint8Array) {
  const random = seededRandom(seed);
  const suite = await createSuite({ backend: 'noble', random });
  const signer = await suite.ed25519.generateKeyPair();
  return {
    signer,
    suite,
    p: {
      kind: 'group' as const,
      conversationId: random(16),
      senderDevice: random(16),
      kindHeader: Uint8Array.of(0, 0, 0, 3, 0, 0, 0, 9),
      messageKey: random(32),
      plaintext,
      random,
      signer: { ed25519: suite.ed25519, privateKey: signer.privateKey },
    },
  };
}

describe('envelope fast path', () => {
  it('sealSignedEnvelope gives the bytes of encodeEnvelope(sealEnvelope(...)), and views decode alike', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 700 }), fc.string(), async (plaintext, seed) => {
        const a = await params(seed, plaintext);
        const b = await params(seed, plaintext);
        const fast = await sealSignedEnvelope(a.p);
        const general = encodeEnvelope(await sealEnvelope(b.p));
        expect(bytesToHex(fast)).toBe(bytesToHex(general));
        expect(fieldsHex(decodeEnvelopeView(fast))).toEqual(fieldsHex(decodeEnvelope(fast)));
        const verified = await verifyEnvelopeSignature(
          a.suite.ed25519,
          decodeEnvelopeView(fast),
          a.signer.publicKey,
        );
        expect(bytesToHex(openEnvelopeBody(verified, a.p.messageKey))).toBe(bytesToHex(plaintext));
      }),
      { numRuns: 20 },
    );
  });

  it('decodeEnvelope copies; decodeEnvelopeView follows the array', async () => {
    const { p } = await params('views', utf8ToBytes('gm'));
    const bytes = await sealSignedEnvelope(p);
    const copy = decodeEnvelope(bytes);
    const view = decodeEnvelopeView(bytes);
    const before = bytesToHex(copy.ciphertext);
    bytes.fill(0x55);
    expect(bytesToHex(copy.ciphertext)).toBe(before);
    expect(bytesToHex(view.ciphertext)).toBe('55'.repeat(view.ciphertext.length));
  });

  it('refuses a signature of the wrong length and a non-signed kind', async () => {
    const { p } = await params('refuse', utf8ToBytes('x'));
    const bytes = await sealSignedEnvelope(p);
    const kindOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof CryptoError ? e.kind : 'other';
      }
      return 'none';
    };
    expect(kindOf(() => encodeSignedEnvelope(bytes, new Uint8Array(63)))).toBe('bad_input');
    await expect(sealSignedEnvelope({ ...p, kind: 'ratchet' })).rejects.toMatchObject({ kind: 'bad_input' });
  });

  for (const backend of ['webcrypto', 'noble'] as Backend[]) {
    it(`openGroupMessage opens the verified copy even if the caller's array changes meanwhile (${backend})`, async () => {
      const suite = await createSuite({ backend });
      const devices = await Promise.all(
        [0, 1].map(async () => {
          const signing = await suite.ed25519.generateKeyPair();
          const agreement = await suite.x25519.generateKeyPair();
          return {
            member: {
              deviceId: suite.random(16),
              signingKey: signing.publicKey,
              agreementKey: agreement.publicKey,
            },
            signingPrivateKey: signing.privateKey,
          };
        }),
      );
      const [a, b] = devices;
      if (!a || !b) throw new Error('fixture');
      const epoch = createEpoch({
        random: suite.random,
        conversationId: suite.random(16),
        stateHash: sha256(utf8ToBytes('fast path')),
        members: [a.member, b.member],
        now: 1_000,
      });
      const sa = createGroupSession({ selfDevice: a.member.deviceId, epoch });
      const sb = createGroupSession({
        selfDevice: b.member.deviceId,
        epoch: { ...epoch, epochSecret: epoch.epochSecret.slice() },
      });
      const { envelope } = await sealGroupMessage(suite, sa, a.signingPrivateKey, utf8ToBytes('gm, group'));
      const opening = openGroupMessage(suite, sb, envelope);
      envelope.fill(0); // while the signature check is pending
      const opened = await opening;
      expect(new TextDecoder().decode(opened.plaintext)).toBe('gm, group');
      expect(bytesToHex(opened.senderDevice)).toBe(bytesToHex(a.member.deviceId));
    });
  }
});
