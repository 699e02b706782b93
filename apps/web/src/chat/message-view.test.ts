import { describe, expect, it } from 'vitest';
import type { MessageRow } from '../../../../packages/engine/src/store/schema';
import { isListed, previewText, viewMessage } from './message-view';

const PEER = '0x2222222222222222222222222222222222222222';
const T0 = Date.parse('2026-11-20T10:00:00Z');

let n = 0;
function msg(partial: Partial<MessageRow>): MessageRow {
  n++;
  return {
    clientId: partial.clientId ?? n.toString(16).padStart(32, '0'),
    conversationId: 'c'.repeat(32),
    senderAddress: PEER,
    senderDevice: 'd'.repeat(32),
    sentAt: T0,
    status: 'delivered',
    content: { type: 'text', body: `message ${n}` },
    ...partial,
  };
}

describe('message view', () => {
  it('shows text and replies as text, never the content of an unverified message', () => {
    expect(viewMessage(msg({ content: { type: 'text', body: 'hi' } }))).toEqual({
      kind: 'text',
      body: 'hi',
      isReply: false,
    });
    expect(viewMessage(msg({ content: { type: 'reply', body: 're' } }))).toEqual({
      kind: 'text',
      body: 're',
      isReply: true,
    });
    expect(
      viewMessage(
        msg({ status: 'unverified', reason: 'bad signature', content: { type: 'text', body: 'forged' } }),
      ),
    ).toEqual({ kind: 'unverified', reason: 'bad signature' });
  });

  it('recognises attachments and trade contents, and marks anything else unsupported', () => {
    expect(viewMessage(msg({ content: { type: 'attachment', fileName: 'a.png', size: 10 } }))).toEqual({
      kind: 'attachment',
      fileName: 'a.png',
      size: 10,
    });
    expect(viewMessage(msg({ content: { type: 'trade.proposal' } }))).toEqual({
      kind: 'trade',
      type: 'trade.proposal',
    });
    expect(viewMessage(msg({ content: { type: 'poll' } }))).toEqual({ kind: 'unsupported', type: 'poll' });
    expect(viewMessage(msg({ content: { type: 'text', body: 42 } }))).toEqual({
      kind: 'unsupported',
      type: 'text',
    });
    expect(viewMessage(msg({ content: undefined }))).toEqual({ kind: 'unsupported', type: undefined });
  });

  it('does not list receipts, reactions, edits or deletes, but lists an unverified one of them', () => {
    for (const type of ['receipt', 'reaction', 'edit', 'delete'])
      expect(isListed(msg({ content: { type } }))).toBe(false);
    expect(isListed(msg({ status: 'unverified', content: { type: 'receipt' } }))).toBe(true);
  });

  it('previews text on one line', () => {
    expect(previewText({ kind: 'text', body: ' a\n\n b ', isReply: false })).toBe('a b');
    expect(previewText({ kind: 'unverified', reason: undefined })).toBeUndefined();
  });
});
