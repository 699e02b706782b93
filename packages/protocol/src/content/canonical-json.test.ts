// canonicalJson (docs/protocol.md §9.4): sorted keys, no spaces, JCS-compatible for our values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reorderKeys, seededOrder } from '../../test/content-arbitraries';
import { expectProtocolError } from '../../test/protocol-error-helpers';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code units at every level and writes no spaces', () => {
    const value = { b: [{ z: 1, a: null }], a: true, B: 'x', é: 0, '\u{1f600}': 1, '\uff61': 2 };
    // "B" (0x42) < "a" < "b" < "é" (0xe9) < U+1F600 (0xd83d...) < U+FF61 (0xff61)
    expect(canonicalJson(value)).toBe('{"B":"x","a":true,"b":[{"a":null,"z":1}],"é":0,"😀":1,"｡":2}');
  });

  it('escapes strings as JSON.stringify does, lone surrogates included', () => {
    expect(canonicalJson('a"\\\n\u0001\ud800')).toBe('"a\\"\\\\\\n\\u0001\\ud800"');
  });

  it('leaves out keys whose value is undefined, like an absent optional field', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.NEGATIVE_INFINITY],
    ['a bigint', 1n],
    ['a symbol', Symbol('s')],
    ['undefined in an array', [undefined]],
    ['a Date', new Date(0)],
    ['a class instance', new (class Point {})()],
  ])('refuses %s', (_what, value) => {
    expectProtocolError(() => canonicalJson(value), 'bad_request');
  });

  it('equals JSON.parse of itself re-encoded, and ignores key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(100), (value, seed) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(canonicalJson(reorderKeys(value, seededOrder(seed)))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
