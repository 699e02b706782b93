// The arithmetic behind limits.ts (docs/protocol.md §9.6): each cap fits inside the one that
// carries it, checked with the largest real values rather than trusted from comments.
import { describe, expect, it } from 'vitest';
import { encodeContent } from '../src/content/content-codec';
import { EnvelopeBatchIn, EnvelopeOut, encodeBase64url } from '../src/envelope-wire';
import {
  base64urlLength,
  ENVELOPE_IN_FIELDS_BUDGET_BYTES,
  ENVELOPE_MAX_OVERHEAD_BYTES,
  ENVELOPE_OUT_FIELDS_BUDGET_BYTES,
  FRAME_WRAPPER_BUDGET_BYTES,
  MAX_ACTIVE_DEVICES,
  MAX_ATTACHMENT_BYTES,
  MAX_BATCH_BODY_BYTES,
  MAX_BATCH_ENVELOPES,
  MAX_BLOB_BYTES,
  MAX_CONTENT_BYTES,
  MAX_ENVELOPE_BODY_BYTES,
  MAX_FILE_NAME_CHARS,
  MAX_FRAME_BYTES,
  MAX_TEXT_CHARS,
  MAX_THUMBNAIL_BYTES,
  PADDING_BUCKET_BYTES,
} from '../src/limits';
import { BASE, makeFixtures, REF } from './content-fixtures';

const fixtures = await makeFixtures();
const id = (n: number) => n.toString(16).padStart(32, 'f');
const frameBytes = (message: unknown) => new TextEncoder().encode(JSON.stringify(message)).length;

/** Padded length as packages/crypto pads (0x80 then zeros to the next bucket, always at least one byte). */
const padded = (n: number) => (Math.floor(n / PADDING_BUCKET_BYTES) + 1) * PADDING_BUCKET_BYTES;

