// Sealing an epoch secret to member devices (docs/protocol.md §6.5). Each recipient device gets
// one fixed-size entry holding the secret sealed with HPKE base mode to its X25519 key; entries are
// batched, up to WRAP_ENTRIES_PER_ENVELOPE per 'wrap' envelope, and each envelope is signed once by
// the admin device, so a rotation for 1,000 devices costs three signatures, not 1,000.

import {
  type EnvelopeHeader,
  encodeHeader,
  encodeSignedEnvelope,
  signingInput,
} from '../envelope/envelope-codec';
import { CryptoError } from '../errors';
import { sealBase } from '../hpke/hpke';
import { concatBytes, u32be } from '../primitives/bytes';
import { label } from '../primitives/kdf';
import type { CryptoSuite } from '../primitives/suite';
import type { EpochState } from './epoch-state';
import { encodeWrapHeader } from './group-headers';
import { WRAP_ENTRIES_PER_ENVELOPE } from './group-limits';
import { compareDeviceIds, type GroupMember, indexMembers } from './group-member';
import { encodeWrapEntries, WRAP_CIPHERTEXT_LENGTH, type WrapEntry } from './wrap-entries';

const WRAP_LABEL = label('group/wrap');

/** HPKE info for a wrap: label('group/wrap') || conversationId || u32(epoch). */
export function wrapInfo(conversationId: Uint8Array, epoch: number): Uint8Array {
  return concatBytes(WRAP_LABEL, conversationId, u32be(epoch));
}

export interface WrapSigner {
  /** The admin device that made the change and signs the wraps. */
  readonly deviceId: Uint8Array;
  readonly signingPrivateKey: Uint8Array;
}

/**
 * Seals `epoch`'s secret to every device in `recipients` (after an advance: the added devices;
 * after a rotation: every remaining device but the admin's own). Returns the encoded 'wrap'
 * envelopes, in part order; each recipient's entry is in exactly one of them.
 */
export async function sealEpochWraps(
  suite: CryptoSuite,
  p: { epoch: EpochState; recipients: readonly GroupMember[]; admin: WrapSigner },
): Promise<Uint8Array[]> {
  if (p.recipients.length === 0) throw new CryptoError('bad_input', 'a wrap needs at least one recipient');
  indexMembers(p.recipients); // shapes, no duplicates, at most MAX_EPOCH_DEVICES
  const sorted = [...p.recipients].sort((a, b) => compareDeviceIds(a.deviceId, b.deviceId));
  const parts = Math.ceil(sorted.length / WRAP_ENTRIES_PER_ENVELOPE);
  const perPart = Math.ceil(sorted.length / parts); // spread evenly over the envelopes
  const { conversationId, epoch, stateHash } = p.epoch;
  const info = wrapInfo(conversationId, epoch);

  const batches = Array.from({ length: parts }, (_, part) => {
    const header: EnvelopeHeader = {
      kind: 'wrap',
      conversationId,
      senderDevice: p.admin.deviceId,
      kindHeader: encodeWrapHeader({ epoch, stateHash, part, parts }),
      // Unused by wraps (each entry is its own HPKE ciphertext), but part of the AAD, so random.
      nonce: suite.random(24),
    };
    return { header, aad: encodeHeader(header), members: sorted.slice(part * perPart, (part + 1) * perPart) };
  });

  // Every HPKE seal is started at once: WebCrypto runs the X25519 work on its thread pool.
  const sealed = await Promise.all(
    batches.map(({ aad, members }) =>
      Promise.all(
        members.map(async (m): Promise<WrapEntry> => {
          const { enc, ciphertext } = await sealBase({
            recipientPublicKey: m.agreementKey,
            info,
            aad,
            plaintext: p.epoch.epochSecret,
            suite,
          });
          if (ciphertext.length !== WRAP_CIPHERTEXT_LENGTH)
            throw new CryptoError('bad_input', 'unexpected HPKE output');
          return { recipientDevice: m.deviceId, enc, ciphertext };
        }),
      ),
    ),
  );

  return Promise.all(
    batches.map(async ({ header }, i) => {
      const input = signingInput(header, encodeWrapEntries(sealed[i] ?? []));
      return encodeSignedEnvelope(input, await suite.ed25519.sign(p.admin.signingPrivateKey, input));
    }),
  );
}
