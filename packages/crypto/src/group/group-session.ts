// A device's state for one group (docs/protocol.md §6.6): the current epoch, at most one retired
// epoch kept for PREVIOUS_EPOCH_RETENTION_MS to read late messages, the device's own sending chain
// and one receive chain per sender and epoch. Plain data (Maps, Uint8Arrays, numbers), so the
// engine can store it with structured clone.
import { CryptoError } from '../errors';
import { assertLength, equalBytes } from '../primitives/bytes';
import { type EpochState, wipeEpoch } from './epoch-state';
import { PREVIOUS_EPOCH_RETENTION_MS } from './group-limits';
import { deviceKey, type GroupMember, indexMembers } from './group-member';
import type { ReceiveChain } from './receive-chain';
import { type ChainState, wipeChain } from './sender-chain';
import { createSkippedKeys, dropSkippedOfEpoch, type SkippedKeys } from './skipped-keys';

export interface EpochRecord {
  readonly state: EpochState;
  /** The epoch's members by device id (hex). */
  readonly members: Map<string, GroupMember>;
  /** This device's sending chain, created on its first seal in the epoch. */
  sending: ChainState | undefined;
  /** Receive chains by sender device id (hex), created on each sender's first accepted message. */
  readonly receiving: Map<string, ReceiveChain>;
  /** When a newer epoch replaced this one; undefined while it is current. */
  retiredAt: number | undefined;
}

export interface GroupSession {
  readonly conversationId: Uint8Array;
  readonly selfDevice: Uint8Array;
  /** Held epochs, oldest first; the last one is current. At most two. */
  epochs: EpochRecord[];
  readonly skipped: SkippedKeys;
}

function recordOf(state: EpochState, selfDevice: Uint8Array): EpochRecord {
  const members = indexMembers(state.members);
  if (!members.has(deviceKey(selfDevice)))
    throw new CryptoError('bad_input', 'this device is not a member of the epoch');
  return { state, members, sending: undefined, receiving: new Map(), retiredAt: undefined };
}

function wipeRecord(session: GroupSession, rec: EpochRecord): void {
  wipeEpoch(rec.state);
  if (rec.sending) wipeChain(rec.sending);
  for (const rc of rec.receiving.values()) wipeChain(rc.chain);
  rec.receiving.clear();
  dropSkippedOfEpoch(session.skipped, rec.state.epoch);
}

/** A session that holds `epoch`: the creator's epoch 0, or the first epoch a joining device got. */
export function createGroupSession(p: { selfDevice: Uint8Array; epoch: EpochState }): GroupSession {
  assertLength(p.selfDevice, 16, 'device id');
  return {
    conversationId: p.epoch.conversationId,
    selfDevice: p.selfDevice.slice(),
    epochs: [recordOf(p.epoch, p.selfDevice)],
    skipped: createSkippedKeys(),
  };
}

export function currentRecord(session: GroupSession): EpochRecord {
  const rec = session.epochs[session.epochs.length - 1];
  if (rec === undefined) throw new CryptoError('wrong_epoch', 'the group session holds no epoch');
  return rec;
}

export function currentEpoch(session: GroupSession): EpochState {
  return currentRecord(session).state;
}

export function heldEpoch(session: GroupSession, epoch: number): EpochRecord | undefined {
  return session.epochs.find((r) => r.state.epoch === epoch);
}

/**
 * Makes `state` the current epoch (after an advance, a rotation, or opening a wrap). The epoch
 * it replaces is kept, without its sending chain, for PREVIOUS_EPOCH_RETENTION_MS from `now`; any
 * older epoch is wiped at once.
 */
export function installEpoch(session: GroupSession, state: EpochState, now: number): void {
  if (!equalBytes(state.conversationId, session.conversationId)) {
    throw new CryptoError('bad_input', 'epoch belongs to another conversation');
  }
  const current = currentRecord(session);
  if (state.epoch <= current.state.epoch)
    throw new CryptoError('bad_input', 'epoch is not newer than the current one');
  const rec = recordOf(state, session.selfDevice);
  for (const old of session.epochs.slice(0, -1)) wipeRecord(session, old);
  if (current.sending) wipeChain(current.sending);
  current.sending = undefined;
  current.retiredAt = now;
  session.epochs = [current, rec];
}

/** Wipes a retired epoch once its retention has passed. Call it periodically, and before opening. */
export function pruneEpochs(session: GroupSession, now: number): void {
  const keep: EpochRecord[] = [];
  for (const rec of session.epochs) {
    if (rec.retiredAt !== undefined && now - rec.retiredAt >= PREVIOUS_EPOCH_RETENTION_MS)
      wipeRecord(session, rec);
    else keep.push(rec);
  }
  session.epochs = keep;
}

/** Wipes everything, e.g. when this device leaves the group. */
export function wipeGroupSession(session: GroupSession): void {
  for (const rec of session.epochs) wipeRecord(session, rec);
  session.epochs = [];
}
