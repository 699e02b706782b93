// Row parsers: every row read back from SQL is parsed before use (int8 arrives as a string from
// pg and as a number or bigint from PGlite, so counters are coerced and bounds-checked).
import { z } from 'zod';

const int = z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const optText = z
  .string()
  .nullable()
  .transform((v) => v ?? undefined);

export const SessionRow = z.object({
  address: z.string(),
  device_id: z.string(),
  created_at: int,
  expires_at: int,
});
export const SessionByHashRow = SessionRow.extend({ token_hash: z.string() });

export const DeviceRow = z.object({ device_id: z.string(), signing_key: z.string(), active: z.boolean() });
export const EntryRow = z.object({ entry: z.string() });
export const CountRow = z.object({ n: int });
export const SignedPrekeyRow = z.object({ bundle: z.string() });
export const OneTimeRow = z.object({ key_id: z.string(), public_key: z.string() });

export const ConversationRow = z.object({
  id: z.string(),
  kind: z.enum(['dm', 'group']),
  created_by: z.string(),
  created_at: int,
  last_seq: int,
  state_hash: z.string(),
  control_count: int,
});

export const MemberRow = z.object({
  address: z.string(),
  role: z.enum(['admin', 'member']),
  joined_at: int,
});

export const EnvelopeRow = z.object({
  conversation_id: z.string(),
  seq: int,
  position: int,
  client_id: z.string(),
  sender_address: z.string(),
  sender_device: z.string(),
  server_time: int,
  body: optText,
  recipient_device: optText,
});

export const ReceiptRow = z.object({ conversation_id: z.string(), seq: int, server_time: int });
export const SeqRow = z.object({ last_seq: int });
export const KnownEnvelopeRow = ReceiptRow.extend({ sender_address: z.string(), client_id: z.string() });
export const MemberPairRow = z.object({ conversation_id: z.string(), address: z.string() });
export const ConversationSeqRow = z.object({ id: z.string(), last_seq: int });
export const ValueRow = z.object({ value: int });

export const ControlRow = z.object({
  conversation_id: z.string(),
  idx: int,
  control: z.string(),
  state_hash: z.string(),
  server_time: int,
  wrap: optText,
});

export const EnvelopeRefRow = z.object({ conversation_id: z.string(), seq: int, position: int });
export const CopyRow = z.object({ position: int, recipient_device: z.string(), body: z.string() });
export const WrapRow = z.object({ recipient_device: z.string(), body: z.string() });

export const BlobRow = z.object({ data: z.instanceof(Uint8Array) });

export function conversationFrom(row: unknown) {
  const r = ConversationRow.parse(row);
  return {
    id: r.id,
    kind: r.kind,
    createdBy: r.created_by,
    createdAt: r.created_at,
    lastSeq: r.last_seq,
    stateHash: r.state_hash,
    controlCount: r.control_count,
  };
}

export function envelopeFrom(row: unknown) {
  const r = EnvelopeRow.parse(row);
  return {
    conversationId: r.conversation_id,
    seq: r.seq,
    position: r.position,
    clientId: r.client_id,
    senderAddress: r.sender_address,
    senderDevice: r.sender_device,
    serverTime: r.server_time,
    body: r.body,
    recipientDevice: r.recipient_device,
  };
}

/** Splits `rows` fetched with limit + 1 into a page. */
export function pageOf<T>(rows: readonly T[], limit: number) {
  return { items: rows.slice(0, limit), hasMore: rows.length > limit };
}
