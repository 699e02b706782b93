// RatchetDecrypt (docs/protocol.md §5.7). Everything is computed on a draft; the draft becomes the
// returned state only after the AEAD tag verifies. A tampered, replayed or foreign message throws
// and leaves the input state exactly as it was (no field, array or buffer of it is written), and the
// secrets the failed attempt created are wiped.
import { openEnvelopeBody } from '../envelope/envelope-body';
import { type DecodedEnvelope, decodeEnvelope } from '../envelope/envelope-codec';
import { CryptoError } from '../errors';
import { equalBytes, wipe } from '../primitives/bytes';
import type { CryptoSuite } from '../primitives/suite';
import { decodeRatchetHeader, type RatchetHeader } from './ratchet-header';
import { kdfChain, kdfRoot } from './ratchet-kdf';
import {
  type ChainState,
  MAX_OLD_RATCHET_KEYS,
  MAX_SKIP,
  type RatchetState,
  type SkippedKey,
} from './ratchet-state';
import { appendSkipped, dropExpired, findSkipped, hasChain, skipTo, withoutIndex } from './skipped-keys';

export interface RatchetMessage {
  readonly envelope: DecodedEnvelope;
  readonly header: RatchetHeader;
}

/** Decodes an envelope that must be of kind ratchet, and its kind header (bad_input otherwise). */
export function decodeRatchetMessage(bytes: Uint8Array): RatchetMessage {
  const envelope = decodeEnvelope(bytes);
  if (envelope.kind !== 'ratchet') throw new CryptoError('bad_input', 'not a ratchet envelope');
  return { envelope, header: decodeRatchetHeader(envelope.kindHeader) };
}

/**
 * True when `ratchetKey` names a chain this session has received on: the current one, one with
 * skipped keys left, or one of the last MAX_OLD_RATCHET_KEYS. Such a message can only open here
 * (or is a replay); any other key would start a new chain with a DH step.
 */
export function recognizesRatchetKey(state: RatchetState, ratchetKey: Uint8Array): boolean {
  return (
    (state.receivingChain !== null &&
      state.remoteRatchetKey !== null &&
      equalBytes(ratchetKey, state.remoteRatchetKey)) ||
    hasChain(state.skipped, ratchetKey) ||
    state.oldRemoteRatchetKeys.some((k) => equalBytes(k, ratchetKey))
  );
}

export interface RatchetDecryptResult {
  readonly plaintext: Uint8Array;
  /** The next state. The input is unchanged; dispose it (disposeRatchetState) once this is stored. */
  readonly state: RatchetState;
}

/** The message key plus the state fields that change with it, before the AEAD has spoken. */
interface Draft {
  readonly messageKey: Uint8Array;
  /** True when messageKey is a skipped key owned by the input state (so not ours to wipe). */
  readonly fromSkipped: boolean;
  readonly changes: Partial<RatchetState>;
}

function advanceChain(chain: ChainState, header: RatchetHeader, now: number, fresh: Uint8Array[]) {
  const skip = skipTo(chain, header.counter, header.ratchetKey, now, fresh);
  const step = kdfChain(skip.chain.key);
  fresh.push(step.messageKey, step.chainKey);
  if (skip.chain.key !== chain.key) wipe(skip.chain.key);
  return {
    messageKey: step.messageKey,
    chain: { key: step.chainKey, n: header.counter + 1 },
    skipped: skip.skipped,
  };
}

