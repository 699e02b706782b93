import { describe, expect, it } from 'vitest';
import {
  consumeOneTimePrekey,
  createDevicePrekeys,
  prekeyStoreOf,
  publishedPrekeys,
  replenishOneTimePrekeys,
  rotateSignedPrekey,
} from '../src/prekeys/device-prekeys';
import { verifyPrekeyBundle } from '../src/prekeys/prekey-bundle';
import {
  needsRotation,
  SIGNED_PREKEY_GRACE_MS,
  SIGNED_PREKEY_ROTATION_MS,
  signedPrekeyMessage,
  verifySignedPrekey,
} from '../src/prekeys/signed-prekey';
import { isCanonicalX25519 } from '../src/prekeys/x25519-public-key';
import { bytesToHex, concatBytes, hexToBytes, u32be } from '../src/primitives/bytes';
import { label } from '../src/primitives/kdf';
import { createSuite } from '../src/primitives/suite';
import { bundleOf, DAY, expectCryptoError, makeDevice, T0 } from './ratchet-fixtures';

describe('prekeys', async () => {
  const suite = await createSuite({ backend: 'webcrypto' });
  const device = await makeDevice(suite, 5);

  it('signs label(prekey/signed) || u32 id || public key with the device signing key', async () => {
    const spk = device.prekeys.signed;
    const expected = concatBytes(label('prekey/signed'), u32be(spk.id), spk.keyPair.publicKey);
    expect(bytesToHex(signedPrekeyMessage(spk.id, spk.keyPair.publicKey))).toBe(bytesToHex(expected));
    expect(await suite.ed25519.verify(device.signing.publicKey, expected, spk.signature)).toBe(true);
    await verifySignedPrekey(suite, device.signing.publicKey, publishedPrekeys(device.prekeys).signedPrekey);
  });

  it('refuses a signed prekey with a bad signature, another id or another signer', async () => {
    const spk = publishedPrekeys(device.prekeys).signedPrekey;
    const flipped = spk.signature.slice();
    flipped[5] = (flipped[5] as number) ^ 1;
    await expectCryptoError(
      verifySignedPrekey(suite, device.signing.publicKey, { ...spk, signature: flipped }),
      'bad_signature',
    );
    await expectCryptoError(
      verifySignedPrekey(suite, device.signing.publicKey, { ...spk, id: spk.id + 1 }),
      'bad_signature',
    );
    const other = await suite.ed25519.generateKeyPair();
    await expectCryptoError(verifySignedPrekey(suite, other.publicKey, spk), 'bad_signature');
  });

  it('verifies a bundle against the device log before use', async () => {
    const bundle = bundleOf(device);
    await verifyPrekeyBundle(suite, bundle, device.keys);
    const stranger = await makeDevice(suite, 0);
    // A relay that substitutes another device's identity or signing key is caught.
    await expectCryptoError(
      verifyPrekeyBundle(suite, { ...bundle, identityKey: stranger.keys.identityKey }, device.keys),
      'bad_key',
    );
    await expectCryptoError(
      verifyPrekeyBundle(
        suite,
        { ...bundle, signingKey: stranger.keys.signingKey, signedPrekey: bundleOf(stranger).signedPrekey },
        device.keys,
      ),
      'bad_key',
    );
    // A signed prekey from another device, signed by that device, does not verify under this one.
    await expectCryptoError(
      verifyPrekeyBundle(suite, { ...bundle, signedPrekey: bundleOf(stranger).signedPrekey }, device.keys),
      'bad_signature',
    );
    await expectCryptoError(
      verifyPrekeyBundle(
        suite,
        { ...bundle, oneTimePrekey: { id: 0xffffffff, publicKey: new Uint8Array(32) } },
        device.keys,
      ),
      'bad_input',
    );
  });

  it('accepts only the canonical encoding of an X25519 key', () => {
    const pMinus1 = hexToBytes('ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f');
    const p = hexToBytes('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f');
    const topBit = new Uint8Array(32);
    topBit[31] = 0x80;
    expect(isCanonicalX25519(pMinus1)).toBe(true);
    expect(isCanonicalX25519(p)).toBe(false);
    expect(isCanonicalX25519(topBit)).toBe(false);
    expect(isCanonicalX25519(new Uint8Array(31))).toBe(false);
  });

  it('rotates weekly and keeps the replaced signed prekey for the grace period', async () => {
    expect(needsRotation(T0, T0 + SIGNED_PREKEY_ROTATION_MS - 1)).toBe(false);
    expect(needsRotation(T0, T0 + SIGNED_PREKEY_ROTATION_MS)).toBe(true);
    const d = await makeDevice(suite, 1);
    const oldId = d.prekeys.signed.id;
    const rotatedAt = T0 + 7 * DAY;
    const rotated = await rotateSignedPrekey(suite, d.prekeys, d.signing.privateKey, rotatedAt);
    expect(rotated.signed.id).toBe(oldId + 1);
    expect(rotated.signed.createdAt).toBe(rotatedAt);
    await verifySignedPrekey(suite, d.signing.publicKey, publishedPrekeys(rotated).signedPrekey);
    const oldKey = d.prekeys.signed.keyPair;
    expect(prekeyStoreOf(rotated, rotatedAt + SIGNED_PREKEY_GRACE_MS - 1).signedPrekey(oldId)).toBe(oldKey);
    expect(prekeyStoreOf(rotated, rotatedAt + SIGNED_PREKEY_GRACE_MS).signedPrekey(oldId)).toBeUndefined();
    // A later rotation past the grace period drops the old key and wipes it.
    const again = await rotateSignedPrekey(
      suite,
      rotated,
      d.signing.privateKey,
      rotatedAt + SIGNED_PREKEY_GRACE_MS,
    );
    expect(again.retired.map((r) => r.id)).toEqual([oldId + 1]);
    expect(oldKey.privateKey.every((b) => b === 0)).toBe(true);
  });

  it('hands out each one-time prekey once and tops the set back up', async () => {
    const d = await makeDevice(suite, 3);
    expect(publishedPrekeys(d.prekeys).oneTimePrekeys.map((k) => k.id)).toEqual([1, 2, 3]);
    const used = d.prekeys.oneTime[1];
    if (!used) throw new Error('fixture has three one-time prekeys');
    const after = consumeOneTimePrekey(d.prekeys, used.id);
    expect(prekeyStoreOf(after, T0).oneTimePrekey(used.id)).toBeUndefined();
    expect(used.keyPair.privateKey.every((b) => b === 0)).toBe(true);
    const topped = await replenishOneTimePrekeys(suite, after, 5);
    expect(topped.added.map((k) => k.id)).toEqual([4, 5, 6]);
    expect(topped.prekeys.oneTime.map((k) => k.id)).toEqual([1, 3, 4, 5, 6]);
    const def = await createDevicePrekeys(suite, d.signing.privateKey, T0);
    expect(def.oneTime).toHaveLength(100);
  });
});
