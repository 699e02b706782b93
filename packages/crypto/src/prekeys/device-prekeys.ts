// A device's own prekeys (docs/protocol.md §5.2): the current signed prekey, replaced ones still in
// their grace period, and the unused one-time prekeys. A plain structured-clonable object (Uint8Arrays
// and numbers) that the engine stores in IndexedDB; every function returns a new object.
import { CryptoError } from '../errors';
import { wipe } from '../primitives/bytes';
import type { KeyPair } from '../primitives/ed25519';
import type { CryptoSuite } from '../primitives/suite';
import {
  generateOneTimePrekeys,
  ONE_TIME_PREKEY_TARGET,
  type OneTimePrekeyPublic,
  type OneTimePrekeyRecord,
} from './one-time-prekeys';
import { MAX_PREKEY_ID } from './prekey-id';
import {
  generateSignedPrekey,
  publicSignedPrekey,
  SIGNED_PREKEY_GRACE_MS,
  type SignedPrekeyPublic,
  type SignedPrekeyRecord,
} from './signed-prekey';

export const DEVICE_PREKEYS_VERSION = 1;

export interface RetiredSignedPrekey extends SignedPrekeyRecord {
  readonly retiredAt: number;
}

export interface DevicePrekeys {
  readonly version: typeof DEVICE_PREKEYS_VERSION;
  readonly signed: SignedPrekeyRecord;
  /** Replaced signed prekeys, newest last, each kept SIGNED_PREKEY_GRACE_MS after its retirement. */
  readonly retired: readonly RetiredSignedPrekey[];
  readonly oneTime: readonly OneTimePrekeyRecord[];
  readonly nextSignedId: number;
  readonly nextOneTimeId: number;
}

/** What the device publishes to the relay (the protocol's publish schema, as bytes). */
export interface PublishedPrekeys {
  readonly signedPrekey: SignedPrekeyPublic;
  readonly oneTimePrekeys: readonly OneTimePrekeyPublic[];
}

/**
 * The responder's view of its prekeys during X3DH (§5.3). `oneTimePrekey` returns undefined once a
 * key is consumed, which is what makes a second first message on the same key fail with 'replay'.
 */
export interface PrekeyStore {
  signedPrekey(id: number): KeyPair | undefined;
  oneTimePrekey(id: number): KeyPair | undefined;
}

function nextId(id: number): number {
  if (id >= MAX_PREKEY_ID) throw new CryptoError('limit', 'prekey ids exhausted');
  return id + 1;
}

export async function createDevicePrekeys(
  suite: CryptoSuite,
  signingPrivateKey: Uint8Array,
  now: number,
  oneTimeCount = ONE_TIME_PREKEY_TARGET,
): Promise<DevicePrekeys> {
  const signed = await generateSignedPrekey(suite, signingPrivateKey, 1, now);
  const oneTime = await generateOneTimePrekeys(suite, 1, oneTimeCount);
  return { version: 1, signed, retired: [], oneTime, nextSignedId: 2, nextOneTimeId: 1 + oneTimeCount };
}

function inGrace(r: RetiredSignedPrekey, now: number): boolean {
  return now - r.retiredAt < SIGNED_PREKEY_GRACE_MS;
}

/**
 * A new signed prekey; the old one joins `retired`. Retired keys past their grace period are
 * dropped and their private keys wiped (they must not open anything any more).
 */
export async function rotateSignedPrekey(
  suite: CryptoSuite,
  prekeys: DevicePrekeys,
  signingPrivateKey: Uint8Array,
  now: number,
): Promise<DevicePrekeys> {
  const signed = await generateSignedPrekey(suite, signingPrivateKey, prekeys.nextSignedId, now);
  const retired = [...prekeys.retired, { ...prekeys.signed, retiredAt: now }];
  for (const r of retired) if (!inGrace(r, now)) wipe(r.keyPair.privateKey);
  return {
    ...prekeys,
    signed,
    retired: retired.filter((r) => inGrace(r, now)),
    nextSignedId: nextId(prekeys.nextSignedId),
  };
}

/** Tops the one-time prekeys up to `target`; `added` are the ones to publish. */
export async function replenishOneTimePrekeys(
  suite: CryptoSuite,
  prekeys: DevicePrekeys,
  target = ONE_TIME_PREKEY_TARGET,
): Promise<{ prekeys: DevicePrekeys; added: OneTimePrekeyPublic[] }> {
  const count = Math.max(0, target - prekeys.oneTime.length);
  const fresh = await generateOneTimePrekeys(suite, prekeys.nextOneTimeId, count);
  return {
    prekeys: {
      ...prekeys,
      oneTime: [...prekeys.oneTime, ...fresh],
      nextOneTimeId: prekeys.nextOneTimeId + count,
    },
    added: fresh.map((r) => ({ id: r.id, publicKey: r.keyPair.publicKey })),
  };
}

/**
 * Removes a one-time prekey after a first message used it (receiveRatchet reports the id). Its
 * private key is wiped in place, on purpose: a consumed key must be unusable even through a stale
 * copy of the old object, or a replayed first message would open again.
 */
export function consumeOneTimePrekey(prekeys: DevicePrekeys, id: number): DevicePrekeys {
  const used = prekeys.oneTime.find((r) => r.id === id);
  if (!used) return prekeys;
  wipe(used.keyPair.privateKey);
  return { ...prekeys, oneTime: prekeys.oneTime.filter((r) => r.id !== id) };
}

export function publishedPrekeys(prekeys: DevicePrekeys): PublishedPrekeys {
  return {
    signedPrekey: publicSignedPrekey(prekeys.signed),
    oneTimePrekeys: prekeys.oneTime.map((r) => ({ id: r.id, publicKey: r.keyPair.publicKey })),
  };
}

/** A PrekeyStore over `prekeys` at time `now`: the current signed prekey and retired ones in grace. */
export function prekeyStoreOf(prekeys: DevicePrekeys, now: number): PrekeyStore {
  return {
    signedPrekey(id) {
      if (prekeys.signed.id === id) return prekeys.signed.keyPair;
      return prekeys.retired.find((r) => r.id === id && inGrace(r, now))?.keyPair;
    },
    oneTimePrekey(id) {
      return prekeys.oneTime.find((r) => r.id === id)?.keyPair;
    },
  };
}
