// RFC 9180 §4.1: DHKEM(X25519, HKDF-SHA256), Encap and Decap (docs/protocol.md §3.2).
// Every X25519 operation goes through the CryptoSuite, so the WebCrypto backend is used when the
// caller passes a WebCrypto suite. X25519 in both backends refuses an all-zero DH output (a
// small-order peer key) with CryptoError('bad_key'), which is the check RFC 9180 §7.1.4 requires.
import { assertLength, wipe } from '../primitives/bytes';
import type { X25519 } from '../primitives/x25519';
import {
  hpkeLabel,
  KEM_SUITE_ID,
  labeledExpand,
  N_ENC,
  N_PK,
  N_SECRET,
  N_SK,
  zeroSaltExtractor,
} from './labeled-kdf';

const eaePrkOf = zeroSaltExtractor(KEM_SUITE_ID, hpkeLabel('eae_prk'));
const SHARED_SECRET = hpkeLabel('shared_secret');

export interface Encapsulation {
  /** The KEM shared secret (Nsecret = 32 bytes). Secret: wipe it after the key schedule. */
  readonly sharedSecret: Uint8Array;
  /** The serialized ephemeral public key pkE, sent to the recipient. */
  readonly enc: Uint8Array;
}

/**
 * ExtractAndExpand(dh, kem_context):
 *   eae_prk = LabeledExtract("", "eae_prk", dh)
 *   shared_secret = LabeledExpand(eae_prk, "shared_secret", kem_context, Nsecret)
 * with kem_context = enc || pkRm.
 */
function extractAndExpand(dh: Uint8Array, enc: Uint8Array, pkRm: Uint8Array): Uint8Array {
  const eaePrk = eaePrkOf(dh);
  try {
    // kem_context is hashed as its two parts, so it is never materialised.
    return labeledExpand(KEM_SUITE_ID, eaePrk, SHARED_SECRET, [enc, pkRm], N_SECRET);
  } finally {
    wipe(eaePrk);
  }
}

/**
 * Encap(pkR). `ephemeralPrivateKey` pins skE for known-answer tests only; in normal use a fresh
 * key pair comes from the suite and its private half is wiped before this returns.
 */
export async function encap(
  x25519: X25519,
  recipientPublicKey: Uint8Array,
  ephemeralPrivateKey?: Uint8Array,
): Promise<Encapsulation> {
  assertLength(recipientPublicKey, N_PK, 'HPKE recipient public key');
  let skE: Uint8Array;
  let pkE: Uint8Array;
  if (ephemeralPrivateKey === undefined) {
    ({ privateKey: skE, publicKey: pkE } = await x25519.generateKeyPair());
  } else {
    assertLength(ephemeralPrivateKey, N_SK, 'HPKE ephemeral private key');
    skE = ephemeralPrivateKey;
    pkE = await x25519.publicKeyOf(skE);
  }
  let dh: Uint8Array | undefined;
  try {
    dh = await x25519.sharedSecret(skE, recipientPublicKey);
    return { sharedSecret: extractAndExpand(dh, pkE, recipientPublicKey), enc: pkE };
  } finally {
    wipe(dh);
    if (ephemeralPrivateKey === undefined) wipe(skE); // never wipe the caller's array
  }
}

/**
 * Decap(enc, skR). `recipientPublicKey` is pkRm when the caller already has it; otherwise it is
 * derived from skR. Throws CryptoError('bad_key') for a small-order enc (all-zero DH).
 */
export async function decap(
  x25519: X25519,
  enc: Uint8Array,
  recipientPrivateKey: Uint8Array,
  recipientPublicKey?: Uint8Array,
): Promise<Uint8Array> {
  assertLength(enc, N_ENC, 'HPKE enc');
  assertLength(recipientPrivateKey, N_SK, 'HPKE recipient private key');
  if (recipientPublicKey !== undefined) assertLength(recipientPublicKey, N_PK, 'HPKE recipient public key');
  const dh = await x25519.sharedSecret(recipientPrivateKey, enc);
  try {
    const pkRm = recipientPublicKey ?? (await x25519.publicKeyOf(recipientPrivateKey));
    return extractAndExpand(dh, enc, pkRm);
  } finally {
    wipe(dh);
  }
}