describe('limits', () => {
  it('base64urlLength is the unpadded length', () => {
    expect([0, 1, 2, 3, 4, 40 * 1024].map(base64urlLength)).toEqual([0, 2, 3, 4, 6, 54_614]);
  });

  it('the largest content, padded and sealed, fits the envelope body cap', () => {
    expect(padded(MAX_CONTENT_BYTES) + ENVELOPE_MAX_OVERHEAD_BYTES).toBeLessThanOrEqual(
      MAX_ENVELOPE_BODY_BYTES,
    );
  });

  it('the budgets add up: a full batch, or one pushed envelope, plus the wrapper fits a frame', () => {
    const batch =
      base64urlLength(MAX_BATCH_BODY_BYTES) +
      MAX_BATCH_ENVELOPES * ENVELOPE_IN_FIELDS_BUDGET_BYTES +
      FRAME_WRAPPER_BUDGET_BYTES;
    expect(batch).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    const push =
      base64urlLength(MAX_ENVELOPE_BODY_BYTES) +
      ENVELOPE_OUT_FIELDS_BUDGET_BYTES +
      FRAME_WRAPPER_BUDGET_BYTES;
    expect(push).toBeLessThanOrEqual(MAX_FRAME_BYTES);
  });

  it('the field budgets hold for the longest EnvelopeIn and EnvelopeOut', () => {
    const envelopeIn = { conversationId: id(1), clientId: id(2), body: '', recipientDevice: id(3) };
    const envelopeOut = {
      __typename: 'Envelope',
      ...envelopeIn,
      seq: Number.MAX_SAFE_INTEGER,
      senderAddress: `0x${'ff'.repeat(20)}`,
      senderDevice: id(4),
      serverTime: Number.MAX_SAFE_INTEGER,
    };
    // +1 for the comma between array items.
    expect(frameBytes(envelopeIn) + 1).toBeLessThanOrEqual(ENVELOPE_IN_FIELDS_BUDGET_BYTES);
    expect(frameBytes(envelopeOut)).toBeLessThanOrEqual(ENVELOPE_OUT_FIELDS_BUDGET_BYTES);
  });

  it('the largest relay push (one EnvelopeOut in a graphql-ws next message) fits a frame', () => {
    const envelope = EnvelopeOut.parse({
      conversationId: id(1),
      clientId: id(2),
      body: encodeBase64url(new Uint8Array(MAX_ENVELOPE_BODY_BYTES).fill(255)),
      recipientDevice: id(3),
      seq: Number.MAX_SAFE_INTEGER,
      senderAddress: `0x${'ff'.repeat(20)}`,
      senderDevice: id(4),
      serverTime: Number.MAX_SAFE_INTEGER,
    });
    const message = {
      id: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
      type: 'next',
      payload: { data: { conversationEnvelopes: { __typename: 'Envelope', ...envelope } } },
    };
    expect(frameBytes(message)).toBeLessThanOrEqual(MAX_FRAME_BYTES);
  });

  it('the largest send batch (in a graphql-ws subscribe message) fits a frame', () => {
    const each = Math.floor(MAX_BATCH_BODY_BYTES / MAX_BATCH_ENVELOPES);
    const batch = EnvelopeBatchIn.parse(
      Array.from({ length: MAX_BATCH_ENVELOPES }, (_, i) => ({
        conversationId: id(1),
        clientId: id(2),
        body: encodeBase64url(
          new Uint8Array(i === 0 ? MAX_BATCH_BODY_BYTES - each * (MAX_BATCH_ENVELOPES - 1) : each),
        ),
        recipientDevice: id(100 + i),
      })),
    );
    const message = {
      id: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
      type: 'subscribe',
      payload: {
        operationName: 'SendEnvelopes',
        query:
          'mutation SendEnvelopes($envelopes: [EnvelopeIn!]!) { sendEnvelopes(envelopes: $envelopes) { clientId recipientDevice seq serverTime } }',
        variables: { envelopes: batch },
      },
    };
    expect(frameBytes(message)).toBeLessThanOrEqual(MAX_FRAME_BYTES);
  });

  it('a batch holds one message for every device of both accounts', () => {
    expect(MAX_BATCH_ENVELOPES).toBeGreaterThanOrEqual(2 * MAX_ACTIVE_DEVICES - 1);
  });

  it('an attachment plus its tag is a blob within the cap', () => {
    expect(MAX_ATTACHMENT_BYTES + 16).toBe(MAX_BLOB_BYTES);
  });

  it('the longest text, edit and reply encode within MAX_CONTENT_BYTES even if every code point is escaped', () => {
    const worst = '\u0001'.repeat(MAX_TEXT_CHARS); // 6 bytes each as \u0001
    const extra = { groupStateHash: 'ff'.repeat(32), sentAt: Number.MAX_SAFE_INTEGER };
    for (const content of [
      { ...fixtures.text(), ...extra, body: worst },
      { ...fixtures.edit(), ...extra, body: worst },
      { ...fixtures.reply(), ...extra, body: worst, replyTo: REF },
    ]) {
      expect(encodeContent(content).length).toBeLessThanOrEqual(MAX_CONTENT_BYTES);
    }
  });

  it('the largest attachment content (full thumbnail, longest file name) encodes within MAX_CONTENT_BYTES', () => {
    const content = {
      ...fixtures.attachment(),
      ...BASE,
      groupStateHash: 'ff'.repeat(32),
      fileName: '"'.repeat(MAX_FILE_NAME_CHARS), // each escaped as two bytes
      thumbnail: {
        mimeType: 'image/jpeg' as const,
        data: encodeBase64url(new Uint8Array(MAX_THUMBNAIL_BYTES)),
      },
    };
    const withCjk = { ...content, fileName: '\u{20000}'.repeat(MAX_FILE_NAME_CHARS) }; // 4 bytes each
    expect(encodeContent(content).length).toBeLessThanOrEqual(MAX_CONTENT_BYTES);
    expect(encodeContent(withCjk).length).toBeLessThanOrEqual(MAX_CONTENT_BYTES);
  });
});
