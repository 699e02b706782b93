// Wrapping of this device's private keys at rest (DESIGN.md §6): AES-256-GCM under a
// non-extractable WebCrypto key that lives in the keyring table. The AAD names the purpose of the
// secret, so a wrapped agreement key cannot be swapped in for a signing key.
import type { Random } from '@parley/crypto';
import type { ParleyDatabase } from './database';
import type { WrappedSecret } from './schema';

export interface KeyWrapper {
  wrap(secret: Uint8Array, purpose: string): Promise<WrappedSecret>;
  unwrap(wrapped: WrappedSecret, purpose: string): Promise<Uint8Array>;
}

const encoder = new TextEncoder();

function buf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

export async function openKeyWrapper(
  db: ParleyDatabase,
  subtle: SubtleCrypto,
  random: Random,
): Promise<KeyWrapper> {
  // generateKey is not an IndexedDB operation, so awaiting it inside a transaction would commit
  // the transaction early. Make a candidate first; the transaction keeps whichever key was stored
  // first, so two tabs starting together still agree on one key.
  const existing = await db.keyring.get('wrap');
  const key =
    existing?.key ??
    (await (async () => {
      const fresh = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      return db.transaction('rw', db.keyring, async () => {
        const row = await db.keyring.get('wrap');
        if (row) return row.key;
        await db.keyring.put({ id: 'wrap', key: fresh });
        return fresh;
      });
    })());
  return {
    async wrap(secret, purpose) {
      const iv = buf(random(12));
      const ct = await subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(purpose) },
        key,
        buf(secret),
      );
      return { iv, ciphertext: new Uint8Array(ct) };
    },
    async unwrap(wrapped, purpose) {
      const pt = await subtle.decrypt(
        { name: 'AES-GCM', iv: buf(wrapped.iv), additionalData: encoder.encode(purpose) },
        key,
        buf(wrapped.ciphertext),
      );
      return new Uint8Array(pt);
    },
  };
}

/**
 * For a runtime without WebCrypto (no `crypto.subtle`): the secret is stored as it is. The engine
 * logs a warning when it has to use this; every browser and Node 20 have WebCrypto.
 */
export const unwrappedKeyStore: KeyWrapper = {
  async wrap(secret) {
    return { iv: new Uint8Array(0), ciphertext: secret.slice() };
  },
  async unwrap(wrapped) {
    if (wrapped.iv.length !== 0) throw new Error('this secret was wrapped with WebCrypto');
    return wrapped.ciphertext.slice();
  },
};
