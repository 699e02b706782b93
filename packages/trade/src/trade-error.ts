// Errors of local actions (building, signing): the user asked for something Parley cannot or will
// not produce. Inbound data never throws: verification returns invalid results with a reason
// (verify/invalid.ts). Messages name the rule, never key material.

export const TRADE_ERROR_KINDS = [
  /** An argument is out of range or badly spelled (an address, an amount, a time). */
  'bad_input',
  /**
   * Native ETH on the maker's side of a signed order. Seaport reverts with InvalidNativeOfferItem
   * when it fulfills such an order (an EOA's signature cannot move its ETH), so Parley never
   * builds one. The maker offers WETH instead. Native ETH in what the maker gets is fine.
   */
  'native_offer',
  /** A token is not in the built-in list and no decimals were given for it. */
  'unverified_token',
  /** The wallet refused to sign (EIP-1193 error 4001), or the request failed. */
  'wallet_rejected',
  /** The wallet answered with something that is not a 65-byte signature. */
  'wallet_error',
  /** The wallet signed with another account than the one asked for. */
  'wrong_signer',
] as const;

export type TradeErrorKind = (typeof TRADE_ERROR_KINDS)[number];

export class TradeError extends Error {
  override readonly name = 'TradeError';
  constructor(
    readonly kind: TradeErrorKind,
    message: string,
  ) {
    super(message);
  }
}
