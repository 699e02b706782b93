// Prekey ids (docs/protocol.md §5.2): u32, with 0xFFFFFFFF reserved to mean "no one-time prekey"
// in the ratchet kind header (§5.4), so no prekey may carry it.
import { CryptoError } from '../errors';

export const NO_PREKEY_ID = 0xffffffff;
export const MAX_PREKEY_ID = 0xfffffffe;

export function isPrekeyId(id: number): boolean {
  return Number.isInteger(id) && id >= 0 && id <= MAX_PREKEY_ID;
}

export function assertPrekeyId(id: number): void {
  if (!isPrekeyId(id)) throw new CryptoError('bad_input', 'prekey id out of range');
}
