// Opening a group message (docs/protocol.md §6.4). The checks run in this order, and the first one
// that fails decides the error:
//   1. decode the envelope; kind 'group', this conversation, an 8-byte group header   (bad_input)
//   2. the sender device is not revoked (the caller's device logs decide)             (revoked)
//   3. the sender device is a member of the named epoch, or of the current epoch when
//      the named one is not held                                                      (unknown_device)
//   4. the Ed25519 signature verifies with that member's key                          (bad_signature)
//   5. the named epoch is held                                                        (wrong_epoch)
//   6. the index is fresh in the (sender, epoch) replay window                        (replay)
//   7. derive the message key, skipping at most MAX_SKIP keys                         (too_many_skipped)
//   8. AEAD open, then unpad                                                          (bad_mac, bad_input)
//   9. only now: mark the index seen, move the chain, store skipped keys, count it.
// Nothing before step 9 changes the session, so a failed open leaves it exactly as it was.

import { openEnvelopeBody, verifyEnvelopeSignature } from '../envelope/envelope-body';
import { decodeEnvelopeView } from '../envelope/envelope-codec';
import { CryptoError } from '../errors';
import { equalBytes, wipe } from '../primitives/bytes';
import type { CryptoSuite } from '../primitives/suite';
import { decodeGroupHeader } from './group-headers';
import { deviceKey } from './group-member';
import { currentRecord, type GroupSession, heldEpoch, pruneEpochs } from './group-session';
import {
  commitReceive,
  createReceiveChain,
  discardPlan,
  planReceive,
  type ReceivePlan,
} from './receive-chain';
import { senderChainKey0 } from './sender-chain';
import { chainIdOf } from './skipped-keys';

export interface OpenGroupOptions {
  /** True for a device that the sender's device log has revoked: its messages fail with 'revoked'. */
  readonly isRevoked?: (deviceId: Uint8Array) => boolean;
  /** Local time in ms. When given, retired epochs past their retention are wiped first. */
  readonly now?: number;
}

export interface OpenedGroupMessage {
  readonly plaintext: Uint8Array;
  readonly senderDevice: Uint8Array;
  readonly epoch: number;
  readonly index: number;
}

export async function openGroupMessage(
  suite: CryptoSuite,
  session: GroupSession,
  bytes: Uint8Array,
  options: OpenGroupOptions = {},
): Promise<OpenedGroupMessage> {
  if (options.now !== undefined) pruneEpochs(session, options.now);
  // Views into `bytes`, not copies. Only the checks before the signature read them; everything
  // after it reads `env`, the envelope over the private copy that the signature check verified.
  const view = decodeEnvelopeView(bytes);
  if (view.kind !== 'group') throw new CryptoError('bad_input', 'not a group envelope');
  if (!equalBytes(view.conversationId, session.conversationId)) {
    throw new CryptoError('bad_input', 'envelope belongs to another conversation');
  }
  const { epoch, index } = decodeGroupHeader(view.kindHeader);
  if (options.isRevoked?.(view.senderDevice)) throw new CryptoError('revoked', 'sender device is revoked');
  const sender = deviceKey(view.senderDevice);
  const named = heldEpoch(session, epoch);
  const member = (named ?? currentRecord(session)).members.get(sender);
  if (member === undefined) throw new CryptoError('unknown_device', 'sender device is not a group member');

  const env = await verifyEnvelopeSignature(suite.ed25519, view, member.signingKey);

  // Everything from here to the commit is synchronous, so parallel opens cannot interleave. The
  // epoch must have been held before the await and still be held after it (not pruned meanwhile).
  if (named === undefined || !session.epochs.includes(named)) {
    throw new CryptoError('wrong_epoch', 'this device does not hold the message epoch');
  }
  const existing = named.receiving.get(sender);
  const rc = existing ?? createReceiveChain(senderChainKey0(named.state, env.senderDevice));
  const chainId = chainIdOf(epoch, sender);
  let plan: ReceivePlan;
  let plaintext: Uint8Array;
  try {
    plan = planReceive(rc, chainId, index, session.skipped);
    try {
      plaintext = openEnvelopeBody(env, plan.messageKey);
    } catch (e) {
      discardPlan(plan);
      throw e;
    }
  } catch (e) {
    if (existing === undefined) wipe(rc.chain.chainKey);
    throw e;
  }
  commitReceive(rc, chainId, plan, session.skipped);
  if (existing === undefined) named.receiving.set(sender, rc);
  named.state.messageCount++;
  return { plaintext, senderDevice: env.senderDevice.slice(), epoch, index };
}
