// How an envelope travels in GraphQL (docs/protocol.md §9.5). The body is the binary envelope of
// packages/crypto as base64url without padding; the relay stores and forwards it without looking
// inside. Every base64url text has exactly one spelling (no padding, zero unused bits), so equal
// bodies are equal strings and a body cannot be re-spelled to dodge a uniqueness check.
import { z } from 'zod';
import { ProtocolError } from './errors';
import { MAX_BATCH_BODY_BYTES, MAX_BATCH_ENVELOPES, MAX_ENVELOPE_BODY_BYTES } from './limits';
import { Address, base64urlBytes, Id16, Millis } from './wire-primitives';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Character code -> 6-bit value, or -1 for a character outside the base64url alphabet. */
const DECODE = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

function sextet(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const value = code < 128 ? (DECODE[code] ?? -1) : -1;
  if (value < 0) throw new ProtocolError('bad_request', `base64url: bad character at ${i}`);
  return value;
}

/** base64url without padding (RFC 4648 §5). */
export function encodeBase64url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out +=
      ALPHABET.charAt(n >> 18) +
      ALPHABET.charAt((n >> 12) & 63) +
      ALPHABET.charAt((n >> 6) & 63) +
      ALPHABET.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] as number) << 16;
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63);
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63) + ALPHABET.charAt((n >> 6) & 63);
  }
  return out;
}

/** Decoded length of an unpadded base64url text, or -1 when no byte string has that length. */
function decodedLength(textLength: number): number {
  const rest = textLength % 4;
  if (rest === 1) return -1;
  return Math.floor(textLength / 4) * 3 + (rest === 0 ? 0 : rest - 1);
}

/**
 * Strict base64url decode. Rejects, in this order: a text whose decoded size is over `maxBytes`
 * (too_large, checked from the length alone, before any work), an impossible length, padding or
 * any character outside the alphabet, and non-zero unused bits in the last character (bad_request).
 */
export function decodeBase64url(text: string, maxBytes: number): Uint8Array {
  if (typeof text !== 'string') throw new ProtocolError('bad_request', 'base64url: expected a string');
  if (text.length > Math.ceil((maxBytes * 4) / 3)) {
    throw new ProtocolError('too_large', `base64url: over ${maxBytes} bytes`);
  }
  const length = decodedLength(text.length);
  if (length < 0) throw new ProtocolError('bad_request', 'base64url: impossible length');
  if (length > maxBytes) throw new ProtocolError('too_large', `base64url: over ${maxBytes} bytes`);
  const out = new Uint8Array(length);
  let o = 0;
  let i = 0;
  for (; i + 4 <= text.length; i += 4) {
    const n =
      (sextet(text, i) << 18) |
      (sextet(text, i + 1) << 12) |
      (sextet(text, i + 2) << 6) |
      sextet(text, i + 3);
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = text.length - i;
  if (rest === 2) {
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    if ((b & 15) !== 0) throw new ProtocolError('bad_request', 'base64url: non-zero unused bits');
    out[o] = (a << 2) | (b >> 4);
  } else if (rest === 3) {
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = sextet(text, i + 2);
    if ((c & 3) !== 0) throw new ProtocolError('bad_request', 'base64url: non-zero unused bits');
    out[o++] = (a << 2) | (b >> 4);
    out[o] = ((b & 15) << 4) | (c >> 2);
  }
  return out;
}

/** True when `text` is the one base64url spelling of some byte string (used by schemas). */
export function isCanonicalBase64url(text: string): boolean {
  const rest = text.length % 4;
  if (rest === 1) return false;
  if (rest === 0) return true;
  const last = text.charCodeAt(text.length - 1);
  const value = last < 128 ? (DECODE[last] ?? -1) : -1;
  return value >= 0 && (value & (rest === 2 ? 15 : 3)) === 0;
}

/** An envelope body: 1 to MAX_ENVELOPE_BODY_BYTES bytes as canonical base64url. */
export const EnvelopeBody = base64urlBytes(MAX_ENVELOPE_BODY_BYTES)
  .min(2, 'expected a non-empty body')
  .refine(isCanonicalBase64url, 'expected canonical base64url');

/** Client to relay: one envelope of a send batch. */
export const EnvelopeIn = z.strictObject({
  conversationId: Id16,
  /** Unique per sender device; a retry reuses it, so the relay stores the envelope at most once. */
  clientId: Id16,
  body: EnvelopeBody,
  /** Set on a per-device ratchet copy: only that device receives it. Absent for group envelopes. */
  recipientDevice: Id16.optional(),
});
export type EnvelopeIn = z.infer<typeof EnvelopeIn>;

/** Relay to client: the stored envelope with what the relay added. */
export const EnvelopeOut = z.strictObject({
  conversationId: Id16,
  clientId: Id16,
  body: EnvelopeBody,
  recipientDevice: Id16.optional(),
  /** Per-conversation order assigned by the relay, from 1, without gaps. */
  seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  /** The wallet of the signed-in session that sent it. */
  senderAddress: Address,
  /** The device of that session. Clients still check it against the envelope header. */
  senderDevice: Id16,
  serverTime: Millis,
});
export type EnvelopeOut = z.infer<typeof EnvelopeOut>;

/** Decoded size of a canonical base64url text, from its length alone. */
function bodyBytes(text: string): number {
  return Math.max(0, decodedLength(text.length));
}

/**
 * One send: 1 to MAX_BATCH_ENVELOPES envelopes whose bodies add up to at most MAX_BATCH_BODY_BYTES,
 * with no envelope twice. Per-device copies of one message share its client id and differ in
 * `recipientDevice`, so the key is (conversation, client id, recipient device).
 */
export const EnvelopeBatchIn = z
  .array(EnvelopeIn)
  .min(1)
  .max(MAX_BATCH_ENVELOPES)
  .refine((batch) => batch.reduce((sum, e) => sum + bodyBytes(e.body), 0) <= MAX_BATCH_BODY_BYTES, {
    message: `bodies over ${MAX_BATCH_BODY_BYTES} bytes in one batch`,
  })
  .refine(
    (batch) =>
      new Set(batch.map((e) => `${e.conversationId}/${e.clientId}/${e.recipientDevice ?? ''}`)).size ===
      batch.length,
    { message: 'the same envelope twice in one batch' },
  );
export type EnvelopeBatchIn = z.infer<typeof EnvelopeBatchIn>;
