// Safety numbers (docs/protocol.md §8): what two people compare, out loud or by scanning a QR
// code, to know that the devices their apps encrypt to are the ones the other person linked.
// Signal's construction: per side, iterated SHA-512 over that account's identity, 30 digits;
// the 60-digit number is the two halves in sorted order, so both people see the same number.
// Each side's identity is its address and the signing keys of its active devices, so the number
// changes whenever either side links or revokes a device.

import { type DeviceLogState, MAX_ACTIVE_DEVICES } from '../device-log/state';
import { CryptoError } from '../errors';
import { concatBytes, equalBytes, hexToBytes, lengthPrefixed, u32be } from '../primitives/bytes';
import { label, sha512 } from '../primitives/kdf';

export const SAFETY_NUMBER_VERSION = 1;
export const SAFETY_NUMBER_ITERATIONS = 5200;
/** Version byte plus two 32-byte fingerprint hashes. */
export const SAFETY_QR_LENGTH = 65;

export interface SafetyIdentity {
  /** 0x-hex wallet address (any case; lowercased before use). */
  readonly address: string;
  /** Ed25519 public keys (32 bytes each) of the account's active devices, in any order. */
  readonly signingKeys: readonly Uint8Array[];
}

export interface SafetyNumber {
  /** 60 decimal digits. */
  readonly digits: string;
  /** The same digits as 12 groups of 5, for display. */
  readonly groups: readonly string[];
  /** What the QR code carries: version byte || the two 32-byte fingerprint hashes, sorted. */
  readonly qrPayload: Uint8Array;
}

const LABEL = label('safety-number');

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** The identity's key block: u32be(count) || keys sorted ascending bytewise (no duplicates). */
function keyBlock(signingKeys: readonly Uint8Array[]): Uint8Array {
  if (!Array.isArray(signingKeys) || signingKeys.length === 0 || signingKeys.length > MAX_ACTIVE_DEVICES) {
    throw new CryptoError('bad_input', 'need 1 to 10 signing keys');
  }
  for (const k of signingKeys) {
    if (!(k instanceof Uint8Array) || k.length !== 32)
      throw new CryptoError('bad_input', 'signing key must be 32 bytes');
  }
  const sorted = [...signingKeys].sort(compareBytes);
  for (let i = 1; i < sorted.length; i++) {
    if (compareBytes(sorted[i - 1] as Uint8Array, sorted[i] as Uint8Array) === 0) {
      throw new CryptoError('bad_input', 'duplicate signing key');
    }
  }
  return concatBytes(u32be(sorted.length), ...sorted);
}

/**
 * One side's 64-byte fingerprint: h0 = lengthPrefixed(label('safety-number'), [version],
 * address (20 bytes), keyBlock); then SAFETY_NUMBER_ITERATIONS times h = SHA-512(h || keyBlock).
 */
export function safetyFingerprint(identity: SafetyIdentity): Uint8Array {
  const address = identity.address;
  if (typeof address !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(address)) {
    throw new CryptoError('bad_input', 'address must be 20 bytes of 0x-hex');
  }
  const keys = keyBlock(identity.signingKeys);
  let h = lengthPrefixed(
    LABEL,
    new Uint8Array([SAFETY_NUMBER_VERSION]),
    hexToBytes(address.slice(2).toLowerCase()),
    keys,
  );
  // Every round after the first hashes exactly 64 + keys.length bytes: reuse one buffer.
  const buf = new Uint8Array(64 + keys.length);
  buf.set(keys, 64);
  h = sha512(concatBytes(h, keys));
  for (let i = 1; i < SAFETY_NUMBER_ITERATIONS; i++) {
    buf.set(h, 0);
    h = sha512(buf);
  }
  return h;
}

/** 30 digits: six 5-byte big-endian chunks of the fingerprint, each mod 100000, zero-padded. */
function displayHalf(fingerprint: Uint8Array): string {
  let out = '';
  for (let i = 0; i < 30; i += 5) {
    let n = 0;
    for (let j = i; j < i + 5; j++) n = n * 256 + (fingerprint[j] as number);
    out += String(n % 100000).padStart(5, '0');
  }
  return out;
}

/** The safety number between two accounts; the same value whichever side computes it. */
export function safetyNumber(local: SafetyIdentity, remote: SafetyIdentity): SafetyNumber {
  const mine = safetyFingerprint(local);
  const theirs = safetyFingerprint(remote);
  const halves = [displayHalf(mine), displayHalf(theirs)].sort();
  const digits = halves.join('');
  const groups = digits.match(/[0-9]{5}/g) ?? [];
  const hashes = [mine.slice(0, 32), theirs.slice(0, 32)].sort(compareBytes);
  const qrPayload = concatBytes(new Uint8Array([SAFETY_NUMBER_VERSION]), ...hashes);
  return { digits, groups, qrPayload };
}

/**
 * Compares my QR payload with the one scanned from the other person's screen, in constant time.
 * Throws bad_input for a payload of the wrong size and unsupported for another version, so the
 * UI can tell "not a Parley code" and "update the app" apart from "does not match".
 */
export function compareSafetyQr(mine: Uint8Array, scanned: Uint8Array): boolean {
  for (const p of [mine, scanned]) {
    if (!(p instanceof Uint8Array) || p.length !== SAFETY_QR_LENGTH) {
      throw new CryptoError('bad_input', 'not a safety-number code');
    }
  }
  if (mine[0] !== SAFETY_NUMBER_VERSION || scanned[0] !== SAFETY_NUMBER_VERSION) {
    throw new CryptoError('unsupported', 'unknown safety-number version');
  }
  return equalBytes(mine, scanned);
}

/** The identity a verified device log gives: its address and its active devices' signing keys. */
export function safetyIdentityOf(state: DeviceLogState): SafetyIdentity {
  return { address: state.address, signingKeys: state.devices.map((d) => d.signingKey) };
}
