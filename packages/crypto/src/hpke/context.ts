// RFC 9180 §5.2 and §5.3: the encryption context with its sequence number, and the secret
// export interface (docs/protocol.md §3.4).
//
// nonce(seq) = base_nonce XOR I2OSP(seq, Nn). The sender's k-th seal and the recipient's k-th
// successful open use seq = k, so several messages under one setup work as long as they are
// opened in the order they were sealed. A failed open does not advance seq (§5.2).
import { CryptoError } from '../errors';
import { chachaOpen, chachaSeal } from '../primitives/aead';
import { wipe } from '../primitives/bytes';
import type { KeySchedule } from './key-schedule';
import { HPKE_SUITE_ID, hpkeLabel, labeledExpand, N_N, N_T } from './labeled-kdf';

const SEC = hpkeLabel('sec');

/**
 * RFC 9180 stops at 2^96 - 1 messages. JS numbers are exact up to 2^53 - 1, which no context
 * reaches; past it we refuse rather than reuse a nonce.
 */
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

/** base_nonce XOR I2OSP(seq, Nn). */
export function computeNonce(baseNonce: Uint8Array, seq: number): Uint8Array {
  if (!Number.isSafeInteger(seq) || seq < 0)
    throw new CryptoError('bad_input', 'HPKE sequence number out of range');
  const nonce = Uint8Array.from(baseNonce);
  let hi = Math.floor(seq / 2 ** 32);
  let lo = seq >>> 0;
  for (let i = N_N - 1; i >= N_N - 4; i--) {
    nonce[i] = (nonce[i] as number) ^ (lo & 0xff);
    lo >>>= 8;
  }
  for (let i = N_N - 5; i >= N_N - 8; i--) {
    nonce[i] = (nonce[i] as number) ^ (hi & 0xff);
    hi >>>= 8;
  }
  return nonce;
}

abstract class ContextBase {
  protected readonly key: Uint8Array;
  protected readonly baseNonce: Uint8Array;
  private readonly exporterSecret: Uint8Array | undefined;
  protected nextSeq = 0;
  private destroyed = false;

  constructor(schedule: KeySchedule) {
    this.key = schedule.key;
    this.baseNonce = schedule.baseNonce;
    this.exporterSecret = schedule.exporterSecret;
  }

  /** The sequence number the next seal (or successful open) will use. */
  get seq(): number {
    return this.nextSeq;
  }

  protected assertUsable(aad: Uint8Array, data: Uint8Array): void {
    if (!(aad instanceof Uint8Array) || !(data instanceof Uint8Array)) {
      throw new CryptoError('bad_input', 'HPKE aad and message must be bytes');
    }
    if (this.destroyed) throw new CryptoError('bad_input', 'HPKE context was destroyed');
    if (this.nextSeq >= MAX_SEQ) throw new CryptoError('limit', 'HPKE message limit reached');
  }

  /** Export(exporter_context, L) = LabeledExpand(exporter_secret, "sec", exporter_context, L). */
  export(exporterContext: Uint8Array, length: number): Uint8Array {
    if (this.destroyed) throw new CryptoError('bad_input', 'HPKE context was destroyed');
    if (this.exporterSecret === undefined)
      throw new CryptoError('unsupported', 'HPKE context has no exporter');
    if (!(exporterContext instanceof Uint8Array))
      throw new CryptoError('bad_input', 'exporter context must be bytes');
    return labeledExpand(HPKE_SUITE_ID, this.exporterSecret, SEC, exporterContext, length);
  }

  /** Wipe the key, nonce and exporter secret. The context is unusable afterwards. */
  destroy(): void {
    this.destroyed = true;
    wipe(this.key, this.baseNonce, this.exporterSecret);
  }
}

/** Sender side: seal only. */
export class SenderContext extends ContextBase {
  seal(aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
    this.assertUsable(aad, plaintext);
    const ciphertext = chachaSeal(this.key, computeNonce(this.baseNonce, this.nextSeq), plaintext, aad);
    this.nextSeq++;
    return ciphertext;
  }
}

/** Recipient side: open only. A bad tag is CryptoError('bad_mac') and leaves seq unchanged. */
export class RecipientContext extends ContextBase {
  open(aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
    this.assertUsable(aad, ciphertext);
    if (ciphertext.length < N_T) throw new CryptoError('bad_input', 'HPKE ciphertext shorter than its tag');
    const plaintext = chachaOpen(this.key, computeNonce(this.baseNonce, this.nextSeq), ciphertext, aad);
    this.nextSeq++;
    return plaintext;
  }
}
