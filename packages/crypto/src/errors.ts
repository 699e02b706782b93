// Every failure in this package is a CryptoError with a kind. Messages are terse and never
// contain key material, plaintext or ciphertext.

export type CryptoErrorKind =
  | 'bad_input' // malformed bytes, wrong lengths, out-of-range numbers
  | 'bad_key' // a public key that is invalid or of small order, an all-zero DH output
  | 'bad_signature' // an Ed25519 or wallet signature that does not verify
  | 'bad_mac' // an AEAD tag that does not verify
  | 'forged_entry' // a device-log entry signed by the wrong wallet or not countersigned
  | 'broken_chain' // a device-log entry whose prev hash or sequence does not follow
  | 'revoked' // a device that the log has revoked
  | 'unknown_device' // a sender not in the active device set
  | 'replay' // a message key or counter that was already used
  | 'wrong_epoch' // a group message for an epoch this device does not hold
  | 'too_many_skipped' // a ratchet chain asked to skip more keys than the limit
  | 'limit' // a configured limit, such as the device cap
  | 'unsupported'; // a version or algorithm this build does not know

export class CryptoError extends Error {
  override readonly name = 'CryptoError';
  readonly kind: CryptoErrorKind;
  /** Position of the offending item, such as the index of the first bad device-log entry. */
  readonly index: number | undefined;

  constructor(kind: CryptoErrorKind, message: string, options?: { index?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.index = options?.index;
  }
}

export function isCryptoError(e: unknown, kind?: CryptoErrorKind): e is CryptoError {
  return e instanceof CryptoError && (kind === undefined || e.kind === kind);
}
