// Every wire schema of the protocol package, by name (docs/protocol.md §9.7). schema-hash.test.ts
// hashes the JSON Schema of each entry, the limits and the GraphQL SDL, and compares the hash with
// the frozen one in test/schema-hash.json: a schema change without a PROTOCOL_VERSION bump fails.
//
// Add each new wire schema here.
// Refinements (.refine) are not visible in JSON Schema; a change to one is still a wire change.
import type { z } from 'zod';
import { AttachmentContent } from './content/attachment-content';
import { NftContent, TxContent } from './content/chain-contents';
import { ContentHead, DeviceLogHead, MessageRef } from './content/common';
import { Content } from './content/content-schema';
import {
  DeleteContent,
  EditContent,
  ReactionContent,
  ReceiptContent,
  ReplyContent,
  TextContent,
} from './content/message-contents';
import { TradeProposalContent, TradeResponseContent } from './content/trade-contents';
import { TypedData } from './content/typed-data';
import { DeviceLogEntryWire, DeviceLogPage } from './device-log';
import { EnvelopeBatchIn, EnvelopeIn, EnvelopeOut } from './envelope-wire';
import { RELAY_SDL } from './graphql/schema';
import { GroupControlBody, GroupControlWire } from './group-control';
import { LIMITS } from './limits';
import { OneTimePrekeyWire, PrekeyBundleWire, PublishPrekeys, SignedPrekeyWire } from './prekeys';

export interface SchemaRegistry {
  /** Wire schemas by a stable dotted name. */
  readonly schemas: Readonly<Record<string, z.ZodType>>;
  /** Named numeric caps that are part of the contract. */
  readonly limits: Readonly<Record<string, number>>;
  /** The GraphQL schema text, once the GraphQL part of the protocol registers it. */
  readonly sdl?: string;
}

export const SCHEMA_REGISTRY: SchemaRegistry = {
  schemas: {
    content: Content,
    'content.head': ContentHead,
    'content.text': TextContent,
    'content.reply': ReplyContent,
    'content.reaction': ReactionContent,
    'content.edit': EditContent,
    'content.delete': DeleteContent,
    'content.receipt': ReceiptContent,
    'content.attachment': AttachmentContent,
    'content.trade.proposal': TradeProposalContent,
    'content.trade.response': TradeResponseContent,
    'content.nft': NftContent,
    'content.tx': TxContent,
    'content.message-ref': MessageRef,
    'content.device-log-head': DeviceLogHead,
    'content.typed-data': TypedData,
    'envelope.in': EnvelopeIn,
    'envelope.batch-in': EnvelopeBatchIn,
    'envelope.out': EnvelopeOut,
    'device-log.entry': DeviceLogEntryWire,
    'device-log.page': DeviceLogPage,
    'prekeys.signed': SignedPrekeyWire,
    'prekeys.one-time': OneTimePrekeyWire,
    'prekeys.publish': PublishPrekeys,
    'prekeys.bundle': PrekeyBundleWire,
    'group-control.body': GroupControlBody,
    'group-control.wire': GroupControlWire,
  },
  limits: LIMITS,
  sdl: RELAY_SDL,
};
