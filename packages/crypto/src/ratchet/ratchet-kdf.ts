// The Double Ratchet's KDFs (docs/protocol.md §5.5).
//
//   KDF_RK(rk, dh) = HKDF-SHA256(ikm = dh, salt = rk, info = label('ratchet/root') || AD, 64)
//                    -> (rk' = out[0..32), ck = out[32..64))
//   KDF_CK(ck)     = (mk = HMAC-SHA256(ck, 0x01), ck' = HMAC-SHA256(ck, 0x02))
//
// AD (the X3DH associated data) goes into every root step, so every chain key and message key of a
// session is a function of both devices' identity keys and ids.
import { concatBytes, wipe } from '../primitives/bytes';
import { hkdf, hmacSha256, label } from '../primitives/kdf';

const ROOT_LABEL = label('ratchet/root');
const MESSAGE_KEY_BYTE = new Uint8Array([0x01]);
const CHAIN_KEY_BYTE = new Uint8Array([0x02]);

export function kdfRoot(
  rootKey: Uint8Array,
  dhOutput: Uint8Array,
  ad: Uint8Array,
): { rootKey: Uint8Array; chainKey: Uint8Array } {
  const out = hkdf(dhOutput, rootKey, concatBytes(ROOT_LABEL, ad), 64);
  const keys = { rootKey: out.slice(0, 32), chainKey: out.slice(32, 64) };
  wipe(out);
  return keys;
}

export function kdfChain(chainKey: Uint8Array): { messageKey: Uint8Array; chainKey: Uint8Array } {
  return {
    messageKey: hmacSha256(chainKey, MESSAGE_KEY_BYTE),
    chainKey: hmacSha256(chainKey, CHAIN_KEY_BYTE),
  };
}
