// @parley/trade: signed trade negotiation (issue 6, docs/protocol.md §11, docs/trade.md).
// Runtime-neutral except src/cli (the parley-verify command), which is not exported here.

export { formatAmount, parseAmount } from './assets/amounts';
export type { ChainReader } from './assets/chain-reader';
export {
  BASE,
  type ChainInfo,
  chainInfo,
  KNOWN_CHAINS,
  KNOWN_TOKENS,
  type KnownToken,
  MAINNET,
  SEPOLIA,
} from './assets/known-tokens';
export {
  findLookalikes,
  type KnownAddress,
  LOOKALIKE_PREFIX,
  LOOKALIKE_SUFFIX,
  type Lookalike,
} from './assets/lookalike';
export { decimalsFor, lookupToken, nativeToken, type TokenInfo, tokensOf } from './assets/token-lookup';

export {
  canonicalSignature,
  type Eip1193Provider,
  recoverSigner,
  signTypedDataV4,
} from './eip1193';
export {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ExportDocument,
  type ExportMeta,
  exportChecksum,
  exportNegotiation,
  MAX_EXPORT_BYTES,
  MAX_EXPORT_ITEMS,
} from './export/export-document';
export { type ExportFailure, type ExportVerdict, verifyExport } from './export/verify-export';
export {
  type Acceptance,
  type Closing,
  type InvalidItem,
  NEGOTIATION_STATUSES,
  type NegotiationState,
  type NegotiationStatus,
  type ProposalState,
  type TradeLog,
} from './negotiation/negotiation-state';
export { type ReduceOptions, reduceNegotiations } from './negotiation/reduce-negotiations';
export {
  createCounter,
  createProposal,
  type OpeningTerms,
  type ProposalTerms,
  type SignContext,
} from './proposal/create-proposal';
export { makeSalt, SALT_LABEL, saltCommits } from './proposal/salt-commitment';
export { type Random, systemRandom } from './random';
export { createResponse } from './response/create-response';
export {
  RESPONSE_ACTIONS,
  type ResponseAction,
  type ResponseMessage,
  responseDigest,
  responseTypedData,
  TRADE_DOMAIN_NAME,
  TRADE_DOMAIN_VERSION,
  TRADE_RESPONSE_TYPES,
  tradeDomain,
} from './response/response-typed-data';
export { type Asset, assetOf, considerationItem, offerItem } from './seaport/assets';
export { buildOrder, type OrderTerms } from './seaport/order-builder';
export { itemProblem, MAX_ORDER_TIME, orderProblem } from './seaport/order-rules';
export {
  ConsiderationItemWire,
  MAX_ITEMS_PER_SIDE,
  OfferItemWire,
  OrderComponentsWire,
  ZERO_ADDRESS,
  ZERO_BYTES32,
} from './seaport/order-schema';
export {
  orderDigest,
  orderTypedData,
  SEAPORT_ADDRESS,
  type SeaportDomain,
  seaportDomain,
  seaportOrderHash,
  toSeaportOrder,
} from './seaport/order-typed-data';
export {
  type AssetLine,
  durationText,
  lineText,
  type ProposalSummary,
  type SummaryOptions,
  type SummaryTerms,
  type SummaryWarning,
  shortAddress,
  summarizeProposal,
} from './summary/summarize';
export { TRADE_ERROR_KINDS, TradeError, type TradeErrorKind } from './trade-error';
export {
  ProposalItem,
  parseTradeItem,
  ResponseItem,
  rawItemKey,
  TradeItem,
  tradeItemOf,
} from './trade-item';
export { type Checked, INVALID_REASONS, type Invalid, type InvalidReason } from './verify/invalid';
export type { VerifiedItem, VerifiedProposal, VerifiedResponse } from './verify/verified';
export {
  MAX_CLOCK_SKEW_MS,
  type ReceiptContext,
  verifyItem,
  verifyReceived,
} from './verify/verify-item';
export { type ItemCheckOptions, verifyProposal } from './verify/verify-proposal';
export { verifyResponse } from './verify/verify-response';
