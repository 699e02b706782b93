import { describe, expect, it } from 'vitest';
import type { MessageRow } from '../../../../packages/engine/src/store/schema';
import { buildThreadRows, compareMessages, highestSeq } from './thread-rows';

const ME = '0x1111111111111111111111111111111111111111';
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

describe('thread rows', () => {
  it('orders by relay seq, then unsent messages by the time they were written', () => {
    const pendingLate = msg({ sentAt: T0 + 500, status: 'pending', senderAddress: ME });
    const pendingEarly = msg({ sentAt: T0 + 100, status: 'failed', senderAddress: ME });
    const s2 = msg({ seq: 2, sentAt: T0 + 900 });
    const s1 = msg({ seq: 1, sentAt: T0 + 1000 });
    const rows = buildThreadRows([pendingLate, s2, pendingEarly, s1], ME, 'UTC');
    expect(rows.map((r) => r.message)).toEqual([s1, s2, pendingEarly, pendingLate]);
    expect(rows.map((r) => r.outgoing)).toEqual([false, false, true, true]);
    expect(highestSeq(rows)).toBe(2);
    expect(compareMessages(s1, s1)).toBe(0);
  });

  it('puts a day separator on the first message of each day and groups a sender’s burst', () => {
    const rows = buildThreadRows(
      [
        msg({ seq: 1, sentAt: T0 - 86_400_000 }),
        msg({ seq: 2, sentAt: T0 }),
        msg({ seq: 3, sentAt: T0 + 60_000 }),
        msg({ seq: 4, sentAt: T0 + 120_000, senderAddress: ME }),
        msg({ seq: 5, sentAt: T0 + 20 * 60_000, senderAddress: ME }),
      ],
      ME,
      'UTC',
    );
    expect(rows.map((r) => r.firstOfDay)).toEqual([true, true, false, false, false]);
    expect(rows.map((r) => r.continued)).toEqual([false, false, true, false, false]);
  });

  it('uses the relay time for days when it has one', () => {
    const rows = buildThreadRows(
      [msg({ seq: 1, sentAt: T0 }), msg({ seq: 2, sentAt: T0 - 86_400_000, serverTime: T0 + 1 })],
      ME,
      'UTC',
    );
    expect(rows.map((r) => r.firstOfDay)).toEqual([true, false]);
  });

  it('leaves receipts out', () => {
    expect(buildThreadRows([msg({ seq: 1, content: { type: 'receipt' } })], ME)).toEqual([]);
  });
});
