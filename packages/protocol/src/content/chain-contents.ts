// Pointers to things on chain (docs/protocol.md §9.2.10-11). They are claims made by the sender:
// the receiver shows them as claims until it has checked them against a chain it trusts.
import { z } from 'zod';
import { Address } from '../wire-primitives';
import { baseFields } from './common';
import { ChainId, EthHash32, Uint256Decimal } from './eth-scalars';

export const NftContent = z.strictObject({
  type: z.literal('nft'),
  ...baseFields,
  chainId: ChainId,
  contract: Address,
  tokenId: Uint256Decimal,
  standard: z.enum(['erc721', 'erc1155']),
});
export type NftContent = z.infer<typeof NftContent>;

/** What moved: the chain's native coin, or a token of one of the common standards. */
export const TransferAsset = z.discriminatedUnion('standard', [
  z.strictObject({ standard: z.literal('native') }),
  z.strictObject({ standard: z.literal('erc20'), contract: Address }),
  z.strictObject({ standard: z.literal('erc721'), contract: Address, tokenId: Uint256Decimal }),
  z.strictObject({ standard: z.literal('erc1155'), contract: Address, tokenId: Uint256Decimal }),
]);
export type TransferAsset = z.infer<typeof TransferAsset>;

export const ClaimedTransfer = z.strictObject({
  from: Address,
  to: Address,
  asset: TransferAsset,
  /** In the asset's smallest unit (wei, token base units, or a count of NFTs). */
  amount: Uint256Decimal,
});

export const TxContent = z.strictObject({
  type: z.literal('tx'),
  ...baseFields,
  chainId: ChainId,
  txHash: EthHash32,
  transfer: ClaimedTransfer,
});
export type TxContent = z.infer<typeof TxContent>;
