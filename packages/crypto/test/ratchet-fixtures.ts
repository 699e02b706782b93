// Devices, bundles and established sessions for the prekey, X3DH, ratchet and fan-out tests.
import { expect } from 'vitest';
import { CryptoError, type CryptoErrorKind } from '../src/errors';
import { createDevicePrekeys, type DevicePrekeys, prekeyStoreOf } from '../src/prekeys/device-prekeys';
import type { DeviceKeysFromLog, PrekeyBundle } from '../src/prekeys/prekey-bundle';
import { publicSignedPrekey } from '../src/prekeys/signed-prekey';
import type { KeyPair } from '../src/primitives/ed25519';
import type { CryptoSuite } from '../src/primitives/suite';
import { decodeRatchetMessage, ratchetDecrypt } from '../src/ratchet/ratchet-decrypt';
import { ratchetEncrypt } from '../src/ratchet/ratchet-encrypt';
import { initiatorState, responderState } from '../src/ratchet/ratchet-session';
import type { RatchetState } from '../src/ratchet/ratchet-state';
import { type LocalIdentity, x3dhInitiate, x3dhRespond } from '../src/x3dh/x3dh';

export const T0 = Date.UTC(2026, 0, 1);
export const DAY = 24 * 60 * 60 * 1000;

export interface TestDevice {
  readonly local: LocalIdentity;
  readonly signing: KeyPair;
  readonly keys: DeviceKeysFromLog;
  prekeys: DevicePrekeys;
}

export async function makeDevice(suite: CryptoSuite, oneTimeCount = 3, now = T0): Promise<TestDevice> {
  const deviceId = suite.random(16);
  const identityKey = await suite.x25519.generateKeyPair();
  const signing = await suite.ed25519.generateKeyPair();
  const prekeys = await createDevicePrekeys(suite, signing.privateKey, now, oneTimeCount);
  return {
    local: { deviceId, identityKey },
    signing,
    keys: { deviceId, identityKey: identityKey.publicKey, signingKey: signing.publicKey },
    prekeys,
  };
}

/** The bundle the relay would hand out, with the device's first unused one-time prekey if asked. */
export function bundleOf(device: TestDevice, withOneTime = true): PrekeyBundle {
  const opk = device.prekeys.oneTime[0];
  const base = { ...device.keys, signedPrekey: publicSignedPrekey(device.prekeys.signed) };
  return withOneTime && opk
    ? { ...base, oneTimePrekey: { id: opk.id, publicKey: opk.keyPair.publicKey } }
    : base;
}

export const text = (s: string) => new TextEncoder().encode(s);
export const untext = (b: Uint8Array) => new TextDecoder().decode(b);

export async function expectCryptoError(p: Promise<unknown>, kind: CryptoErrorKind): Promise<void> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CryptoError);
  expect((error as CryptoError).kind).toBe(kind);
}

/**
 * A session between `alice` (initiator) and `bob` at the ratchet layer: Alice's first message has
 * been delivered, so Bob holds a session too. Returns both states and the first envelope.
 */
export async function establish(
  suite: CryptoSuite,
  alice: TestDevice,
  bob: TestDevice,
  conversationId: Uint8Array,
  now = T0,
): Promise<{ alice: RatchetState; bob: RatchetState; first: Uint8Array }> {
  const init = await x3dhInitiate(suite, alice.local, bundleOf(bob), bob.keys);
  const a0 = await initiatorState(suite, init, bob.prekeys.signed.keyPair.publicKey, {
    localDevice: alice.local.deviceId,
    remoteDevice: bob.local.deviceId,
    remoteIdentityKey: bob.keys.identityKey,
    now,
  });
  const sent = await ratchetEncrypt(suite, a0, { conversationId, plaintext: text('hello bob'), now });
  const message = decodeRatchetMessage(sent.envelope);
  const prekey = message.header.prekey;
  if (!prekey) throw new Error('first message must carry the prekey part');
  const response = await x3dhRespond(
    suite,
    bob.local,
    alice.local.deviceId,
    alice.keys.identityKey,
    prekey,
    prekeyStoreOf(bob.prekeys, now),
  );
  const b0 = responderState(response, prekey.baseKey, {
    localDevice: bob.local.deviceId,
    remoteDevice: alice.local.deviceId,
    remoteIdentityKey: alice.keys.identityKey,
    now,
  });
  const opened = await ratchetDecrypt(suite, b0, message, now);
  expect(untext(opened.plaintext)).toBe('hello bob');
  return { alice: sent.state, bob: opened.state, first: sent.envelope };
}

/** Encrypts with `state` and returns the envelope and the next state. */
export async function send(
  suite: CryptoSuite,
  state: RatchetState,
  conversationId: Uint8Array,
  s: string,
  now = T0,
) {
  return ratchetEncrypt(suite, state, { conversationId, plaintext: text(s), now });
}

export async function receive(suite: CryptoSuite, state: RatchetState, envelope: Uint8Array, now = T0) {
  return ratchetDecrypt(suite, state, decodeRatchetMessage(envelope), now);
}
