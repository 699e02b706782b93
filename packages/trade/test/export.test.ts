import { canonicalJson } from '@parley/protocol';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportChecksum, exportNegotiation } from '../src/export/export-document';
import { verifyExport } from '../src/export/verify-export';
import { TradeError } from '../src/trade-error';
import { addr, alice, HOUR, NOW, proposalOf, type Story, story } from './fixtures';

let s: Story;
let text: string;
const exportedAt = NOW + 3 * HOUR;

beforeAll(async () => {
  s = await story();
  text = exportNegotiation([s.accept, s.offer, s.counter], {
    rootHash: proposalOf(s.offer).hash,
    exportedAt,
  });
});

/** The document with `edit` applied and the checksum recomputed: tampering that a checksum cannot catch. */
function reSealed(edit: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(text) as Record<string, unknown>;
  edit(doc);
  const { checksum: _c, ...rest } = doc;
  return `${canonicalJson({ ...rest, checksum: exportChecksum(rest as never) })}\n`;
}

describe('exportNegotiation and verifyExport', () => {
  it('verifies the story: accepted, with the accepted order’s Seaport hash', () => {
    const verdict = verifyExport(text);
    if (!verdict.ok) throw new Error(`${verdict.reason}: ${verdict.detail}`);
    expect(verdict.status).toBe('accepted');
    expect(verdict.orderHash).toBe(proposalOf(s.counter).orderHash);
    expect(verdict.accepted?.acceptedBy).toBe(addr(alice));
    expect(verdict.exportedAt).toBe(exportedAt);
    const doc = JSON.parse(text) as { items: unknown[] };
    expect(doc.items).toHaveLength(3);
  });

  it('is the same file whatever order the items came in', () => {
    const again = exportNegotiation([s.counter, s.offer, s.accept, s.offer], {
      rootHash: proposalOf(s.offer).hash,
      exportedAt,
    });
    expect(again).toBe(text);
  });

  it('refuses a negotiation that is not in the items', () => {
    expect(() => exportNegotiation([s.offer], { rootHash: `0x${'00'.repeat(32)}`, exportedAt })).toThrow(
      TradeError,
    );
  });

  it('fails after any one byte is changed', () => {
    const bytes = new TextEncoder().encode(text);
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, delta) => {
        const changed = bytes.slice();
        changed[at] = ((changed[at] ?? 0) + delta) % 256;
        const decoded = new TextDecoder().decode(changed);
        expect(verifyExport(decoded).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it.each<[string, string, string]>([
    ['pretty-printed JSON', 'indent', 'not_canonical'],
    ['not JSON', 'truncate', 'not_json'],
    ['a wrong checksum', 'checksum', 'checksum_mismatch'],
  ])('names %s', (_name, how, reason) => {
    const variants: Record<string, string> = {
      indent: `${JSON.stringify(JSON.parse(text), null, 2)}\n`,
      truncate: text.slice(0, 100),
      checksum: text.replace(
        /"checksum":"0x[0-9a-f]/,
        (m) => `${m.slice(0, -1)}${m.endsWith('0') ? '1' : '0'}`,
      ),
    };
    const verdict = verifyExport(variants[how] ?? '');
    expect(verdict.ok ? 'ok' : verdict.reason).toBe(reason);
  });

  it('catches a re-sealed lie about the state, a dropped item, a forged item and an early export time', () => {
    const lie = verifyExport(
      reSealed((d) => {
        d.status = 'declined';
      }),
    );
    expect(lie.ok ? 'ok' : lie.reason).toBe('state_mismatch');
    const dropped = verifyExport(
      reSealed((d) => {
        d.items = (d.items as unknown[]).filter((i) => (i as { type: string }).type !== 'trade.response');
      }),
    );
    expect(dropped.ok ? 'ok' : dropped.reason).toBe('state_mismatch');
    const forged = verifyExport(
      reSealed((d) => {
        const [first] = d.items as Array<{ typedData: { message: { counter: string } } }>;
        if (first) first.typedData.message.counter = '1';
      }),
    );
    expect(forged.ok ? 'ok' : forged.reason).toBe('bad_signature');
    const earlier = verifyExport(
      reSealed((d) => {
        d.exportedAt = NOW + 30 * 60_000;
      }),
    );
    expect(earlier.ok ? 'ok' : earlier.reason).toBe('clock_skew');
  });
});
