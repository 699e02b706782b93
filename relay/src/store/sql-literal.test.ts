import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openPgliteDb } from './pglite-db';
import { sqlLiteral, sqlRows } from './sql-literal';

describe('sqlLiteral', () => {
  it('quotes strings, writes safe integers and NULL, and refuses what it cannot write', () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(sqlLiteral('a\\b')).toBe("E'a\\\\b'");
    expect(sqlLiteral(42)).toBe('42');
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlRows([['x', 1, null]])).toBe("('x', 1, NULL)");
    expect(() => sqlLiteral('a\0b')).toThrow(RangeError);
    expect(() => sqlLiteral(1.5)).toThrow(RangeError);
    expect(() => sqlLiteral(2 ** 53)).toThrow(RangeError);
    expect(() => sqlRows([])).toThrow(RangeError);
  });

  it('round-trips any string through PostgreSQL unchanged', async () => {
    const db = await openPgliteDb(undefined);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\0')),
          fc.string({ maxLength: 40 }).map((s) => s.replaceAll('\0', "'\\")),
          async (a, b) => {
            const [rows] = await db.script(`SELECT ${sqlLiteral(a)} AS a, ${sqlLiteral(b)} AS b`);
            expect(rows).toEqual([{ a, b }]);
          },
        ),
        { numRuns: 50 },
      );
    } finally {
      await db.close();
    }
  });
});
