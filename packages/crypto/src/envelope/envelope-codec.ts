// The envelope: Parley's one binary container (docs/protocol.md §7). Every header byte is AEAD
// associated data, so the relay cannot move a ciphertext to another conversation, sender, kind or
// counter without the open failing.
//
//   offset    size  field
//   0         1     version (1)
//   1         1     kind: 1 ratchet, 2 group, 3 control, 4 wrap
//   2         16    conversation id
//   18        16    sender device id
//   34        2     H, kind-header length (u16 BE, at most 1024)
//   36        H     kind header (its layout belongs to the kind, see §5-§6)
//   36+H      24    nonce (XChaCha20-Poly1305)
//   60+H      4     C, ciphertext length (u32 BE)
//   64+H      C     ciphertext (padded plaintext + 16-byte tag)
//   64+H+C    1     S, signature length: 64 for group, control and wrap; 0 for ratchet
//   65+H+C    S     Ed25519 signature over label('envelope/sign') || bytes[0, 64+H+C)
//
//   AAD = bytes[0, 60+H): everything from the version to the end of the nonce.
import { CryptoError } from '../errors';
import { assertLength, concatBytes } from '../primitives/bytes';
import { label } from '../primitives/kdf';

export const ENVELOPE_VERSION = 1;
/** Matches the protocol package's MAX_ENVELOPE_BODY_BYTES (limits.ts): 40 KiB, so that one envelope in base64url plus its GraphQL fields fits a 64 KiB frame. */
export const MAX_ENVELOPE_BYTES = 40 * 1024;
export const MAX_KIND_HEADER = 1024;

const KINDS = ['ratchet', 'group', 'control', 'wrap'] as const;
export type EnvelopeKind = (typeof KINDS)[number];

/**
 * Kinds whose envelopes carry the sender device's Ed25519 signature. Ratchet messages are
 * authenticated by their ratchet keys instead (deniable, like Signal's); everything addressed to a
 * group is signed, because a group key alone does not say which member sent it.
 */
export function isSignedKind(kind: EnvelopeKind): boolean {
  return kind !== 'ratchet';
}

export interface EnvelopeHeader {
  readonly kind: EnvelopeKind;
  readonly conversationId: Uint8Array;
  readonly senderDevice: Uint8Array;
  readonly kindHeader: Uint8Array;
  readonly nonce: Uint8Array;
}

export interface Envelope extends EnvelopeHeader {
  readonly ciphertext: Uint8Array;
  /** Present exactly when isSignedKind(kind). */
  readonly signature?: Uint8Array;
}

export interface DecodedEnvelope extends Envelope {
  /** The AEAD associated data: header bytes from the version to the end of the nonce. */
  readonly aad: Uint8Array;
  /** What the signature covers, without its label: bytes from the version to the end of the ciphertext. */
  readonly signedBytes: Uint8Array;
}

export const SIGN_LABEL = label('envelope/sign');

/** The header bytes, which are the AEAD associated data. */
export function encodeHeader(h: EnvelopeHeader): Uint8Array {
  assertLength(h.conversationId, 16, 'conversation id');
  assertLength(h.senderDevice, 16, 'sender device id');
  assertLength(h.nonce, 24, 'nonce');
  if (h.kindHeader.length > MAX_KIND_HEADER) throw new CryptoError('bad_input', 'kind header too long');
  const out = new Uint8Array(60 + h.kindHeader.length);
  const view = new DataView(out.buffer);
  out[0] = ENVELOPE_VERSION;
  out[1] = KINDS.indexOf(h.kind) + 1;
  out.set(h.conversationId, 2);
  out.set(h.senderDevice, 18);
  view.setUint16(34, h.kindHeader.length, false);
  out.set(h.kindHeader, 36);
  out.set(h.nonce, 36 + h.kindHeader.length);
  return out;
}

/** The bytes a signature covers (before the label): header, ciphertext length and ciphertext. */
export function encodeSignedPart(h: EnvelopeHeader, ciphertext: Uint8Array): Uint8Array {
  const header = encodeHeader(h);
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, ciphertext.length, false);
  return concatBytes(header, len, ciphertext);
}

export function encodeEnvelope(e: Envelope): Uint8Array {
  const signed = isSignedKind(e.kind);
  if (signed !== (e.signature !== undefined)) {
    throw new CryptoError('bad_input', `a ${e.kind} envelope ${signed ? 'needs' : 'has no'} signature`);
  }
  if (e.signature) assertLength(e.signature, 64, 'signature');
  const body = encodeSignedPart(e, e.ciphertext);
  const out = concatBytes(body, new Uint8Array([e.signature ? 64 : 0]), e.signature ?? new Uint8Array(0));
  if (out.length > MAX_ENVELOPE_BYTES) throw new CryptoError('bad_input', 'envelope too large');
  return out;
}

/** Strict decode: every length must match exactly and nothing may trail. */
export function decodeEnvelope(bytes: Uint8Array): DecodedEnvelope {
  const bad = (why: string) => new CryptoError('bad_input', `malformed envelope: ${why}`);
  if (bytes.length > MAX_ENVELOPE_BYTES) throw bad('too large');
  if (bytes.length < 65) throw bad('too short');
  if (bytes[0] !== ENVELOPE_VERSION) throw new CryptoError('unsupported', `envelope version ${bytes[0]}`);
  const kind = KINDS[(bytes[1] ?? 0) - 1];
  if (kind === undefined) throw bad('unknown kind');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = view.getUint16(34, false);
  if (h > MAX_KIND_HEADER || bytes.length < 65 + h) throw bad('kind header length');
  const c = view.getUint32(60 + h, false);
  const sigAt = 64 + h + c;
  if (sigAt + 1 > bytes.length) throw bad('ciphertext length');
  const s = bytes[sigAt];
  if (s !== (isSignedKind(kind) ? 64 : 0)) throw bad('signature length');
  if (sigAt + 1 + s !== bytes.length) throw bad('trailing bytes');
  const signature = s === 64 ? bytes.slice(sigAt + 1) : undefined;
  return {
    kind,
    conversationId: bytes.slice(2, 18),
    senderDevice: bytes.slice(18, 34),
    kindHeader: bytes.slice(36, 36 + h),
    nonce: bytes.slice(36 + h, 60 + h),
    ciphertext: bytes.slice(64 + h, sigAt),
    ...(signature ? { signature } : {}),
    aad: bytes.slice(0, 60 + h),
    signedBytes: bytes.slice(0, sigAt),
  };
}
