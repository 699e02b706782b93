// Bench envelope bodies: random bytes of a real envelope's size, with the due time inside. A
// short text pads to one 256-byte bucket (PADDING_BUCKET_BYTES) and the envelope adds its header,
// signature and tag around it (packages/crypto envelope codec), which makes 441 bytes on the wire
// before base64url. The relay never looks inside a body, so random bytes cost it exactly what
// ciphertext does. Bytes 0-7 carry the due time (monotonic ns, float64 BE) for the receiver.
import { randomFillSync } from 'node:crypto';

/** One 256-byte padding bucket + 65 fixed header bytes + ~40 kind header + 64 signature + 16 tag. */
export const BODY_BYTES = 256 + 65 + 40 + 64 + 16;

/** base64url (no padding) of a fresh body stamped with `dueNs`. */
export function benchBody(dueNs: number, size = BODY_BYTES): string {
  const bytes = Buffer.allocUnsafe(size);
  randomFillSync(bytes, 8);
  bytes.writeDoubleBE(dueNs, 0);
  return bytes.toString('base64url');
}

/** The due time stamped in a body (12 base64url characters hold its first 9 bytes). */
export function dueTimeOf(body: string): number {
  return Buffer.from(body.slice(0, 12), 'base64url').readDoubleBE(0);
}

/** The machine's monotonic clock in ns, shared by every process on it. */
export function monoNs(): number {
  return Number(process.hrtime.bigint());
}
