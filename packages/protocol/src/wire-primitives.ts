// Scalar shapes every wire schema builds on. Lowercase hex for ids and keys (one spelling per
// value, so equality is byte equality), base64url without padding for opaque bodies.
import { z } from 'zod';

/** `n` bytes as lowercase hex, no 0x. */
export const hexBytes = (n: number) =>
  z.string().regex(new RegExp(`^[0-9a-f]{${2 * n}}$`), `expected ${n} bytes of lowercase hex`);

/** A device id or conversation id: 16 bytes as 32 lowercase hex characters. */
export const Id16 = hexBytes(16);

/** An Ethereum address: 0x + 40 lowercase hex characters. */
export const Address = z.string().regex(/^0x[0-9a-f]{40}$/, 'expected a lowercase 0x-prefixed address');

/** Opaque bytes as base64url without padding, at most `maxBytes` once decoded. */
export const base64urlBytes = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil((maxBytes * 4) / 3))
    .regex(/^[A-Za-z0-9_-]*$/, 'expected base64url without padding');

/** Milliseconds since the Unix epoch, as a safe integer. */
export const Millis = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
