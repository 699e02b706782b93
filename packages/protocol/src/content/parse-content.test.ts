// parseContent's check order (docs/protocol.md §9.4): bounds, type and v, base fields, then the
// type's schema; unknown types and newer versions become UnknownContent instead of failing.
import { describe, expect, it } from 'vitest';
import { BASE, GROUP_HASH, LOG_HASH, makeFixtures } from '../../test/content-fixtures';
import { expectProtocolError } from '../../test/protocol-error-helpers';
import { MAX_CONTENT_DEPTH, MAX_CONTENT_NODES, MAX_CONTENT_TYPE_CHARS } from '../limits';
import { isUnknownContent, parseContent, parseKnownContent } from './parse-content';

const fixtures = await makeFixtures();

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { x: value };
  return value;
}

describe('base fields', () => {
  const cases: ReadonlyArray<readonly [string, Record<string, unknown>, string]> = [
    ['no v', { v: undefined }, 'content: v:'],
    ['v = 0', { v: 0 }, 'content: v:'],
    ['v as a string', { v: '1' }, 'content: v:'],
    ['a fractional v', { v: 1.5 }, 'content: v:'],
    ['a negative sentAt', { sentAt: -1 }, 'sentAt'],
    ['a fractional sentAt', { sentAt: 1.5 }, 'sentAt'],
    ['sentAt as a string', { sentAt: '1763000000000' }, 'sentAt'],
    ['no deviceLogHead', { deviceLogHead: undefined }, 'deviceLogHead'],
    ['an uppercase log hash', { deviceLogHead: { seq: 3, hash: 'AB'.repeat(32) } }, 'deviceLogHead.hash'],
    ['a negative log seq', { deviceLogHead: { seq: -1, hash: LOG_HASH } }, 'deviceLogHead.seq'],
    ['a short group state hash', { groupStateHash: 'cd'.repeat(31) }, 'groupStateHash'],
    ['a null group state hash', { groupStateHash: null }, 'groupStateHash'],
  ];

  it.each(cases.map(([what, patch, field]) => ({ what, patch, field })))(
    'rejects $what in a known type',
    ({ patch, field }) => {
      const content = JSON.parse(JSON.stringify({ ...fixtures.text(), ...patch }));
      expect(expectProtocolError(() => parseContent(content), 'bad_request').message).toContain(field);
    },
  );

  it.each(cases.map(([what, patch, field]) => ({ what, patch, field })))(
    'rejects $what in an unknown type too',
    ({ patch, field }) => {
      const content = JSON.parse(JSON.stringify({ type: 'poll', ...BASE, question: '?', ...patch }));
      expect(expectProtocolError(() => parseContent(content), 'bad_request').message).toContain(field);
    },
  );
});

describe('the type name', () => {
  it.each([
    ['no type', undefined],
    ['a number', 7],
    ['uppercase', 'Text'],
    ['an empty name', ''],
    ['a trailing dot', 'trade.'],
    ['a space', 'trade proposal'],
    ['over the cap', 'a'.repeat(MAX_CONTENT_TYPE_CHARS + 1)],
  ])('rejects %s as malformed, not unknown', (_what, type) => {
    const content = type === undefined ? { ...BASE } : { ...BASE, type };
    const error = expectProtocolError(() => parseContent(content), 'bad_request');
    expect(error.message).toMatch(/^content: type: /);
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a string', 'text'],
    ['a number', 1],
  ])('rejects %s in place of an object', (_what, json) => {
    expect(expectProtocolError(() => parseContent(json), 'bad_request').message).toBe(
      'content: expected an object',
    );
  });
});

