// The set of content types this build understands (docs/protocol.md §9.2). Adding a type here is a
// wire change: the schema hash changes and PROTOCOL_VERSION must be bumped. Older builds show the
// new type as unsupported rather than failing (parse-content.ts).
import { z } from 'zod';
import { AttachmentContent } from './attachment-content';
import { NftContent, TxContent } from './chain-contents';
import {
  DeleteContent,
  EditContent,
  ReactionContent,
  ReceiptContent,
  ReplyContent,
  TextContent,
} from './message-contents';
import { TradeProposalContent, TradeResponseContent } from './trade-contents';

/** Each known type name with its version-1 schema. */
export const CONTENT_SCHEMAS = {
  text: TextContent,
  reply: ReplyContent,
  reaction: ReactionContent,
  edit: EditContent,
  delete: DeleteContent,
  receipt: ReceiptContent,
  attachment: AttachmentContent,
  'trade.proposal': TradeProposalContent,
  'trade.response': TradeResponseContent,
  nft: NftContent,
  tx: TxContent,
} as const;

export type ContentType = keyof typeof CONTENT_SCHEMAS;

export const CONTENT_TYPES = Object.keys(CONTENT_SCHEMAS) as readonly ContentType[];

export function isContentType(name: string): name is ContentType {
  return Object.hasOwn(CONTENT_SCHEMAS, name);
}

/** Every known content, discriminated by `type`. */
export const Content = z.discriminatedUnion('type', [
  TextContent,
  ReplyContent,
  ReactionContent,
  EditContent,
  DeleteContent,
  ReceiptContent,
  AttachmentContent,
  TradeProposalContent,
  TradeResponseContent,
  NftContent,
  TxContent,
]);
export type Content = z.infer<typeof Content>;

/** The content of a given type. */
export type ContentOf<T extends ContentType> = Extract<Content, { type: T }>;
