// RFC 9180 §4: the suite identifiers of the one HPKE suite Parley uses, and LabeledExtract /
// LabeledExpand over HKDF-SHA256 (docs/protocol.md §3.1).
//
// The labels here ("eae_prk", "secret", "key", ...) are fixed by RFC 9180 and are prefixed with
// "HPKE-v1" || suite_id, not with Parley's `parley/v1/`: they must match every other HPKE
// implementation byte for byte. Parley's own labels go into `info` and `aad`, which callers set.
//
// Why not primitives/kdf.ts: a group epoch wrap runs ~5 HMACs per recipient for 1,000 recipients.
// Working on keyed HMAC states lets us (a) feed the labeled input piece by piece instead of
// allocating and wiping concatenations, (b) key one HMAC with `secret` for both `key` and
// `base_nonce`, and (c) precompute the state of the empty-salt extracts after the constant
// prefix. It is the same HKDF (RFC 5869), checked by the RFC 9180 known-answer test.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { CryptoError } from '../errors';
import { utf8ToBytes } from '../primitives/bytes';

/** DHKEM(X25519, HKDF-SHA256). */
export const KEM_ID = 0x0020;
/** HKDF-SHA256. */
export const KDF_ID = 0x0001;
/** ChaCha20Poly1305. */
export const AEAD_ID = 0x0003;

/** Lengths of RFC 9180 §7: shared secret, enc, public and private key, AEAD key, nonce, tag, hash. */
export const N_SECRET = 32;
export const N_ENC = 32;
export const N_PK = 32;
export const N_SK = 32;
export const N_K = 32;
export const N_N = 12;
export const N_T = 16;
export const N_H = 32;

export const EMPTY = new Uint8Array(0);

const HPKE_V1 = utf8ToBytes('HPKE-v1');

function i2osp2(n: number): Uint8Array {
  return Uint8Array.of((n >>> 8) & 0xff, n & 0xff);
}

/** suite_id = "KEM" || I2OSP(kem_id, 2), used inside the KEM (§4.1). */
export const KEM_SUITE_ID = Uint8Array.from([...utf8ToBytes('KEM'), ...i2osp2(KEM_ID)]);

/** suite_id = "HPKE" || I2OSP(kem_id, 2) || I2OSP(kdf_id, 2) || I2OSP(aead_id, 2) (§5.1). */
export const HPKE_SUITE_ID = Uint8Array.from([
  ...utf8ToBytes('HPKE'),
  ...i2osp2(KEM_ID),
  ...i2osp2(KDF_ID),
  ...i2osp2(AEAD_ID),
]);

/** An RFC 9180 label as bytes (ASCII). */
export function hpkeLabel(name: string): Uint8Array {
  return utf8ToBytes(name);
}

/** An HMAC-SHA256 state keyed with a PRK; clone it per use, destroy it when the PRK is done. */
export interface KeyedHmac {
  update(data: Uint8Array): KeyedHmac;
  digest(): Uint8Array;
  digestInto(out: Uint8Array): void;
  clone(): KeyedHmac;
  /** Wipes the internal state (the key pads). */
  destroy(): void;
}

/** HMAC-SHA256 keyed with `key`, ready for update(). */
export function keyedHmac(key: Uint8Array): KeyedHmac {
  return hmac.create(sha256, key);
}

/** Extract with salt = "" keys HMAC with HashLen zero bytes (RFC 5869 §2.2); this is that state. */
let zeroSaltHmac: KeyedHmac | undefined;

function saltedHmac(salt: Uint8Array): KeyedHmac {
  if (salt.length > 0) return keyedHmac(salt);
  zeroSaltHmac ??= keyedHmac(EMPTY);
  return zeroSaltHmac.clone();
}

/** LabeledExtract(salt, label, ikm) = Extract(salt, "HPKE-v1" || suite_id || label || ikm). */
export function labeledExtract(
  suiteId: Uint8Array,
  salt: Uint8Array,
  label: Uint8Array,
  ikm: Uint8Array,
): Uint8Array {
  return saltedHmac(salt).update(HPKE_V1).update(suiteId).update(label).update(ikm).digest();
}

/**
 * LabeledExtract("", label, ·) with the constant prefix "HPKE-v1" || suite_id || label already
 * absorbed: each call only hashes the ikm. Used for eae_prk, once per seal and per open.
 */
export function zeroSaltExtractor(suiteId: Uint8Array, label: Uint8Array): (ikm: Uint8Array) => Uint8Array {
  let prefixed: KeyedHmac | undefined;
  return (ikm) => {
    prefixed ??= saltedHmac(EMPTY).update(HPKE_V1).update(suiteId).update(label);
    return prefixed.clone().update(ikm).digest();
  };
}

const COUNTER = [Uint8Array.of(1), Uint8Array.of(2), Uint8Array.of(3)];

function assertExpandLength(length: number): void {
  // One HMAC block per 32 bytes; Parley never asks for more than a few blocks.
  if (!Number.isInteger(length) || length < 1 || length > COUNTER.length * N_H) {
    throw new CryptoError('bad_input', 'HPKE expand length out of range');
  }
}

/**
 * LabeledExpand(prk, label, info, L) with the PRK given as a keyed HMAC state:
 *   Expand(prk, I2OSP(L, 2) || "HPKE-v1" || suite_id || label || info, L)
 * where Expand is RFC 5869 §2.3: T(i) = HMAC(prk, T(i-1) || labeled_info || I2OSP(i, 1)).
 * `info` may be given in parts, which are hashed in order as if concatenated.
 */
export function labeledExpandKeyed(
  prk: KeyedHmac,
  suiteId: Uint8Array,
  label: Uint8Array,
  info: Uint8Array | readonly Uint8Array[],
  length: number,
): Uint8Array {
  assertExpandLength(length);
  const infoParts = info instanceof Uint8Array ? [info] : info;
  const prefix = i2osp2(length);
  const out = new Uint8Array(Math.ceil(length / N_H) * N_H);
  let previous = EMPTY;
  for (let block = 0; block * N_H < length; block++) {
    const h = prk.clone().update(previous).update(prefix).update(HPKE_V1).update(suiteId).update(label);
    for (const part of infoParts) h.update(part);
    h.update(COUNTER[block] as Uint8Array);
    const t = out.subarray(block * N_H, (block + 1) * N_H);
    h.digestInto(t);
    previous = t;
  }
  if (out.length === length) return out;
  const result = out.slice(0, length);
  out.fill(0);
  return result;
}

/** LabeledExpand(prk, label, info, L) (§4). */
export function labeledExpand(
  suiteId: Uint8Array,
  prk: Uint8Array,
  label: Uint8Array,
  info: Uint8Array | readonly Uint8Array[],
  length: number,
): Uint8Array {
  const keyed = keyedHmac(prk);
  try {
    return labeledExpandKeyed(keyed, suiteId, label, info, length);
  } finally {
    keyed.destroy(); // wipes the PRK-derived pads
  }
}
