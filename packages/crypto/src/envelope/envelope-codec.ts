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
import { assertLength } from '../primitives/bytes';
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

/** Where a header of `kindHeaderLength` ends: the AEAD associated data is bytes[0, 60+H). */
function headerLength(kindHeaderLength: number): number {
  return 60 + kindHeaderLength;
}

function checkHeader(h: EnvelopeHeader): void {
  assertLength(h.conversationId, 16, 'conversation id');
  assertLength(h.senderDevice, 16, 'sender device id');
  assertLength(h.nonce, 24, 'nonce');
  if (h.kindHeader.length > MAX_KIND_HEADER) throw new CryptoError('bad_input', 'kind header too long');
}

/**
 * Writes header || u32(C) || ciphertext at `at` in `out` (which must have room). Every encoder
 * below goes through here, so the layout lives in one place and each one allocates its output once.
 */
function writeSignedPart(out: Uint8Array, at: number, h: EnvelopeHeader, ciphertext: Uint8Array | undefined) {
  checkHeader(h);
  const hl = h.kindHeader.length;
  out[at] = ENVELOPE_VERSION;
  out[at + 1] = KINDS.indexOf(h.kind) + 1;
  out.set(h.conversationId, at + 2);
  out.set(h.senderDevice, at + 18);
  out[at + 34] = hl >>> 8; // u16 BE
  out[at + 35] = hl & 0xff;
  out.set(h.kindHeader, at + 36);
  out.set(h.nonce, at + 36 + hl);
  if (ciphertext === undefined) return;
  const c = ciphertext.length;
  const lenAt = at + headerLength(hl);
  out[lenAt] = c >>> 24; // u32 BE
  out[lenAt + 1] = (c >>> 16) & 0xff;
  out[lenAt + 2] = (c >>> 8) & 0xff;
  out[lenAt + 3] = c & 0xff;
  out.set(ciphertext, lenAt + 4);
}

/** The header bytes, which are the AEAD associated data. */
export function encodeHeader(h: EnvelopeHeader): Uint8Array {
  const out = new Uint8Array(headerLength(h.kindHeader.length));
  writeSignedPart(out, 0, h, undefined);
  return out;
}

/** The bytes a signature covers (before the label): header, ciphertext length and ciphertext. */
export function encodeSignedPart(h: EnvelopeHeader, ciphertext: Uint8Array): Uint8Array {
  const out = new Uint8Array(headerLength(h.kindHeader.length) + 4 + ciphertext.length);
  writeSignedPart(out, 0, h, ciphertext);
  return out;
}

/**
 * What the sender's Ed25519 key signs (§7.1): label('envelope/sign') || header || u32(C) ||
 * ciphertext, built in one buffer. Pass it with the signature to encodeSignedEnvelope.
 */
export function signingInput(h: EnvelopeHeader, ciphertext: Uint8Array): Uint8Array {
  const out = new Uint8Array(SIGN_LABEL.length + headerLength(h.kindHeader.length) + 4 + ciphertext.length);
  out.set(SIGN_LABEL);
  writeSignedPart(out, SIGN_LABEL.length, h, ciphertext);
  return out;
}

/** The envelope bytes of a signed kind from its signingInput and the 64-byte signature over it. */
export function encodeSignedEnvelope(input: Uint8Array, signature: Uint8Array): Uint8Array {
  assertLength(signature, 64, 'signature');
  const signedPart = input.subarray(SIGN_LABEL.length);
  const out = new Uint8Array(signedPart.length + 65);
  out.set(signedPart);
  out[signedPart.length] = 64;
  out.set(signature, signedPart.length + 1);
  if (out.length > MAX_ENVELOPE_BYTES) throw new CryptoError('bad_input', 'envelope too large');
  return out;
}

export function encodeEnvelope(e: Envelope): Uint8Array {
  const signed = isSignedKind(e.kind);
  if (signed !== (e.signature !== undefined)) {
    throw new CryptoError('bad_input', `a ${e.kind} envelope ${signed ? 'needs' : 'has no'} signature`);
  }
  if (e.signature) assertLength(e.signature, 64, 'signature');
  const sigAt = headerLength(e.kindHeader.length) + 4 + e.ciphertext.length;
  const out = new Uint8Array(sigAt + 1 + (e.signature ? 64 : 0));
  writeSignedPart(out, 0, e, e.ciphertext);
  if (e.signature) {
    out[sigAt] = 64;
    out.set(e.signature, sigAt + 1);
  }
  if (out.length > MAX_ENVELOPE_BYTES) throw new CryptoError('bad_input', 'envelope too large');
  return out;
}

/**
 * Strict decode: every length must match exactly and nothing may trail. The fields are views into
 * `bytes` (no copies), for a caller that uses them at once and does not change `bytes` meanwhile;
 * decodeEnvelope returns copies.
 */
export function decodeEnvelopeView(bytes: Uint8Array): DecodedEnvelope {
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
  return {
    kind,
    conversationId: bytes.subarray(2, 18),
    senderDevice: bytes.subarray(18, 34),
    kindHeader: bytes.subarray(36, 36 + h),
    nonce: bytes.subarray(36 + h, 60 + h),
    ciphertext: bytes.subarray(64 + h, sigAt),
    ...(s === 64 ? { signature: bytes.subarray(sigAt + 1) } : {}),
    aad: bytes.subarray(0, 60 + h),
    signedBytes: bytes.subarray(0, sigAt),
  };
}

/**
 * `env` re-pointed into `signedBytes`, a private copy of env.signedBytes (same layout): used after
 * a signature check, so that what is opened is exactly what was verified (§7.4). The signature is
 * taken from `env` as it is.
 */
export function envelopeOverSigned(env: DecodedEnvelope, signedBytes: Uint8Array): DecodedEnvelope {
  const h = env.kindHeader.length;
  if (signedBytes.length !== 64 + h + env.ciphertext.length) {
    throw new CryptoError('bad_input', 'signed bytes do not match the envelope');
  }
  return {
    kind: env.kind,
    conversationId: signedBytes.subarray(2, 18),
    senderDevice: signedBytes.subarray(18, 34),
    kindHeader: signedBytes.subarray(36, 36 + h),
    nonce: signedBytes.subarray(36 + h, 60 + h),
    ciphertext: signedBytes.subarray(64 + h),
    ...(env.signature ? { signature: env.signature } : {}),
    aad: signedBytes.subarray(0, 60 + h),
    signedBytes,
  };
}

/** Strict decode (see decodeEnvelopeView); every field is a copy, independent of `bytes`. */
export function decodeEnvelope(bytes: Uint8Array): DecodedEnvelope {
  const v = decodeEnvelopeView(bytes);
  return {
    kind: v.kind,
    conversationId: v.conversationId.slice(),
    senderDevice: v.senderDevice.slice(),
    kindHeader: v.kindHeader.slice(),
    nonce: v.nonce.slice(),
    ciphertext: v.ciphertext.slice(),
    ...(v.signature ? { signature: v.signature.slice() } : {}),
    aad: v.aad.slice(),
    signedBytes: v.signedBytes.slice(),
  };
}