describe('unknown types ("room for more")', () => {
  it('parses an unknown type into UnknownContent with its base fields', () => {
    const result = parseContent({ type: 'poll', ...BASE, question: 'floor price?', options: ['1', '2'] });
    expect(result).toEqual({
      type: 'unknown',
      wireType: 'poll',
      v: 1,
      sentAt: BASE.sentAt,
      deviceLogHead: BASE.deviceLogHead,
    });
    expect(isUnknownContent(result)).toBe(true);
  });

  it('keeps the group state hash of an unknown type', () => {
    const result = parseContent({ type: 'trade.escrow', ...BASE, groupStateHash: GROUP_HASH, x: { y: [1] } });
    expect(result).toMatchObject({ type: 'unknown', wireType: 'trade.escrow', groupStateHash: GROUP_HASH });
  });

  it('treats a newer version of a known type as unknown, even with a shape v1 would reject', () => {
    const result = parseContent({ ...fixtures.text(), v: 2, body: { rich: ['text'] } });
    expect(result).toMatchObject({ type: 'unknown', wireType: 'text', v: 2 });
  });

  it('treats the wire type "unknown" as just another unknown type', () => {
    expect(parseContent({ type: 'unknown', ...BASE })).toMatchObject({
      type: 'unknown',
      wireType: 'unknown',
    });
  });

  it('still bounds the fields it ignores', () => {
    const deep = { type: 'poll', ...BASE, extra: nested(MAX_CONTENT_DEPTH) };
    expect(expectProtocolError(() => parseContent(deep), 'bad_request').message).toContain('nested deeper');
  });

  it('is not accepted for sending', () => {
    const error = expectProtocolError(() => parseKnownContent({ type: 'poll', ...BASE }), 'bad_request');
    expect(error.message).toContain('cannot send unknown type poll');
  });

  it('does not report known contents as unknown', () => {
    expect(isUnknownContent(parseContent(fixtures.text()))).toBe(false);
  });
});

describe('bounds, before any schema runs', () => {
  it('accepts nesting up to the depth cap and rejects one more level', () => {
    // The content object is depth 1, so an extra field may nest MAX_CONTENT_DEPTH - 2 more objects
    // before the leaf's parent object hits the cap.
    const ok = { type: 'poll', ...BASE, extra: nested(MAX_CONTENT_DEPTH - 1) };
    expect(parseContent(ok)).toMatchObject({ type: 'unknown' });
    const deep = { type: 'poll', ...BASE, extra: nested(MAX_CONTENT_DEPTH) };
    expectProtocolError(() => parseContent(deep), 'bad_request');
  });

  it('rejects more values than the cap with too_large', () => {
    const wide = { type: 'poll', ...BASE, extra: Array.from({ length: MAX_CONTENT_NODES }, () => 0) };
    expect(expectProtocolError(() => parseContent(wide), 'too_large').message).toContain('values');
  });

  it('stops on a cyclic object instead of looping', () => {
    const cyclic: Record<string, unknown> = { type: 'poll', ...BASE };
    cyclic.self = cyclic;
    // Each lap of the cycle is one level deeper, so the depth cap is what stops it.
    expect(expectProtocolError(() => parseContent(cyclic), 'bad_request').message).toContain('nested deeper');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a bigint', 1n],
    ['a function', () => 1],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['undefined in an array', [undefined]],
  ])('rejects %s, which JSON cannot spell', (_what, value) => {
    expectProtocolError(() => parseContent({ ...fixtures.text(), extra: value }), 'bad_request');
  });
});

describe('error messages', () => {
  it('name the field and never repeat the rejected value', () => {
    const secret = 'the seed phrase is correct horse battery staple';
    const content = {
      ...fixtures.reply(),
      body: secret.repeat(100),
      replyTo: { senderDevice: secret, clientId: '' },
    };
    const error = expectProtocolError(() => parseContent(content), 'bad_request');
    expect(error.message).toContain('content reply: body: ');
    expect(error.message).toContain('replyTo.senderDevice: ');
    expect(error.message).not.toContain('seed phrase');
  });

  it('report unrecognized keys without their names', () => {
    const error = expectProtocolError(
      () => parseContent({ ...fixtures.delete(), wallet_private_key: 1, another: 2 }),
      'bad_request',
    );
    expect(error.message).toBe('content delete: (root): 2 unrecognized keys');
  });

  it('name at most three issues', () => {
    const content = {
      ...fixtures.attachment(),
      blobId: 'x',
      size: -1,
      mimeType: 'x',
      fileName: '',
      key: 'k',
    };
    const error = expectProtocolError(() => parseContent(content), 'bad_request');
    expect(error.message).toMatch(/\(\+\d+ more\)$/);
    expect(error.message.split('; ')).toHaveLength(3);
  });

  it('carry no prototype tricks through: a __proto__ key is refused, not dropped', () => {
    // JSON.parse makes `__proto__` an own key; zod would drop it silently from a record.
    const text = JSON.stringify(fixtures['trade.proposal']()).replace('"counter":', '"__proto__":');
    expect(text).toContain('"__proto__":');
    const error = expectProtocolError(() => parseContent(JSON.parse(text)), 'bad_request');
    expect(error.message).toBe('content: a __proto__ key');
  });
});
