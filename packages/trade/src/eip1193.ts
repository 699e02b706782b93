// Signing through the user's wallet (EIP-1193, eth_signTypedData_v4). The wallet shows the typed
// data it signs, so the payload is exactly what goes on the wire (docs/protocol.md §11.1, §11.4).
// The answer is checked before use: it must be a 65-byte signature that recovers to the account
// that was asked, in the one spelling Parley sends (lowercase, v = 27 or 28).
import type { TypedData } from '@parley/protocol';
import { recoverAddress, Signature } from 'ethers';
import { TradeError } from './trade-error';

/** The slice of EIP-1193 that Parley uses. Browser wallets and the test wallet provider fit it. */
export interface Eip1193Provider {
  request(args: { method: string; params?: readonly unknown[] | Record<string, unknown> }): Promise<unknown>;
}

/** EIP-1193 "user rejected the request". */
const USER_REJECTED = 4001;

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/** secp256k1's group order: a signature's s must be at most half of it (EIP-2). */
const HALF_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n / 2n;

/**
 * The one wire spelling of a signature: r || s || v, lowercase, v = 27 or 28, s in the lower half
 * (EIP-2), so the malleable twin (r, n − s) of a signature is refused. Wallets that answer v = 0
 * or 1 are normalised (Seaport's ecrecover wants 27 or 28); anything else is undefined.
 */
export function canonicalSignature(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{130}$/.test(value)) return undefined;
  try {
    const signature = Signature.from(value);
    if (BigInt(signature.s) > HALF_ORDER) return undefined;
    return signature.serialized.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The lowercase address that signed `digest`, or undefined when the signature is not valid. */
export function recoverSigner(digest: string, signature: string): string | undefined {
  try {
    return recoverAddress(digest, signature).toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Asks `provider` to sign `typedData` with `account` and returns the canonical signature. `digest`
 * is the EIP-712 digest Parley computed for the same payload: the signature must recover to
 * `account` over it, so a wallet that signed something else, or with another account, is caught
 * here rather than by the receiver.
 */
export async function signTypedDataV4(
  provider: Eip1193Provider,
  account: string,
  typedData: TypedData,
  digest: string,
): Promise<string> {
  let answer: unknown;
  try {
    answer = await provider.request({
      method: 'eth_signTypedData_v4',
      params: [account, JSON.stringify(typedData)],
    });
  } catch (error) {
    const rejected = errorCode(error) === USER_REJECTED;
    throw new TradeError(
      'wallet_rejected',
      rejected ? 'the wallet refused to sign' : 'the signing request failed',
    );
  }
  const signature = canonicalSignature(answer);
  if (signature === undefined)
    throw new TradeError('wallet_error', 'the wallet did not return a 65-byte signature');
  if (recoverSigner(digest, signature) !== account.toLowerCase()) {
    throw new TradeError('wrong_signer', 'the wallet signed with another account or other data');
  }
  return signature;
}
