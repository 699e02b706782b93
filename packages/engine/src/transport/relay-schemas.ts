// zod schemas for everything the relay returns (packages/protocol/src/graphql/schema.ts). The relay
// is untrusted: every response is parsed here before any other code sees it, and GraphQL's null
// for an absent optional field becomes undefined.
import { z } from 'zod';
import {
  Address,
  DeviceLogEntryWire,
  EnvelopeBody,
  hexBytes,
  Id16,
  Millis,
  OneTimePrekeyWire,
  SignedPrekeyWire,
} from '../deps/protocol';

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);
const Seq = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const SessionOut = z.object({
  token: z.string().min(16).max(512),
  address: Address,
  deviceId: Id16,
  expiresAt: Millis,
});
export type SessionOut = z.infer<typeof SessionOut>;

export const ChallengeOut = z.object({ message: z.string().min(1).max(4096), expiresAt: Millis });
export const DeviceChallengeOut = z.object({ challenge: hexBytes(32), expiresAt: Millis });
export const MeOut = z.object({ address: Address, deviceId: Id16, expiresAt: Millis });

export const DeviceLogEntryOut = z
  .object({
    message: z.string(),
    walletSignature: z.string(),
    deviceSignature: optional(z.string()),
  })
  .transform((e) =>
    DeviceLogEntryWire.parse(
      e.deviceSignature === undefined ? { message: e.message, walletSignature: e.walletSignature } : e,
    ),
  );
export type DeviceLogEntryOut = z.infer<typeof DeviceLogEntryOut>;

export const DeviceLogPageOut = z.object({
  address: Address,
  fromSeq: Seq,
  entries: z.array(DeviceLogEntryOut).max(64),
  hasMore: z.boolean(),
});
export const DeviceLogHeadOut = z.object({ seq: Seq, hash: hexBytes(32) });

export const PrekeyBundleOut = z.object({
  address: Address,
  deviceId: Id16,
  signedPrekey: SignedPrekeyWire,
  oneTimePrekey: optional(OneTimePrekeyWire),
});
export type PrekeyBundleOut = z.infer<typeof PrekeyBundleOut>;

export const ConversationOut = z.object({
  id: Id16,
  kind: z.enum(['dm', 'group']),
  createdBy: Address,
  createdAt: Millis,
  lastSeq: Seq,
  stateHash: hexBytes(32),
  controlCount: Seq,
  myRole: z.enum(['admin', 'member']),
});
export type ConversationOut = z.infer<typeof ConversationOut>;

export const ConversationPageOut = z.object({
  items: z.array(ConversationOut),
  hasMore: z.boolean(),
  next: optional(Id16),
});

export const MemberOut = z.object({ address: Address, role: z.enum(['admin', 'member']), joinedAt: Millis });
export type MemberOut = z.infer<typeof MemberOut>;
export const MemberPageOut = z.object({
  items: z.array(MemberOut),
  hasMore: z.boolean(),
  next: optional(Address),
});

export const EnvelopeOut = z.object({
  conversationId: Id16,
  clientId: Id16,
  body: EnvelopeBody,
  recipientDevice: optional(Id16),
  seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  senderAddress: Address,
  senderDevice: Id16,
  serverTime: Millis,
});
export type EnvelopeOut = z.infer<typeof EnvelopeOut>;

export const ReceiptOut = z.object({
  conversationId: Id16,
  clientId: Id16,
  seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  serverTime: Millis,
  duplicate: z.boolean(),
});
export type ReceiptOut = z.infer<typeof ReceiptOut>;

export const HistoryPageOut = z.object({
  items: z.array(EnvelopeOut),
  hasMore: z.boolean(),
  throughSeq: Seq,
});
export type HistoryPageOut = z.infer<typeof HistoryPageOut>;
export const CatchUpPageOut = z.object({
  items: z.array(EnvelopeOut),
  hasMore: z.boolean(),
  cursor: z.string().regex(/^\d{1,15}$/),
});
export type CatchUpPageOut = z.infer<typeof CatchUpPageOut>;

export const GroupControlOut = z.object({
  conversationId: Id16,
  index: Seq,
  control: z.string().min(2).max(8192),
  stateHash: hexBytes(32),
  serverTime: Millis,
  wrap: optional(EnvelopeBody),
});
export type GroupControlOut = z.infer<typeof GroupControlOut>;
export const GroupControlPageOut = z.object({ items: z.array(GroupControlOut), hasMore: z.boolean() });

/** One item of the `events` subscription, told apart by __typename. */
export const RelayEventOut = z.discriminatedUnion('__typename', [
  z.object({ __typename: z.literal('EnvelopeEvent'), envelope: EnvelopeOut }),
  z.object({
    __typename: z.literal('KeyWrapEvent'),
    conversationId: Id16,
    controlIndex: Seq,
    body: EnvelopeBody,
  }),
  z.object({
    __typename: z.literal('MembershipEvent'),
    conversationId: Id16,
    action: z.string().max(32),
    targets: z.array(Address).max(1024),
    stateHash: hexBytes(32),
    index: optional(Seq),
    control: optional(z.string().max(8192)),
  }),
  z.object({
    __typename: z.literal('SignalEvent'),
    conversationId: Id16,
    kind: z.enum(['typing', 'presence']),
    active: z.boolean(),
    fromAddress: Address,
    fromDevice: Id16,
  }),
  z.object({
    __typename: z.literal('ResyncEvent'),
    errorKind: z.string().max(64),
    reason: z.string().max(512),
  }),
]);
export type RelayEventOut = z.infer<typeof RelayEventOut>;
