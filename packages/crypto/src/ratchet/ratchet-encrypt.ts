// RatchetEncrypt (docs/protocol.md §5.6): one symmetric-ratchet step and one envelope. The hot path
// is two HMACs and one XChaCha20-Poly1305 seal; no DH happens when sending.
import { sealEnvelope } from '../envelope/envelope-body';
import { encodeEnvelope } from '../envelope/envelope-codec';
import { CryptoError } from '../errors';
import { wipe } from '../primitives/bytes';
import type { CryptoSuite } from '../primitives/suite';
import { encodeRatchetHeader } from './ratchet-header';
import { kdfChain } from './ratchet-kdf';
import type { RatchetState } from './ratchet-state';
import { dropExpired } from './skipped-keys';

const MAX_COUNTER = 0xffffffff;

export interface RatchetEncryptParams {
  /** 16 bytes; bound by the envelope AAD. */
  readonly conversationId: Uint8Array;
  readonly plaintext: Uint8Array;
  /** The caller's clock (ms), used to drop expired skipped keys. */
  readonly now: number;
}

export interface RatchetEncryptResult {
  /** The encoded envelope (kind ratchet). */
  readonly envelope: Uint8Array;
  /** The next state. The input state is unchanged; dispose it once this one is stored. */
  readonly state: RatchetState;
}

export async function ratchetEncrypt(
  suite: CryptoSuite,
  state: RatchetState,
  p: RatchetEncryptParams,
): Promise<RatchetEncryptResult> {
  const chain = state.sendingChain;
  if (!chain) throw new CryptoError('bad_input', 'session cannot send before its first message');
  if (chain.n >= MAX_COUNTER) throw new CryptoError('limit', 'sending chain exhausted');
  const { messageKey, chainKey } = kdfChain(chain.key);
  try {
    const kindHeader = encodeRatchetHeader({
      ratchetKey: state.sendingRatchet.publicKey,
      previousCounter: state.previousCounter,
      counter: chain.n,
      prekey: state.pendingPrekey,
    });
    const envelope = encodeEnvelope(
      await sealEnvelope({
        kind: 'ratchet',
        conversationId: p.conversationId,
        senderDevice: state.localDevice,
        kindHeader,
        messageKey,
        plaintext: p.plaintext,
        random: suite.random,
      }),
    );
    const next: RatchetState = {
      ...state,
      sendingChain: { key: chainKey, n: chain.n + 1 },
      skipped: dropExpired(state.skipped, p.now),
    };
    return { envelope, state: next };
  } catch (e) {
    wipe(chainKey);
    throw e;
  } finally {
    wipe(messageKey);
  }
}
