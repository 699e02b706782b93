// Turning what the composer sends (OutgoingContent) into a full inner content (docs/protocol.md
// §9): the engine adds the send time, this device's pinned device-log head and, in groups, the
// group state hash. encodeContent validates the result, so a message that could never be sent is
// refused at send() time, not later in the outbox.
import { type Content, encodeContent } from '../deps/protocol';
import type { OutgoingContent } from '../engine-api';

export interface ContentBase {
  readonly sentAt: number;
  readonly deviceLogHead: { readonly seq: number; readonly hash: string };
  readonly groupStateHash?: string | undefined;
}

/** A receipt the engine sends on its own (delivered, read): never shown as a message. */
export interface ReceiptInput {
  readonly type: 'receipt';
  readonly status: 'delivered' | 'read';
  readonly upToSeq: number;
}

function base(b: ContentBase) {
  return {
    v: 1 as const,
    sentAt: b.sentAt,
    deviceLogHead: { seq: b.deviceLogHead.seq, hash: b.deviceLogHead.hash },
    ...(b.groupStateHash === undefined ? {} : { groupStateHash: b.groupStateHash }),
  };
}

export function buildContent(input: OutgoingContent | ReceiptInput, b: ContentBase): Content {
  switch (input.type) {
    case 'text':
      return { type: 'text', ...base(b), body: input.body };
    case 'reply':
      return { type: 'reply', ...base(b), body: input.body, replyTo: { ...input.to } };
    case 'reaction':
      return {
        type: 'reaction',
        ...base(b),
        emoji: input.emoji,
        target: { ...input.to },
        action: input.remove ? 'remove' : 'add',
      };
    case 'edit':
      return { type: 'edit', ...base(b), target: { ...input.to }, body: input.body };
    case 'delete':
      return { type: 'delete', ...base(b), target: { ...input.to } };
    case 'receipt':
      return { type: 'receipt', ...base(b), status: input.status, upToSeq: input.upToSeq };
    case 'trade.proposal':
    case 'trade.response':
    case 'nft':
    case 'tx':
      return { ...input, ...base(b) };
  }
}

/** Builds and validates (bad_request, too_large) in one step. */
export function checkedContent(input: OutgoingContent | ReceiptInput, b: ContentBase): Content {
  const content = buildContent(input, b);
  encodeContent(content);
  return content;
}

/** A short plain-text preview for the conversation list. */
export function previewOf(content: unknown): string | undefined {
  if (typeof content !== 'object' || content === null) return undefined;
  // Trade items have no body; the list shows what they are (the note may be long or absent).
  if ('type' in content && content.type === 'trade.proposal') return '⇄ Trade offer';
  if ('type' in content && content.type === 'nft') return '◆ NFT';
  if ('type' in content && content.type === 'tx') return '⛓ Transaction';
  if ('type' in content && content.type === 'trade.response' && 'decision' in content)
    return `⇄ Offer ${content.decision === 'accept' ? 'accepted' : content.decision === 'decline' ? 'declined' : 'cancelled'}`;
  const body = 'body' in content ? content.body : undefined;
  return typeof body === 'string' ? body.slice(0, 120) : undefined;
}
