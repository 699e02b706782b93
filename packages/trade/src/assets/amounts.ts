// Amounts between what people type ("1.5") and the smallest unit on chain (1500000000000000000),
// with ethers' parseUnits and formatUnits. Parsing is strict: plain decimal digits with at most one
// point and no more fraction digits than the token has, so "1e18", "-1", "1,5" and "0.0000001 USDC"
// are refused rather than rounded.
import { formatUnits, parseUnits } from 'ethers';
import { TradeError } from '../trade-error';

const UINT256_MAX = 2n ** 256n - 1n;

/** The amount in the smallest unit. Throws TradeError('bad_input') for anything not exact. */
export function parseAmount(text: string, decimals: number): bigint {
  const trimmed = text.trim();
  const match = /^(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (match === null)
    throw new TradeError('bad_input', 'amount: expected digits with an optional decimal point');
  if ((match[2]?.length ?? 0) > decimals)
    throw new TradeError('bad_input', `amount: at most ${decimals} decimals`);
  const value = parseUnits(trimmed, decimals);
  if (value > UINT256_MAX) throw new TradeError('bad_input', 'amount: too large');
  return value;
}

/** The amount for display: no trailing zeros, no ".0" ("1", "1.25", "0.000001"). */
export function formatAmount(value: bigint, decimals: number): string {
  const text = formatUnits(value, decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
