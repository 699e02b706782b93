// Sealing and opening an envelope's body with a per-message key (docs/protocol.md §7.2):
// pad, then XChaCha20-Poly1305 with a fresh random nonce and AAD = the header bytes. Signed kinds
// are signed over the header and ciphertext; callers verify the signature before opening (§7.4).
import { CryptoError } from '../errors';
import { xchachaOpen, xchachaSeal } from '../primitives/aead';
import type { Ed25519 } from '../primitives/ed25519';
import type { Random } from '../primitives/random';
import {
  type DecodedEnvelope,
  type Envelope,
  type EnvelopeHeader,
  encodeHeader,
  encodeSignedEnvelope,
  envelopeOverSigned,
  isSignedKind,
  SIGN_LABEL,
  signingInput,
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

function headerOf(p: SealParams): EnvelopeHeader {
  return {
    kind: p.kind,
    conversationId: p.conversationId,
    senderDevice: p.senderDevice,
    kindHeader: p.kindHeader,
    nonce: p.random(24),
  };
}

export async function sealEnvelope(p: SealParams): Promise<Envelope> {
  const header = headerOf(p);
  const ciphertext = xchachaSeal(p.messageKey, header.nonce, pad(p.plaintext), encodeHeader(header));
  if (!isSignedKind(p.kind)) return { ...header, ciphertext };
  if (!p.signer) throw new CryptoError('bad_input', `a ${p.kind} envelope must be signed`);
  const signature = await p.signer.ed25519.sign(p.signer.privateKey, signingInput(header, ciphertext));
  return { ...header, ciphertext, signature };
}

/**
 * sealEnvelope for a signed kind, returning the encoded envelope (the same bytes as
 * encodeEnvelope(await sealEnvelope(p))). The hot path of group messages: the header is written
 * once into the signing input, and the envelope is copied out of it once the signature is in.
 */
export async function sealSignedEnvelope(
  p: SealParams & { readonly signer: NonNullable<SealParams['signer']> },
): Promise<Uint8Array> {
  if (!isSignedKind(p.kind)) throw new CryptoError('bad_input', `a ${p.kind} envelope is not signed`);
  const header = headerOf(p);
  const aad = encodeHeader(header);
  const ciphertext = xchachaSeal(p.messageKey, header.nonce, pad(p.plaintext), aad);
  const input = signingInput(header, ciphertext);
  return encodeSignedEnvelope(input, await p.signer.ed25519.sign(p.signer.privateKey, input));
}

/**
 * Verifies the sender's signature on a signed kind. Call before deriving or using any key.
 * Returns the envelope re-pointed at the private copy of the bytes that were verified, so the
 * caller opens exactly what the signature covers, even if the array it decoded from (possibly a
 * decodeEnvelopeView) changes while the verification is awaited.
 */
export async function verifyEnvelopeSignature(
  ed25519: Ed25519,
  envelope: DecodedEnvelope,
  senderSigningKey: Uint8Array,
): Promise<DecodedEnvelope> {
  if (!envelope.signature) throw new CryptoError('bad_signature', 'envelope is not signed');
  // label || signedBytes, placed so that the signed bytes start 8-byte aligned in a buffer of
  // their own: the nonce and ciphertext views then reach the AEAD word-aligned, which spares
  // @noble/ciphers a copy of each.
  const lead = (8 - (SIGN_LABEL.length % 8)) % 8;
  const buffer = new Uint8Array(lead + SIGN_LABEL.length + envelope.signedBytes.length);
  buffer.set(SIGN_LABEL, lead);
  buffer.set(envelope.signedBytes, lead + SIGN_LABEL.length);
  const input = buffer.subarray(lead);
  const signature = envelope.signature.slice(); // private too: a backend may read it after an await
  const ok = await ed25519.verify(senderSigningKey, input, signature);
  if (!ok) throw new CryptoError('bad_signature', 'envelope signature does not verify');
  return envelopeOverSigned({ ...envelope, signature }, input.subarray(SIGN_LABEL.length));
}

/** Opens the body with its message key: AEAD check first, then padding. */
export function openEnvelopeBody(envelope: DecodedEnvelope, messageKey: Uint8Array): Uint8Array {
  return unpad(xchachaOpen(messageKey, envelope.nonce, envelope.ciphertext, envelope.aad)).slice();
}
