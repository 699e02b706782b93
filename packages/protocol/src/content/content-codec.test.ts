// The content codec (docs/protocol.md §9.4): canonical UTF-8 JSON, strict decoding, byte caps,
// and the properties that make encoding deterministic.
import { type TypedDataDomain, verifyTypedData } from 'ethers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentArb, reorderKeys, seededOrder } from '../../test/content-arbitraries';
import { BASE, makeFixtures, REF } from '../../test/content-fixtures';
import { expectProtocolError, outcome } from '../../test/protocol-error-helpers';
import { MAX_CONTENT_BYTES, MAX_TYPED_DATA_FIELDS, MAX_TYPED_DATA_STRING_CHARS } from '../limits';
import { canonicalJson } from './canonical-json';
import { decodeContent, encodeContent } from './content-codec';
import { type Content, isContentType } from './content-schema';
import { parseContent } from './parse-content';

const fixtures = await makeFixtures();
const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('encodeContent', () => {
  it('writes canonical JSON: sorted keys, no spaces (frozen example)', () => {
    const bytes = encodeContent({ ...fixtures.reaction(), groupStateHash: 'cd'.repeat(32) });
    expect(text(bytes)).toBe(
      '{"action":"add","deviceLogHead":{"hash":"' +
        'ab'.repeat(32) +
        '","seq":3},"emoji":"👍🏽","groupStateHash":"' +
        'cd'.repeat(32) +
        '","sentAt":1763000000000,"target":{"clientId":"' +
        REF.clientId +
        '","senderDevice":"' +
        REF.senderDevice +
        '"},"type":"reaction","v":1}',
    );
  });

  it('refuses a content with a bad shape before encoding it', () => {
    const bad = { ...fixtures.text(), body: '' } as Content;
    expect(expectProtocolError(() => encodeContent(bad), 'bad_request').message).toContain('body');
  });

  it('refuses to encode an unknown type', () => {
    const poll = { type: 'poll', ...BASE } as unknown as Content;
    expect(expectProtocolError(() => encodeContent(poll), 'bad_request').message).toContain('unknown type');
  });

  it('refuses a valid shape whose encoding is over MAX_CONTENT_BYTES with too_large', () => {
    // Each field is within its own cap; together they are not.
    const long = 'f'.repeat(MAX_TYPED_DATA_STRING_CHARS);
    const message = Object.fromEntries(
      Array.from({ length: MAX_TYPED_DATA_FIELDS - 1 }, (_, i) => [`f${i}`, long]),
    );
    const proposal = fixtures['trade.proposal']();
    const big = {
      ...proposal,
      typedData: { ...proposal.typedData, message: { ...message, nested: message } },
    } as unknown as Content;
    expect(outcome(() => parseContent(big))).toBe('ok');
    expect(expectProtocolError(() => encodeContent(big), 'too_large').message).toContain(
      `over ${MAX_CONTENT_BYTES}`,
    );
  });
});

