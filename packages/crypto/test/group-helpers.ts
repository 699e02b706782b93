// Test helpers for groups: devices with real Ed25519/X25519 keys, and a group whose members all
// hold epoch 0 (handed over directly; the wrap tests hand it over with HPKE instead).

import {
  decodeEnvelope,
  type Envelope,
  encodeEnvelope,
  encodeSignedPart,
  SIGN_LABEL,
} from '../src/envelope/envelope-codec';
import { CryptoError } from '../src/errors';
import { type EpochState, epochFromSecret } from '../src/group/epoch-state';
import { type OpenedWrap, type OpenWrapParams, openEpochWrap } from '../src/group/epoch-wrap-open';
import type { GroupMember } from '../src/group/group-member';
import { createGroupSession, currentRecord, type GroupSession } from '../src/group/group-session';
import { newChain, takeSendingKey } from '../src/group/sender-chain';
import { concatBytes, equalBytes, utf8ToBytes, wipe } from '../src/primitives/bytes';
import { sha256 } from '../src/primitives/kdf';
import type { Random } from '../src/primitives/random';
import type { CryptoSuite } from '../src/primitives/suite';

export interface GroupDevice {
  readonly member: GroupMember;
  readonly signingPrivateKey: Uint8Array;
  readonly agreementPrivateKey: Uint8Array;
}

export async function groupDevice(suite: CryptoSuite, random: Random): Promise<GroupDevice> {
  const deviceId = random(16);
  const signingPrivateKey = random(32);
  const agreementPrivateKey = random(32);
  return {
    member: {
      deviceId,
      signingKey: await suite.ed25519.publicKeyOf(signingPrivateKey),
      agreementKey: await suite.x25519.publicKeyOf(agreementPrivateKey),
    },
    signingPrivateKey,
    agreementPrivateKey,
  };
}

export function stateHashOf(text: string): Uint8Array {
  return sha256(utf8ToBytes(text));
}

/** Each device's own copy of an epoch (its own secret array, so wiping one leaves the others). */
export function copyEpoch(e: EpochState, now = e.createdAt): EpochState {
  return epochFromSecret({ ...e, epochSecret: e.epochSecret.slice(), now });
}

export interface TestGroup {
  readonly devices: GroupDevice[];
  readonly sessions: GroupSession[];
  readonly epoch0: EpochState;
}

/** `n` devices that all hold the same epoch 0. */
export async function testGroup(
  suite: CryptoSuite,
  random: Random,
  n: number,
  now = 1_000,
): Promise<TestGroup> {
  const devices: GroupDevice[] = [];
  for (let i = 0; i < n; i++) devices.push(await groupDevice(suite, random));
  const conversationId = random(16);
  const epoch0 = epochFromSecret({
    conversationId,
    epoch: 0,
    epochSecret: random(32),
    stateHash: stateHashOf('state 0'),
    members: devices.map((d) => d.member),
    now,
  });
  const sessions = devices.map((d) =>
    createGroupSession({ selfDevice: d.member.deviceId, epoch: copyEpoch(epoch0) }),
  );
  return { devices, sessions, epoch0 };
}

/** Burns sending indices until the session's next seal uses `index`. */
export function skipTo(session: GroupSession, index: number): void {
  const rec = currentRecord(session);
  rec.sending ??= newChain(rec.state, session.selfDevice);
  while (rec.sending.nextIndex < index) wipe(takeSendingKey(rec.sending).messageKey);
}

/** The CryptoError kind a promise rejects with (undefined when it fulfils or throws another error). */
export async function rejectionKind(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return e instanceof CryptoError ? e.kind : `not a CryptoError: ${String(e)}`;
  }
}

/** Parameters for `me` to open a wrap that only `admin` may sign. */
export function wrapParams(
  conversationId: Uint8Array,
  admin: GroupDevice,
  me: GroupDevice,
  envelope: Uint8Array,
): OpenWrapParams {
  return {
    envelope,
    conversationId,
    self: { deviceId: me.member.deviceId, agreementPrivateKey: me.agreementPrivateKey },
    signingKeyOf: (id) => (equalBytes(id, admin.member.deviceId) ? admin.member.signingKey : undefined),
  };
}

/** Opens every wrap envelope of a batch as `me`; the one entry found, or undefined. */
export async function receiveWrap(
  suite: CryptoSuite,
  conversationId: Uint8Array,
  admin: GroupDevice,
  me: GroupDevice,
  wraps: Uint8Array[],
): Promise<OpenedWrap | undefined> {
  const found: OpenedWrap[] = [];
  for (const w of wraps) {
    const opened = await openEpochWrap(suite, wrapParams(conversationId, admin, me, w));
    if (opened) found.push(opened);
  }
  if (found.length > 1) throw new Error('a device has more than one entry in a batch');
  return found[0];
}

/** Re-signs a wrap after `mutate` changed it, as a malicious or buggy admin device could. */
export async function resignWrap(
  suite: CryptoSuite,
  admin: GroupDevice,
  wrap: Uint8Array,
  mutate: (e: Envelope) => Envelope,
): Promise<Uint8Array> {
  const { aad: _a, signedBytes: _s, signature: _sig, ...rest } = decodeEnvelope(wrap);
  const e = mutate(rest);
  const signature = await suite.ed25519.sign(
    admin.signingPrivateKey,
    concatBytes(SIGN_LABEL, encodeSignedPart(e, e.ciphertext)),
  );
  return encodeEnvelope({ ...e, signature });
}
