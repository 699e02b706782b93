// Opening a wrap (docs/protocol.md §6.5). Check order, first failure decides:
//   1. decode the envelope; kind 'wrap', this conversation, a 40-byte wrap header  (bad_input)
//   2. the signing device is not revoked                                           (revoked)
//   3. the signing device may send wraps for this group (signingKeyOf knows it)    (unknown_device)
//   4. the Ed25519 signature verifies                                              (bad_signature)
//   5. the body is whole, ordered entries                                          (bad_input)
//   6. find this device's entry; none means the wrap is not for it                 (returns undefined)
//   7. HPKE open with info and aad as when sealed                                  (bad_mac)

import { verifyEnvelopeSignature } from '../envelope/envelope-body';
import { decodeEnvelope } from '../envelope/envelope-codec';
import { CryptoError } from '../errors';
import { openBase } from '../hpke/hpke';
import { assertLength, equalBytes } from '../primitives/bytes';
import type { CryptoSuite } from '../primitives/suite';
import { wrapInfo } from './epoch-wrap-seal';
import { decodeWrapHeader } from './group-headers';
import { decodeWrapEntries, findWrapEntry } from './wrap-entries';

export interface OpenedWrap {
  readonly epoch: number;
  readonly stateHash: Uint8Array;
  /** The epoch secret; pass it to epochFromSecret, which takes ownership of it. */
  readonly epochSecret: Uint8Array;
  /** The admin device that signed the wrap. */
  readonly adminDevice: Uint8Array;
  readonly part: number;
  readonly parts: number;
}

export interface OpenWrapParams {
  readonly envelope: Uint8Array;
  readonly conversationId: Uint8Array;
  /** This device: its id and its X25519 private key. */
  readonly self: { readonly deviceId: Uint8Array; readonly agreementPrivateKey: Uint8Array };
  /**
   * The Ed25519 key of a device allowed to send wraps for this group (an admin device, per the
   * group's control state), or undefined for any other device.
   */
  readonly signingKeyOf: (deviceId: Uint8Array) => Uint8Array | undefined;
  readonly isRevoked?: (deviceId: Uint8Array) => boolean;
}

/** The epoch secret this wrap carries for `self`, or undefined when it has no entry for it. */
export async function openEpochWrap(suite: CryptoSuite, p: OpenWrapParams): Promise<OpenedWrap | undefined> {
  assertLength(p.self.deviceId, 16, 'device id');
  const env = decodeEnvelope(p.envelope);
  if (env.kind !== 'wrap') throw new CryptoError('bad_input', 'not a wrap envelope');
  if (!equalBytes(env.conversationId, p.conversationId)) {
    throw new CryptoError('bad_input', 'wrap belongs to another conversation');
  }
  const header = decodeWrapHeader(env.kindHeader);
  if (p.isRevoked?.(env.senderDevice)) throw new CryptoError('revoked', 'wrap signer is revoked');
  const signingKey = p.signingKeyOf(env.senderDevice);
  if (signingKey === undefined) throw new CryptoError('unknown_device', 'wrap signer may not send wraps');
  await verifyEnvelopeSignature(suite.ed25519, env, signingKey);

  const entry = findWrapEntry(decodeWrapEntries(env.ciphertext), p.self.deviceId);
  if (entry === undefined) return undefined;
  const epochSecret = await openBase({
    recipientPrivateKey: p.self.agreementPrivateKey,
    enc: entry.enc,
    info: wrapInfo(p.conversationId, header.epoch),
    aad: env.aad,
    ciphertext: entry.ciphertext,
    suite,
  });
  if (epochSecret.length !== 32) throw new CryptoError('bad_input', 'wrapped secret has the wrong length');
  return {
    epoch: header.epoch,
    stateHash: header.stateHash,
    epochSecret,
    adminDevice: env.senderDevice,
    part: header.part,
    parts: header.parts,
  };
}
