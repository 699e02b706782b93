import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePlain, encodePlain } from './plain-codec';

const plain = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.integer(),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.uint8Array({ maxLength: 40 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.string().filter((k) => k !== '$b' && k !== '__proto__'),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

describe('plain codec', () => {
  it('round-trips plain values with byte arrays', () => {
    fc.assert(
      fc.property(plain, (value) => {
        expect(decodePlain(encodePlain(value))).toEqual(value);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses an object that uses the reserved key', () => {
    expect(() => encodePlain({ $b: 'x' })).toThrow(/reserved/);
  });
});
