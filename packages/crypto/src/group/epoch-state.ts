// Group epochs (docs/protocol.md §6.1-§6.2). An epoch is one group secret shared by a fixed set of
// member devices. Adding a member advances the secret one HKDF step, so existing members compute it
// themselves and only the new devices need a wrap; removing a member, revoking a device or a
// scheduled rotation draws a fresh random secret, wrapped to every remaining device, so nobody
// outside the new member list can compute it.
import { CryptoError } from '../errors';
import { assertLength, concatBytes, u32be, wipe } from '../primitives/bytes';
import { hkdf, label } from '../primitives/kdf';
import type { Random } from '../primitives/random';
import { ROTATION_MAX_AGE_MS, ROTATION_MAX_MESSAGES } from './group-limits';
import { deviceKey, type GroupMember, indexMembers } from './group-member';

export interface EpochState {
  readonly conversationId: Uint8Array;
  /** u32, 0 for the group's first epoch, +1 for each advance or rotation. */
  readonly epoch: number;
  /** 32-byte secret. Wiped with wipeEpoch once the epoch is no longer held (§6.6). */
  readonly epochSecret: Uint8Array;
  /** The 32-byte group state hash this epoch belongs to, from the control layer (opaque here). */
  readonly stateHash: Uint8Array;
  /** Local time (ms) at which this device created or installed the epoch. */
  readonly createdAt: number;
  /** Messages this device sealed or opened in this epoch, for the scheduled rotation. */
  messageCount: number;
  /** Every member device of the epoch; the only devices whose messages it accepts. */
  readonly members: readonly GroupMember[];
}

const ADVANCE_LABEL = label('group/advance');

function checkCommon(conversationId: Uint8Array, stateHash: Uint8Array, now: number): void {
  assertLength(conversationId, 16, 'conversation id');
  assertLength(stateHash, 32, 'state hash');
  if (!Number.isSafeInteger(now) || now < 0) throw new CryptoError('bad_input', 'time out of range');
}

function nextEpochNumber(prev: EpochState): number {
  if (prev.epoch >= 0xffffffff) throw new CryptoError('limit', 'epoch counter exhausted');
  return prev.epoch + 1;
}

/** An epoch built from its parts, after checking every one of them. */
export function epochFromSecret(p: {
  conversationId: Uint8Array;
  epoch: number;
  epochSecret: Uint8Array;
  stateHash: Uint8Array;
  members: readonly GroupMember[];
  now: number;
}): EpochState {
  checkCommon(p.conversationId, p.stateHash, p.now);
  assertLength(p.epochSecret, 32, 'epoch secret');
  u32be(p.epoch); // range check
  indexMembers(p.members);
  return {
    conversationId: p.conversationId.slice(),
    epoch: p.epoch,
    epochSecret: p.epochSecret,
    stateHash: p.stateHash.slice(),
    createdAt: p.now,
    messageCount: 0,
    members: [...p.members],
  };
}

/** Epoch 0 of a new group: a fresh random secret, to be wrapped to every other member device. */
export function createEpoch(p: {
  random: Random;
  conversationId: Uint8Array;
  stateHash: Uint8Array;
  members: readonly GroupMember[];
  now: number;
}): EpochState {
  checkCommon(p.conversationId, p.stateHash, p.now);
  return epochFromSecret({ ...p, epoch: 0, epochSecret: p.random(32) });
}

/**
 * The next epoch after adding member devices (§6.2):
 *   secret' = HKDF-SHA256(ikm = secret, salt = stateHash', info = label('group/advance') || u32(epoch + 1))
 * where stateHash' is the state hash of the group after the add. Every existing member computes it;
 * only the `added` devices receive it in a wrap, and they cannot compute the earlier secrets.
 */
export function advanceEpoch(
  prev: EpochState,
  p: { stateHash: Uint8Array; added: readonly GroupMember[]; now: number },
): EpochState {
  checkCommon(prev.conversationId, p.stateHash, p.now);
  if (p.added.length === 0) throw new CryptoError('bad_input', 'an advance adds at least one device');
  const epoch = nextEpochNumber(prev);
  const members = [...prev.members, ...p.added];
  indexMembers(members); // rejects a device that is already a member
  const epochSecret = hkdf(prev.epochSecret, p.stateHash, concatBytes(ADVANCE_LABEL, u32be(epoch)), 32);
  return epochFromSecret({ ...p, conversationId: prev.conversationId, epoch, epochSecret, members });
}

/**
 * The next epoch after removing a member, revoking a device or a scheduled rotation (§6.2): a fresh
 * random secret for exactly `members` (the full remaining list), wrapped to each of them.
 */
export function rotateEpoch(
  prev: EpochState,
  p: { random: Random; stateHash: Uint8Array; members: readonly GroupMember[]; now: number },
): EpochState {
  checkCommon(prev.conversationId, p.stateHash, p.now);
  const epoch = nextEpochNumber(prev);
  indexMembers(p.members);
  return epochFromSecret({ ...p, conversationId: prev.conversationId, epoch, epochSecret: p.random(32) });
}

/** True once the epoch is 7 days old or has carried 10,000 messages (§6.6). */
export function needsRotation(state: EpochState, now: number): boolean {
  return now - state.createdAt >= ROTATION_MAX_AGE_MS || state.messageCount >= ROTATION_MAX_MESSAGES;
}

/** Members of `next` that were not members of `prev`: the devices an advance must wrap to. */
export function addedDevices(prev: EpochState, next: EpochState): GroupMember[] {
  const before = new Set(prev.members.map((m) => deviceKey(m.deviceId)));
  return next.members.filter((m) => !before.has(deviceKey(m.deviceId)));
}

/** Overwrites the epoch secret. The state must not be used afterwards. */
export function wipeEpoch(state: EpochState): void {
  wipe(state.epochSecret);
}