describe('decodeContent', () => {
  it('round-trips every fixture', () => {
    for (const make of Object.values(fixtures)) {
      const content = make();
      expect(decodeContent(encodeContent(content))).toEqual(content);
    }
  });

  it('keeps trade signatures verifiable after the round trip', () => {
    const proposal = decodeContent(encodeContent(fixtures['trade.proposal']()));
    if (proposal.type !== 'trade.proposal') throw new Error('expected a trade proposal');
    const { domain, types, message } = proposal.typedData;
    // zod types absent optional fields as `?: T | undefined`; ethers' type wants `?: T`.
    const signer = verifyTypedData(domain as TypedDataDomain, types, message, proposal.signature);
    expect(signer.toLowerCase()).toBe(proposal.signer);
  });

  it('accepts non-canonical spacing and key order', () => {
    const content = fixtures.text();
    const loose = JSON.stringify(
      reorderKeys(content, (k) => [...k].reverse()),
      null,
      2,
    );
    expect(decodeContent(utf8(loose))).toEqual(content);
  });

  it('accepts exactly MAX_CONTENT_BYTES and refuses one byte more, before decoding', () => {
    const json = JSON.stringify(fixtures.text());
    const exact = utf8(json + ' '.repeat(MAX_CONTENT_BYTES - utf8(json).length));
    expect(exact.length).toBe(MAX_CONTENT_BYTES);
    expect(decodeContent(exact)).toEqual(fixtures.text());
    const over = new Uint8Array(MAX_CONTENT_BYTES + 1).fill(0xff); // invalid UTF-8: size is checked first
    expectProtocolError(() => decodeContent(over), 'too_large');
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['0xff', [0x7b, 0xff, 0x7d]],
    ['an overlong slash', [0x22, 0xc0, 0xaf, 0x22]],
    ['a UTF-16 surrogate in UTF-8', [0x22, 0xed, 0xa0, 0x80, 0x22]],
    ['a truncated sequence', [0x22, 0xe2, 0x82]],
  ])('refuses invalid UTF-8: %s', (_what, bytes) => {
    expect(expectProtocolError(() => decodeContent(new Uint8Array(bytes)), 'bad_request').message).toBe(
      'content: invalid UTF-8',
    );
  });

  it('refuses a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(JSON.stringify(fixtures.text()))]);
    expect(expectProtocolError(() => decodeContent(bytes), 'bad_request').message).toBe(
      'content: invalid JSON',
    );
  });

  it.each([
    ['empty input', ''],
    ['a trailing comma', '{"type":"text",}'],
    ['single quotes', "{'type':'text'}"],
    ['two values', '{} {}'],
    ['NaN', '{"v":NaN}'],
  ])('refuses invalid JSON: %s', (_what, json) => {
    expect(expectProtocolError(() => decodeContent(utf8(json)), 'bad_request').message).toBe(
      'content: invalid JSON',
    );
  });

  it('refuses something that is not bytes', () => {
    expectProtocolError(() => decodeContent('{}' as unknown as Uint8Array), 'bad_request');
  });
});

describe('properties', () => {
  it('decode(encode(c)) equals c and encoding is idempotent', () => {
    fc.assert(
      fc.property(contentArb, (content) => {
        const bytes = encodeContent(content);
        const decoded = decodeContent(bytes);
        expect(decoded).toEqual(content);
        expect(text(encodeContent(decoded as Content))).toBe(text(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('encode(parse(x)) does not depend on key order', () => {
    fc.assert(
      fc.property(contentArb, fc.nat(1000), (content, seed) => {
        const shuffled = reorderKeys(content, seededOrder(seed));
        expect(text(encodeContent(parseContent(shuffled) as Content))).toBe(text(encodeContent(content)));
      }),
      { numRuns: 200 },
    );
  });

  it('the encoding is the canonical JSON of the parsed content', () => {
    fc.assert(
      fc.property(contentArb, (content) => {
        expect(text(encodeContent(content))).toBe(canonicalJson(parseContent(content)));
      }),
      { numRuns: 100 },
    );
  });

  it('never throws anything but ProtocolError on arbitrary JSON', () => {
    const fields = fc.dictionary(
      fc.constantFrom('type', 'v', 'sentAt', 'deviceLogHead', 'body', 'target'),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fields), (json) => {
        expect(outcome(() => parseContent(json))).toMatch(/^(ok|bad_request|too_large)$/);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but ProtocolError on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(outcome(() => decodeContent(bytes))).toMatch(/^(ok|bad_request|too_large)$/);
      }),
      { numRuns: 300 },
    );
  });

  it('parses every unknown type name with base fields into UnknownContent', () => {
    const name = fc
      .stringMatching(/^[a-z][a-z0-9]{0,10}(\.[a-z][a-z0-9]{0,10}){0,2}$/)
      .filter((n) => !isContentType(n));
    // fast-check likes `__proto__` keys; those are refused on purpose (see parse-content.test.ts).
    const extraValue = fc
      .jsonValue({ maxDepth: 3 })
      .filter((v) => !JSON.stringify(v).includes('"__proto__"'));
    fc.assert(
      fc.property(name, fc.dictionary(fc.stringMatching(/^x[a-z]{0,6}$/), extraValue), (type, extra) => {
        expect(parseContent({ ...extra, type, ...BASE })).toMatchObject({
          type: 'unknown',
          wireType: type,
        });
      }),
      { numRuns: 100 },
    );
  });
});
