// Sealing a group message (docs/protocol.md §6.3): take the next key of this device's chain in the
// current epoch, encrypt into a 'group' envelope and sign it with the device's Ed25519 key.

import { sealSignedEnvelope } from '../envelope/envelope-body';
import { wipe } from '../primitives/bytes';
import type { CryptoSuite } from '../primitives/suite';
import { encodeGroupHeader } from './group-headers';
import { currentRecord, type GroupSession } from './group-session';
import { newChain, takeSendingKey } from './sender-chain';

export interface SealedGroupMessage {
  /** The encoded 'group' envelope. */
  readonly envelope: Uint8Array;
  readonly epoch: number;
  readonly index: number;
}

/**
 * Seals `plaintext` for every member of the current epoch. The chain moves on before the signature
 * is awaited, so many seals can be in flight at once, each with its own index. An index whose seal
 * fails is simply never used.
 */
export async function sealGroupMessage(
  suite: CryptoSuite,
  session: GroupSession,
  signingPrivateKey: Uint8Array,
  plaintext: Uint8Array,
): Promise<SealedGroupMessage> {
  const rec = currentRecord(session);
  rec.sending ??= newChain(rec.state, session.selfDevice);
  const { index, messageKey } = takeSendingKey(rec.sending);
  rec.state.messageCount++;
  const epoch = rec.state.epoch;
  try {
    const envelope = await sealSignedEnvelope({
      kind: 'group',
      conversationId: session.conversationId,
      senderDevice: session.selfDevice,
      kindHeader: encodeGroupHeader({ epoch, index }),
      messageKey,
      plaintext,
      random: suite.random,
      signer: { ed25519: suite.ed25519, privateKey: signingPrivateKey },
    });
    return { envelope, epoch, index };
  } finally {
    wipe(messageKey);
  }
}
