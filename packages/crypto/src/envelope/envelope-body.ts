// Sealing and opening an envelope's body with a per-message key (docs/protocol.md §7.2):
// pad, then XChaCha20-Poly1305 with a fresh random nonce and AAD = the header bytes. Signed kinds
// are signed over the header and ciphertext; callers verify the signature before opening (§7.4).
import { CryptoError } from '../errors';
import { xchachaOpen, xchachaSeal } from '../primitives/aead';
import { concatBytes } from '../primitives/bytes';
import type { Ed25519 } from '../primitives/ed25519';
import type { Random } from '../primitives/random';
import {
  type DecodedEnvelope,
  type Envelope,
  type EnvelopeHeader,
  encodeHeader,
  encodeSignedPart,
  isSignedKind,
  SIGN_LABEL,
} from './envelope-codec';
import { pad, unpad } from './padding';

export interface SealParams {
  readonly kind: EnvelopeHeader['kind'];
  readonly conversationId: Uint8Array;
  readonly senderDevice: Uint8Array;
  readonly kindHeader: Uint8Array;
  readonly messageKey: Uint8Array;
  readonly plaintext: Uint8Array;
  readonly random: Random;
  /** Required for signed kinds (group, control, wrap): the sender device's Ed25519 signer. */
  readonly signer?: { readonly ed25519: Ed25519; readonly privateKey: Uint8Array };
}

export async function sealEnvelope(p: SealParams): Promise<Envelope> {
  const header: EnvelopeHeader = {
    kind: p.kind,
    conversationId: p.conversationId,
    senderDevice: p.senderDevice,
    kindHeader: p.kindHeader,
    nonce: p.random(24),
  };
  const ciphertext = xchachaSeal(p.messageKey, header.nonce, pad(p.plaintext), encodeHeader(header));
  if (!isSignedKind(p.kind)) return { ...header, ciphertext };
  if (!p.signer) throw new CryptoError('bad_input', `a ${p.kind} envelope must be signed`);
  const signature = await p.signer.ed25519.sign(
    p.signer.privateKey,
    concatBytes(SIGN_LABEL, encodeSignedPart(header, ciphertext)),
  );
  return { ...header, ciphertext, signature };
}

/** Verifies the sender's signature on a signed kind. Call before deriving or using any key. */
export async function verifyEnvelopeSignature(
  ed25519: Ed25519,
  envelope: DecodedEnvelope,
  senderSigningKey: Uint8Array,
): Promise<void> {
  if (!envelope.signature) throw new CryptoError('bad_signature', 'envelope is not signed');
  const ok = await ed25519.verify(
    senderSigningKey,
    concatBytes(SIGN_LABEL, envelope.signedBytes),
    envelope.signature,
  );
  if (!ok) throw new CryptoError('bad_signature', 'envelope signature does not verify');
}

/** Opens the body with its message key: AEAD check first, then padding. */
export function openEnvelopeBody(envelope: DecodedEnvelope, messageKey: Uint8Array): Uint8Array {
  return unpad(xchachaOpen(messageKey, envelope.nonce, envelope.ciphertext, envelope.aad)).slice();
}
