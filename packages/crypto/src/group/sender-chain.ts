// Per-sender hash chains (docs/protocol.md §6.3). In each epoch every member device has its own
// chain, so every message has its own key and a key never encrypts twice:
//   ck_0     = HKDF-SHA256(ikm = epochSecret, salt = stateHash,
//                          info = label('group/sender') || conversationId || senderDevice || u32(epoch))
//   mk_i     = HMAC-SHA256(ck_i, 0x01)
//   ck_{i+1} = HMAC-SHA256(ck_i, 0x02)
// The salt binds the group state hash into every message key, also in rotated epochs whose secret
// is random. Knowing ck_i gives no key below i, so a device that wipes used keys keeps them secret.
import { hmac } from '@noble/hashes/hmac.js';
import { CryptoError } from '../errors';
import { concatBytes, u32be, wipe } from '../primitives/bytes';
import { hkdf, label, sha256 } from '../primitives/kdf';
import type { EpochState } from './epoch-state';
import { MAX_MESSAGE_INDEX } from './group-limits';

const SENDER_LABEL = label('group/sender');
const MESSAGE_KEY_INPUT = Uint8Array.of(0x01);
const CHAIN_KEY_INPUT = Uint8Array.of(0x02);

/** A chain position: the key at `nextIndex`, which is the next index to use or expect. */
export interface ChainState {
  chainKey: Uint8Array;
  nextIndex: number;
}

export function senderChainKey0(epoch: EpochState, senderDevice: Uint8Array): Uint8Array {
  const info = concatBytes(SENDER_LABEL, epoch.conversationId, senderDevice, u32be(epoch.epoch));
  return hkdf(epoch.epochSecret, epoch.stateHash, info, 32);
}

export function newChain(epoch: EpochState, senderDevice: Uint8Array): ChainState {
  return { chainKey: senderChainKey0(epoch, senderDevice), nextIndex: 0 };
}

/**
 * One chain step: mk_i = HMAC(ck_i, 0x01) and ck_{i+1} = HMAC(ck_i, 0x02). The keyed HMAC state
 * is built once and cloned, so a step costs six SHA-256 compressions instead of eight.
 */
export function chainStep(chainKey: Uint8Array): { messageKey: Uint8Array; nextChainKey: Uint8Array } {
  const keyed = hmac.create(sha256, chainKey);
  const messageKey = keyed.clone().update(MESSAGE_KEY_INPUT).digest();
  const nextChainKey = keyed.update(CHAIN_KEY_INPUT).digest();
  return { messageKey, nextChainKey };
}

/**
 * Takes the next sending index and its message key, and moves the chain on at once (the old chain
 * key is wiped), so parallel seals never share an index even while their signatures are pending.
 */
export function takeSendingKey(chain: ChainState): { index: number; messageKey: Uint8Array } {
  const index = chain.nextIndex;
  if (index >= MAX_MESSAGE_INDEX) throw new CryptoError('limit', 'sender chain exhausted; rotate the epoch');
  const { messageKey, nextChainKey } = chainStep(chain.chainKey);
  wipe(chain.chainKey);
  chain.chainKey = nextChainKey;
  chain.nextIndex = index + 1;
  return { index, messageKey };
}

export function wipeChain(chain: ChainState): void {
  wipe(chain.chainKey);
}
