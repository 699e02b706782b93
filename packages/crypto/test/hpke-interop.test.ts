// Interop with an independent HPKE implementation (@hpke/core with @hpke/dhkem-x25519 and
// @hpke/chacha20poly1305): what we seal, it opens, and the other way round, single-shot and
// with multi-message contexts, on both of our backends.
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305';
import { CipherSuite, HkdfSha256 } from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';
import { describe, expect, it } from 'vitest';
import { openBase, sealBase, setupBaseR, setupBaseS } from '../src/hpke/hpke';
import { bytesToHex, utf8ToBytes } from '../src/primitives/bytes';
import { createSuite } from '../src/primitives/suite';

const theirs = new CipherSuite({
  kem: new DhkemX25519HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Chacha20Poly1305(),
});

const info = utf8ToBytes('parley/v1/test/hpke-interop');
const aad = utf8ToBytes('conversation 42, epoch 7');

describe.each(['webcrypto', 'noble'] as const)('HPKE interop with @hpke/core (%s)', async (backend) => {
  const suite = await createSuite({ backend });

  it('@hpke/core opens what sealBase produced', async () => {
    const recipient = await suite.x25519.generateKeyPair();
    const plaintext = suite.random(32);
    const { enc, ciphertext } = await sealBase({
      recipientPublicKey: recipient.publicKey,
      info,
      aad,
      plaintext,
      suite,
    });
    const recipientKey = await theirs.kem.deserializePrivateKey(recipient.privateKey);
    const opened = new Uint8Array(await theirs.open({ recipientKey, enc, info }, ciphertext, aad));
    expect(bytesToHex(opened)).toBe(bytesToHex(plaintext));
  });

  it('openBase opens what @hpke/core sealed', async () => {
    const recipient = await suite.x25519.generateKeyPair();
    const plaintext = utf8ToBytes('an epoch secret, or any other key');
    const recipientPublicKey = await theirs.kem.deserializePublicKey(recipient.publicKey);
    const sealed = await theirs.seal({ recipientPublicKey, info }, plaintext, aad);
    const opened = await openBase({
      recipientPrivateKey: recipient.privateKey,
      enc: new Uint8Array(sealed.enc),
      info,
      aad,
      ciphertext: new Uint8Array(sealed.ct),
      suite,
    });
    expect(bytesToHex(opened)).toBe(bytesToHex(plaintext));
  });

  it('our sender context interoperates over several messages, and the exporter agrees', async () => {
    const recipient = await suite.x25519.generateKeyPair();
    const { enc, context } = await setupBaseS({
      recipientPublicKey: recipient.publicKey,
      info,
      suite,
      exporter: true,
    });
    const recipientKey = await theirs.kem.deserializePrivateKey(recipient.privateKey);
    const other = await theirs.createRecipientContext({ recipientKey, enc, info });
    for (let i = 0; i < 3; i++) {
      const pt = utf8ToBytes(`message ${i}`);
      const ad = utf8ToBytes(`aad ${i}`);
      const opened = new Uint8Array(await other.open(context.seal(ad, pt), ad));
      expect(bytesToHex(opened)).toBe(bytesToHex(pt));
    }
    const exporterContext = utf8ToBytes('parley/v1/test/export');
    const ours = context.export(exporterContext, 42);
    expect(bytesToHex(ours)).toBe(bytesToHex(new Uint8Array(await other.export(exporterContext, 42))));
  });

  it("our recipient context opens @hpke/core's messages in order", async () => {
    const recipient = await suite.x25519.generateKeyPair();
    const recipientPublicKey = await theirs.kem.deserializePublicKey(recipient.publicKey);
    const sender = await theirs.createSenderContext({ recipientPublicKey, info });
    const context = await setupBaseR({
      recipientPrivateKey: recipient.privateKey,
      enc: new Uint8Array(sender.enc),
      info,
      suite,
      exporter: true,
    });
    for (let i = 0; i < 3; i++) {
      const pt = utf8ToBytes(`reply ${i}`);
      const ct = new Uint8Array(await sender.seal(pt, aad));
      expect(bytesToHex(context.open(aad, ct))).toBe(bytesToHex(pt));
    }
    const exporterContext = utf8ToBytes('parley/v1/test/export');
    expect(bytesToHex(context.export(exporterContext, 32))).toBe(
      bytesToHex(new Uint8Array(await sender.export(exporterContext, 32))),
    );
  });
});
