import { describe, expect, it } from 'vitest';
import { consumeOneTimePrekey, prekeyStoreOf } from '../src/prekeys/device-prekeys';
import { bytesToHex, concatBytes } from '../src/primitives/bytes';
import { hkdf, label } from '../src/primitives/kdf';
import { createSuite } from '../src/primitives/suite';
import { associatedData, x3dhInitiate, x3dhRespond } from '../src/x3dh/x3dh';
import { bundleOf, expectCryptoError, makeDevice, T0 } from './ratchet-fixtures';

describe.each(['webcrypto', 'noble'] as const)('X3DH (%s)', async (backend) => {
  const suite = await createSuite({ backend });
  const alice = await makeDevice(suite, 0);
  const bob = await makeDevice(suite, 2);

  it.each([true, false])('both sides derive the same SK and AD (one-time prekey: %s)', async (withOpk) => {
    const bundle = bundleOf(bob, withOpk);
    const init = await x3dhInitiate(suite, alice.local, bundle, bob.keys);
    expect(init.header.oneTimePrekeyId).toBe(withOpk ? 1 : null);
    const sk = bytesToHex(init.sk);
    const resp = await x3dhRespond(
      suite,
      bob.local,
      alice.local.deviceId,
      alice.keys.identityKey,
      init.header,
      prekeyStoreOf(bob.prekeys, T0),
    );
    expect(bytesToHex(resp.sk)).toBe(sk);
    expect(bytesToHex(resp.ad)).toBe(bytesToHex(init.ad));
    expect(resp.usedOneTimePrekeyId).toBe(withOpk ? 1 : null);
    expect(bytesToHex(init.ad)).toBe(
      bytesToHex(
        concatBytes(
          label('x3dh/ad'),
          alice.keys.identityKey,
          bob.keys.identityKey,
          alice.local.deviceId,
          bob.local.deviceId,
        ),
      ),
    );
  });

  it('computes SK = HKDF(F || DH1 || DH2 || DH3 || DH4, zeros, label(x3dh))', async () => {
    const bundle = bundleOf(bob, true);
    const init = await x3dhInitiate(suite, alice.local, bundle, bob.keys);
    const spk = bob.prekeys.signed.keyPair;
    const opk = bob.prekeys.oneTime[0]?.keyPair;
    if (!opk) throw new Error('fixture has a one-time prekey');
    const x = suite.x25519;
    const ek = init.header.baseKey;
    const ikm = concatBytes(
      new Uint8Array(32).fill(0xff),
      await x.sharedSecret(spk.privateKey, alice.keys.identityKey), // DH(IK_A, SPK_B)
      await x.sharedSecret(bob.local.identityKey.privateKey, ek), // DH(EK_A, IK_B)
      await x.sharedSecret(spk.privateKey, ek), // DH(EK_A, SPK_B)
      await x.sharedSecret(opk.privateKey, ek), // DH(EK_A, OPK_B)
    );
    expect(bytesToHex(init.sk)).toBe(bytesToHex(hkdf(ikm, new Uint8Array(32), label('x3dh'), 32)));
  });

  it('refuses a bundle whose signed prekey signature is bad', async () => {
    const bundle = bundleOf(bob);
    const signature = bundle.signedPrekey.signature.slice();
    signature[0] = (signature[0] as number) ^ 0x40;
    await expectCryptoError(
      x3dhInitiate(
        suite,
        alice.local,
        { ...bundle, signedPrekey: { ...bundle.signedPrekey, signature } },
        bob.keys,
      ),
      'bad_signature',
    );
  });

  it('the responder refuses a wrong identity key, an unknown signed prekey and a used one-time prekey', async () => {
    const init = await x3dhInitiate(suite, alice.local, bundleOf(bob), bob.keys);
    const store = prekeyStoreOf(bob.prekeys, T0);
    const respond = (header = init.header, s = store, identityKey = alice.keys.identityKey) =>
      x3dhRespond(suite, bob.local, alice.local.deviceId, identityKey, header, s);
    await expectCryptoError(respond(init.header, store, bob.keys.identityKey), 'bad_key');
    await expectCryptoError(respond({ ...init.header, signedPrekeyId: 99 }), 'bad_key');
    const id = init.header.oneTimePrekeyId;
    if (id === null) throw new Error('bundle had a one-time prekey');
    const used = await respond();
    expect(used.usedOneTimePrekeyId).toBe(id);
    // The caller deletes the reported key; the same first message (or another one on it) now fails.
    const after = prekeyStoreOf(consumeOneTimePrekey(bob.prekeys, id), T0);
    await expectCryptoError(respond(init.header, after), 'replay');
  });

  it('binds both device ids into AD', () => {
    const ik = new Uint8Array(32);
    const a = associatedData(ik, ik, new Uint8Array(16).fill(1), new Uint8Array(16).fill(2));
    const b = associatedData(ik, ik, new Uint8Array(16).fill(2), new Uint8Array(16).fill(1));
    expect(bytesToHex(a)).not.toBe(bytesToHex(b));
  });
});
