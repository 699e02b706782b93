// One-time prekeys (docs/protocol.md §5.2): X25519 key pairs with u32 ids. The relay hands each out
// at most once; the device deletes the private key as soon as a first message has used it, which
// is what gives a first message forward secrecy and makes a replayed first message fail.
import type { KeyPair } from '../primitives/ed25519';
import type { CryptoSuite } from '../primitives/suite';
import { assertPrekeyId } from './prekey-id';

/** How many one-time prekeys a device keeps published (§5.2). */
export const ONE_TIME_PREKEY_TARGET = 100;

export interface OneTimePrekeyPublic {
  readonly id: number;
  readonly publicKey: Uint8Array;
}

export interface OneTimePrekeyRecord {
  readonly id: number;
  readonly keyPair: KeyPair;
}

/** `count` fresh one-time prekeys with the consecutive ids firstId, firstId + 1, … */
export async function generateOneTimePrekeys(
  suite: CryptoSuite,
  firstId: number,
  count: number,
): Promise<OneTimePrekeyRecord[]> {
  if (count > 0) assertPrekeyId(firstId + count - 1);
  assertPrekeyId(firstId);
  const out: OneTimePrekeyRecord[] = [];
  for (let i = 0; i < count; i++)
    out.push({ id: firstId + i, keyPair: await suite.x25519.generateKeyPair() });
  return out;
}
