// The conversation contents: text and the contents that act on other messages
// (docs/protocol.md §9.2). Every one is a strict object: a field this build does not know is a bad
// shape, because a type that gains fields gets a new `v` (parseContent then shows it as unknown).
import { z } from 'zod';
import { MAX_EMOJI_CHARS, MAX_RECEIPT_REFS, MAX_TEXT_CHARS } from '../limits';
import { baseFields, MessageRef } from './common';

/** Message text: 1 to MAX_TEXT_CHARS code points, shown as typed (no markup is trusted). */
export const MessageBody = z.string().min(1).max(MAX_TEXT_CHARS);

export const TextContent = z.strictObject({
  type: z.literal('text'),
  ...baseFields,
  body: MessageBody,
});
export type TextContent = z.infer<typeof TextContent>;

export const ReplyContent = z.strictObject({
  type: z.literal('reply'),
  ...baseFields,
  body: MessageBody,
  replyTo: MessageRef,
});
export type ReplyContent = z.infer<typeof ReplyContent>;

/**
 * One emoji, possibly a ZWJ sequence with skin-tone modifiers and variation selectors. Control
 * characters and white space are refused so a reaction cannot smuggle layout.
 */
export const Emoji = z
  .string()
  .min(1)
  .max(MAX_EMOJI_CHARS)
  .regex(/^[^\p{Cc}\p{Z}]+$/u, 'expected an emoji without control characters or spaces');

export const ReactionContent = z.strictObject({
  type: z.literal('reaction'),
  ...baseFields,
  emoji: Emoji,
  target: MessageRef,
  /** `remove` takes back this sender's earlier `add` of the same emoji on the same target. */
  action: z.enum(['add', 'remove']),
});
export type ReactionContent = z.infer<typeof ReactionContent>;

/** Replaces the body of the target. Only the target's own sender device's account may edit it. */
export const EditContent = z.strictObject({
  type: z.literal('edit'),
  ...baseFields,
  target: MessageRef,
  body: MessageBody,
});
export type EditContent = z.infer<typeof EditContent>;

/** Deletes the target for everyone. Only the target's sender account may delete it. */
export const DeleteContent = z.strictObject({
  type: z.literal('delete'),
  ...baseFields,
  target: MessageRef,
});
export type DeleteContent = z.infer<typeof DeleteContent>;

/**
 * Delivered or read. Names the messages either one by one (`refs`) or as every message of the
 * conversation up to and including relay seq `upToSeq`: exactly one of the two.
 */
export const ReceiptContent = z
  .strictObject({
    type: z.literal('receipt'),
    ...baseFields,
    status: z.enum(['delivered', 'read']),
    refs: z.array(MessageRef).min(1).max(MAX_RECEIPT_REFS).optional(),
    upToSeq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .refine((r) => (r.refs === undefined) !== (r.upToSeq === undefined), {
    message: 'expected exactly one of refs or upToSeq',
    path: ['refs'],
  });
export type ReceiptContent = z.infer<typeof ReceiptContent>;
