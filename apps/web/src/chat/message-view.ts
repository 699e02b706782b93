// What the thread shows for a stored message. MessageRow.content is the decoded inner content
// (docs/protocol.md §9); the UI narrows it here with plain type guards (no schema library in the
// initial bundle) and never renders markup from it: bodies are text.
import type { MessageRow } from '../../../../packages/engine/src/store/schema';

export type MessageView =
  | { readonly kind: 'text'; readonly body: string; readonly isReply: boolean; readonly replyTo?: string }
  | { readonly kind: 'attachment'; readonly fileName: string; readonly size: number }
  | { readonly kind: 'trade'; readonly type: string }
  | { readonly kind: 'unverified'; readonly reason: string | undefined }
  | { readonly kind: 'unsupported'; readonly type: string | undefined };

/** Contents that change other messages or carry status: they are never rows of their own. */
const CONTROL_TYPES = new Set(['reaction', 'receipt', 'edit', 'delete']);
/** Contents about trading, which get their own cards once the engine derives their state. */
const TRADE_TYPES = new Set(['trade.proposal', 'trade.response', 'nft', 'tx']);

function contentType(content: unknown): string | undefined {
  if (typeof content !== 'object' || content === null) return undefined;
  const type = (content as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}

/** False for receipts, reactions, edits and deletes, which the thread does not list. */
export function isListed(message: MessageRow): boolean {
  if (message.status === 'unverified') return true;
  const type = contentType(message.content);
  return type === undefined || !CONTROL_TYPES.has(type);
}

export function viewMessage(message: MessageRow): MessageView {
  // An unverified message's content is never shown, whatever it claims to be.
  if (message.status === 'unverified') return { kind: 'unverified', reason: message.reason };
  const content = message.content;
  const type = contentType(content);
  if (type === 'text' || type === 'reply') {
    const body = (content as { body?: unknown }).body;
    if (typeof body === 'string') {
      const replyTo = (content as { replyTo?: { clientId?: unknown } }).replyTo?.clientId;
      return typeof replyTo === 'string' && type === 'reply'
        ? { kind: 'text', body, isReply: true, replyTo }
        : { kind: 'text', body, isReply: type === 'reply' };
    }
  }
  if (type === 'attachment') {
    const { fileName, size } = content as { fileName?: unknown; size?: unknown };
    if (typeof fileName === 'string' && typeof size === 'number')
      return { kind: 'attachment', fileName, size };
  }
  if (type !== undefined && TRADE_TYPES.has(type)) return { kind: 'trade', type };
  return { kind: 'unsupported', type };
}

/** A one-line preview for notifications and search, or undefined when there is no text. */
export function previewText(view: MessageView): string | undefined {
  if (view.kind === 'text') return view.body.replace(/\s+/g, ' ').trim().slice(0, 120);
  if (view.kind === 'attachment') return view.fileName;
  return undefined;
}
