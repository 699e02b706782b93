// Ethereum-side scalars used by trade, nft and tx contents (docs/protocol.md §9.3). They keep the
// 0x prefix that wallets and block explorers use, but only lowercase hex, so each value has one
// spelling. Parley's own bytes (ids, hashes, keys) use wire-primitives' bare hex instead.
import { z } from 'zod';

/** A 32-byte hash (transaction hash, EIP-712 digest): 0x + 64 lowercase hex characters. */
export const EthHash32 = z.string().regex(/^0x[0-9a-f]{64}$/, 'expected 0x + 32 bytes of lowercase hex');

/** A 65-byte secp256k1 signature r || s || v: 0x + 130 lowercase hex characters. */
export const EthSignature = z.string().regex(/^0x[0-9a-f]{130}$/, 'expected 0x + 65 bytes of lowercase hex');

/** An EIP-155 chain id: a positive safe integer (1 is Ethereum mainnet). */
export const ChainId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const UINT256_MAX = 2n ** 256n - 1n;

/**
 * A uint256 as a decimal string without leading zeros or sign ("0", "1", "115792...935").
 * Strings, because JSON numbers lose precision above 2^53.
 */
export const Uint256Decimal = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,77})$/, 'expected a decimal integer without leading zeros')
  // zod runs refinements even after the regex failed, so the guard keeps BigInt from throwing.
  .refine((s) => /^[0-9]{1,78}$/.test(s) && BigInt(s) <= UINT256_MAX, 'expected at most 2^256 - 1');
