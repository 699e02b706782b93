// Inner content: the typed payload inside an envelope (docs/protocol.md §9).
export { AttachmentContent, FileName, MimeType, Thumbnail } from './attachment-content';
export { canonicalJson } from './canonical-json';
export { ClaimedTransfer, NftContent, TransferAsset, TxContent } from './chain-contents';
export {
  CONTENT_V,
  ContentHead,
  ContentTypeName,
  ContentVersion,
  DeviceLogHead,
  MessageRef,
} from './common';
export { decodeContent, encodeContent } from './content-codec';
export {
  CONTENT_SCHEMAS,
  CONTENT_TYPES,
  Content,
  type ContentOf,
  type ContentType,
  isContentType,
} from './content-schema';
export { ChainId, EthHash32, EthSignature, Uint256Decimal } from './eth-scalars';
export { CONTENT_BOUNDS, checkJsonBounds, type JsonBounds } from './json-bounds';
export {
  DeleteContent,
  EditContent,
  Emoji,
  MessageBody,
  ReactionContent,
  ReceiptContent,
  ReplyContent,
  TextContent,
} from './message-contents';
export { isUnknownContent, parseContent, parseKnownContent, type UnknownContent } from './parse-content';
export { describeIssues, parseOrThrow } from './schema-error';
export { TradeProposalContent, TradeResponseContent } from './trade-contents';
export {
  Identifier,
  TypedData,
  TypedDataDomain,
  TypedDataField,
  TypedDataTypes,
  TypedDataValue,
  TypeRef,
} from './typed-data';
