// The envelope's GraphQL shape and the base64url helpers (docs/protocol.md §9.5).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeBase64url,
  EnvelopeBatchIn,
  EnvelopeIn,
  EnvelopeOut,
  encodeBase64url,
  isCanonicalBase64url,
} from '../src/envelope-wire';
import {
  base64urlLength,
  MAX_BATCH_BODY_BYTES,
  MAX_BATCH_ENVELOPES,
  MAX_ENVELOPE_BODY_BYTES,
} from '../src/limits';
import { expectProtocolError, outcome } from './protocol-error-helpers';

const CONV = '0a'.repeat(16);
const DEVICE = '0b'.repeat(16);
const envelopeIn = (clientId = '0c'.repeat(16), body = 'AQIDBA') => ({
  conversationId: CONV,
  clientId,
  body,
});
const envelopeOut = {
  ...envelopeIn(),
  recipientDevice: DEVICE,
  seq: 1,
  senderAddress: `0x${'ef'.repeat(20)}`,
  senderDevice: '0d'.repeat(16),
  serverTime: 1_763_000_000_000,
};

describe('base64url', () => {
  it('matches Node for every byte string, both ways', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = encodeBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(decodeBase64url(text, 100)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts only the one canonical spelling of any text over the alphabet', () => {
    const text = fc.string({ unit: fc.constantFrom(...'AQgw_-Zz09'), maxLength: 12 });
    fc.assert(
      fc.property(text, (t) => {
        const result = outcome(() => decodeBase64url(t, 100));
        if (result === 'ok') expect(encodeBase64url(decodeBase64url(t, 100))).toBe(t);
        else expect(result).toBe('bad_request');
        expect(isCanonicalBase64url(t)).toBe(result === 'ok');
      }),
      { numRuns: 300 },
    );
  });

  it('decodes the empty string to no bytes', () => {
    expect(decodeBase64url('', 0)).toEqual(new Uint8Array(0));
  });

  it.each([
    ['padding', 'AQI='],
    ['double padding', 'AQ=='],
    ['standard base64 +', 'a+b_'],
    ['standard base64 /', 'a/b-'],
    ['white space', 'AQ ID'],
    ['a newline', 'AQID\n'],
    ['a non-ASCII letter', 'AQIé'],
    ['a length of 4n+1', 'AQIDB'],
    ['unused bits in a 2-character tail', 'AR'],
    ['unused bits in a 3-character tail', 'AQJ'],
  ])('rejects %s with bad_request', (_what, text) => {
    expectProtocolError(() => decodeBase64url(text, 100), 'bad_request');
  });

  it('rejects a text longer than maxBytes with too_large, from its length alone', () => {
    expect(decodeBase64url('AQID', 3)).toEqual(new Uint8Array([1, 2, 3]));
    expectProtocolError(() => decodeBase64url('AQIDBA', 3), 'too_large');
    // Not even valid base64url: the size check comes first.
    expectProtocolError(() => decodeBase64url('!'.repeat(1000), 3), 'too_large');
  });

  it('rejects a value that is not a string', () => {
    expectProtocolError(() => decodeBase64url(42 as unknown as string, 3), 'bad_request');
  });
});

describe('EnvelopeIn and EnvelopeOut', () => {
  const maxBody = encodeBase64url(new Uint8Array(MAX_ENVELOPE_BODY_BYTES).fill(7));

  it('accept valid envelopes, with and without a recipient device', () => {
    expect(EnvelopeIn.parse(envelopeIn())).toEqual(envelopeIn());
    expect(EnvelopeIn.parse({ ...envelopeIn(), recipientDevice: DEVICE })).toMatchObject({
      recipientDevice: DEVICE,
    });
    expect(EnvelopeOut.parse(envelopeOut)).toEqual(envelopeOut);
  });

  it('accept a body of exactly the cap and reject one byte more', () => {
    expect(maxBody.length).toBe(base64urlLength(MAX_ENVELOPE_BODY_BYTES));
    expect(EnvelopeIn.safeParse(envelopeIn(undefined, maxBody)).success).toBe(true);
    const over = encodeBase64url(new Uint8Array(MAX_ENVELOPE_BODY_BYTES + 1));
    expect(EnvelopeIn.safeParse(envelopeIn(undefined, over)).success).toBe(false);
  });

  const bad: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
    ['an uppercase conversation id', { conversationId: '0A'.repeat(16) }],
    ['a short client id', { clientId: '0c'.repeat(15) }],
    ['an empty body', { body: '' }],
    ['a padded body', { body: 'AQIDBA==' }],
    ['a non-canonical body', { body: 'AQIDBB' }],
    ['a body of 4n+1 characters', { body: 'AQIDB' }],
    ['a bad recipient device', { recipientDevice: 'x' }],
    ['an extra field', { seq: 1 }],
  ];
  it.each(bad.map(([what, patch]) => ({ what, patch })))('EnvelopeIn rejects $what', ({ patch }) => {
    expect(EnvelopeIn.safeParse({ ...envelopeIn(), ...patch }).success).toBe(false);
  });

  it.each([
    ['seq 0', { seq: 0 }],
    ['a fractional seq', { seq: 1.5 }],
    ['a checksummed sender address', { senderAddress: `0x${'EF'.repeat(20)}` }],
    ['a negative server time', { serverTime: -1 }],
    ['no sender device', { senderDevice: undefined }],
  ])('EnvelopeOut rejects %s', (_what, patch) => {
    expect(EnvelopeOut.safeParse({ ...envelopeOut, ...patch }).success).toBe(false);
  });
});

describe('EnvelopeBatchIn', () => {
  const device = (i: number) => i.toString(16).padStart(32, '0');

  it('accepts per-device copies of one message (same client id, different recipients)', () => {
    const copies = Array.from({ length: MAX_BATCH_ENVELOPES }, (_, i) => ({
      ...envelopeIn(),
      recipientDevice: device(i),
    }));
    expect(EnvelopeBatchIn.safeParse(copies).success).toBe(true);
  });

  it('rejects an empty batch and one over the count cap', () => {
    expect(EnvelopeBatchIn.safeParse([]).success).toBe(false);
    const many = Array.from({ length: MAX_BATCH_ENVELOPES + 1 }, (_, i) => envelopeIn(device(i)));
    expect(EnvelopeBatchIn.safeParse(many).success).toBe(false);
  });

  it('rejects bodies adding up to more than the batch cap', () => {
    const half = encodeBase64url(new Uint8Array(MAX_BATCH_BODY_BYTES / 2));
    const fits = [envelopeIn(device(1), half), envelopeIn(device(2), half)];
    expect(EnvelopeBatchIn.safeParse(fits).success).toBe(true);
    const over = [...fits, envelopeIn(device(3), 'AQ')];
    const result = EnvelopeBatchIn.safeParse(over);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      `bodies over ${MAX_BATCH_BODY_BYTES} bytes in one batch`,
    ]);
  });

  it('rejects the same envelope twice', () => {
    const result = EnvelopeBatchIn.safeParse([envelopeIn(), envelopeIn()]);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['the same envelope twice in one batch']);
  });
});
