import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyBytes, planBatches, type ReadyMessage } from './batch';

const limits = { maxEnvelopes: 4, maxBodyBytes: 300 };

function message(id: number, copies: number, bytes: number): ReadyMessage {
  const body = 'A'.repeat(Math.ceil((bytes * 4) / 3));
  return {
    clientId: String(id),
    envelopes: Array.from({ length: copies }, (_, i) => ({
      conversationId: 'c',
      clientId: String(id),
      body,
      recipientDevice: String(i),
    })),
  };
}

describe('planBatches', () => {
  it('keeps every copy of a message in one batch and respects both limits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 120 })), {
          maxLength: 40,
        }),
        (specs) => {
          const messages = specs.map(([copies, bytes], i) => message(i, copies, bytes));
          const { batches, oversized } = planBatches(messages, limits);
          const out = batches.flat();
          // Order is kept and nothing is lost or duplicated.
          expect([...out, ...oversized].map((m) => Number(m.clientId)).sort((a, b) => a - b)).toEqual(
            messages.map((_, i) => i),
          );
          expect(out.map((m) => Number(m.clientId))).toEqual(
            [...out.map((m) => Number(m.clientId))].sort((a, b) => a - b),
          );
          for (const batch of batches) {
            expect(batch.reduce((n, m) => n + m.envelopes.length, 0)).toBeLessThanOrEqual(
              limits.maxEnvelopes,
            );
            const bytes = batch.reduce(
              (n, m) => n + m.envelopes.reduce((s, e) => s + bodyBytes(e.body), 0),
              0,
            );
            expect(bytes).toBeLessThanOrEqual(limits.maxBodyBytes);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('sets aside a message that alone is over a limit', () => {
    const { batches, oversized } = planBatches(
      [message(1, 5, 10), message(2, 1, 10), message(3, 1, 400)],
      limits,
    );
    expect(oversized.map((m) => m.clientId)).toEqual(['1', '3']);
    expect(batches.map((b) => b.map((m) => m.clientId))).toEqual([['2']]);
  });
});
