// Looking a token up for display and amount entry. A contract on the built-in list is verified; any
// other is "unverified": the UI says so, and asks the user for its decimals (a symbol or decimals an
// RPC reports come from the contract itself, so they stay unverified too).
import { TradeError } from '../trade-error';
import { chainInfo, KNOWN_TOKENS, type KnownToken } from './known-tokens';

export type TokenInfo =
  | {
      readonly status: 'native';
      readonly chainId: number;
      readonly symbol: string;
      readonly decimals: number;
    }
  | {
      readonly status: 'verified';
      readonly chainId: number;
      readonly address: string;
      readonly symbol: string;
      readonly decimals: number;
    }
  | { readonly status: 'unverified'; readonly chainId: number; readonly address: string };

const byKey = new Map<string, KnownToken>(
  KNOWN_TOKENS.map((t) => [`${t.chainId}:${t.address.toLowerCase()}`, t]),
);

/** The token at `address` on `chainId`: verified when it is on the built-in list. */
export function lookupToken(chainId: number, address: string): TokenInfo {
  const lower = address.toLowerCase();
  const known = byKey.get(`${chainId}:${lower}`);
  if (known === undefined) return { status: 'unverified', chainId, address: lower };
  return { status: 'verified', chainId, address: lower, symbol: known.symbol, decimals: known.decimals };
}

/** The chain's native coin (18 decimals, ETH on every chain Parley knows). */
export function nativeToken(chainId: number): Extract<TokenInfo, { status: 'native' }> {
  const native = chainInfo(chainId)?.native ?? { symbol: 'ETH', decimals: 18 };
  return { status: 'native', chainId, symbol: native.symbol, decimals: native.decimals };
}

/** Known tokens of one chain, for the composer's picker. */
export function tokensOf(chainId: number): readonly KnownToken[] {
  return KNOWN_TOKENS.filter((t) => t.chainId === chainId);
}

/**
 * The decimals to use for `token`: the list's for a verified token; for an unverified one, the
 * decimals the user supplied (0 to 255, as ERC-20's uint8), or TradeError('unverified_token').
 */
export function decimalsFor(token: TokenInfo, supplied?: number): number {
  if (token.status !== 'unverified') return token.decimals;
  if (supplied === undefined)
    throw new TradeError('unverified_token', 'an unverified token needs its decimals');
  if (!Number.isInteger(supplied) || supplied < 0 || supplied > 255) {
    throw new TradeError('bad_input', 'decimals: 0 to 255');
  }
  return supplied;
}