async function dhStep(
  suite: CryptoSuite,
  state: RatchetState,
  skipped: readonly SkippedKey[],
  header: RatchetHeader,
  now: number,
  fresh: Uint8Array[],
): Promise<Draft> {
  // Both bounds are checked before any key is derived (Signal's MAX_SKIP rule, §5.8).
  if (header.counter > MAX_SKIP) throw new CryptoError('too_many_skipped', 'too many skipped messages');
  let kept = skipped;
  if (state.receivingChain && state.remoteRatchetKey) {
    const rest = skipTo(state.receivingChain, header.previousCounter, state.remoteRatchetKey, now, fresh);
    // The old chain ends here: its last chain key is not kept anywhere.
    if (rest.chain.key !== state.receivingChain.key) wipe(rest.chain.key);
    kept = appendSkipped(kept, rest.skipped);
  }
  const dh1 = await suite.x25519.sharedSecret(state.sendingRatchet.privateKey, header.ratchetKey);
  fresh.push(dh1);
  const recv = kdfRoot(state.rootKey, dh1, state.ad);
  fresh.push(recv.rootKey, recv.chainKey);
  const sendingRatchet = await suite.x25519.generateKeyPair();
  fresh.push(sendingRatchet.privateKey);
  const dh2 = await suite.x25519.sharedSecret(sendingRatchet.privateKey, header.ratchetKey);
  fresh.push(dh2);
  const send = kdfRoot(recv.rootKey, dh2, state.ad);
  fresh.push(send.rootKey, send.chainKey);
  wipe(dh1, dh2, recv.rootKey);
  const advanced = advanceChain({ key: recv.chainKey, n: 0 }, header, now, fresh);
  wipe(recv.chainKey);
  // The initiator's first DHr is the responder's signed prekey, never a sending key: not remembered.
  const old =
    state.receivingChain && state.remoteRatchetKey
      ? [...state.oldRemoteRatchetKeys, state.remoteRatchetKey]
      : state.oldRemoteRatchetKeys;
  return {
    messageKey: advanced.messageKey,
    fromSkipped: false,
    changes: {
      rootKey: send.rootKey,
      sendingRatchet,
      remoteRatchetKey: header.ratchetKey,
      sendingChain: { key: send.chainKey, n: 0 },
      receivingChain: advanced.chain,
      previousCounter: state.sendingChain?.n ?? 0,
      skipped: appendSkipped(kept, advanced.skipped),
      oldRemoteRatchetKeys:
        old.length > MAX_OLD_RATCHET_KEYS ? old.slice(old.length - MAX_OLD_RATCHET_KEYS) : old,
    },
  };
}

async function draftFor(
  suite: CryptoSuite,
  state: RatchetState,
  header: RatchetHeader,
  now: number,
  fresh: Uint8Array[],
): Promise<Draft> {
  const skipped = dropExpired(state.skipped, now);
  const chain = state.receivingChain;
  const current =
    chain !== null &&
    state.remoteRatchetKey !== null &&
    equalBytes(header.ratchetKey, state.remoteRatchetKey);
  // Fast path: the next message (or a later one) of the current receiving chain.
  if (current && header.counter >= chain.n) {
    const advanced = advanceChain(chain, header, now, fresh);
    return {
      messageKey: advanced.messageKey,
      fromSkipped: false,
      changes: { receivingChain: advanced.chain, skipped: appendSkipped(skipped, advanced.skipped) },
    };
  }
  const index = findSkipped(skipped, header.ratchetKey, header.counter);
  const hit = skipped[index];
  if (hit)
    return {
      messageKey: hit.messageKey,
      fromSkipped: true,
      changes: { skipped: withoutIndex(skipped, index) },
    };
  // A chain we already know, but not this key: it was used (or dropped by a limit) before.
  if (recognizesRatchetKey(state, header.ratchetKey))
    throw new CryptoError('replay', 'message key already used or dropped');
  return dhStep(suite, state, skipped, header, now, fresh);
}

/**
 * Check order: the envelope names this session's peer device (bad_input); the message key is
 * found or derived (replay, too_many_skipped, bad_key); the AEAD opens (bad_mac); the padding
 * is well formed (bad_input). Only then is the new state returned.
 */
export async function ratchetDecrypt(
  suite: CryptoSuite,
  state: RatchetState,
  message: RatchetMessage,
  now: number,
): Promise<RatchetDecryptResult> {
  if (!equalBytes(message.envelope.senderDevice, state.remoteDevice)) {
    throw new CryptoError('bad_input', 'envelope is not from this session peer');
  }
  const fresh: Uint8Array[] = [];
  try {
    const draft = await draftFor(suite, state, message.header, now, fresh);
    const plaintext = openEnvelopeBody(message.envelope, draft.messageKey);
    if (!draft.fromSkipped) wipe(draft.messageKey);
    // Any message that opens proves the peer holds the session, so the prekey part can stop.
    return { plaintext, state: { ...state, ...draft.changes, pendingPrekey: null } };
  } catch (e) {
    for (const secret of fresh) wipe(secret);
    throw e;
  }
}
