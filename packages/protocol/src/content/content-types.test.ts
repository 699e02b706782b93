// Accept and reject cases for every content type (docs/protocol.md §9.2): each valid fixture
// parses to itself, and each bad shape fails with bad_request and a message naming the field.
import { describe, expect, it } from 'vitest';
import { type Fixtures, makeFixtures } from '../../test/content-fixtures';
import { expectProtocolError } from '../../test/protocol-error-helpers';
import { MAX_ATTACHMENT_BYTES, MAX_RECEIPT_REFS, MAX_TEXT_CHARS, MAX_THUMBNAIL_BYTES } from '../limits';
import { CONTENT_TYPES, type ContentType } from './content-schema';
import { parseContent } from './parse-content';

const fixtures: Fixtures = await makeFixtures();

type Mutation = readonly [what: string, mutate: (c: Record<string, unknown>) => void, field: string];

const set =
  (path: string, value: unknown) =>
  (c: Record<string, unknown>): void => {
    const keys = path.split('.');
    let node: Record<string, unknown> = c;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[keys[keys.length - 1] as string] = value;
  };
const drop =
  (path: string) =>
  (c: Record<string, unknown>): void => {
    const keys = path.split('.');
    let node: Record<string, unknown> = c;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    delete node[keys[keys.length - 1] as string];
  };

const ref = (clientId: string) => ({ senderDevice: '11'.repeat(16), clientId });
const refs = (n: number) => Array.from({ length: n }, (_, i) => ref(i.toString(16).padStart(32, '0')));

const REJECTIONS: { readonly [T in ContentType]: readonly Mutation[] } = {
  text: [
    ['an empty body', set('body', ''), 'body'],
    ['a body over the cap', set('body', 'x'.repeat(MAX_TEXT_CHARS + 1)), 'body'],
    ['a number body', set('body', 42), 'body'],
    ['no body', drop('body'), 'body'],
    ['an extra field', set('html', '<b>hi</b>'), 'unrecognized key'],
  ],
  reply: [
    ['no replyTo', drop('replyTo'), 'replyTo'],
    ['an uppercase client id', set('replyTo.clientId', 'AB'.repeat(16)), 'replyTo.clientId'],
    ['a short sender device', set('replyTo.senderDevice', '11'.repeat(15)), 'replyTo.senderDevice'],
    ['an extra field in the ref', set('replyTo.seq', 4), 'replyTo: an unrecognized key'],
  ],
  reaction: [
    ['an emoji with a space', set('emoji', '👍 👍'), 'emoji'],
    ['an emoji with a control character', set('emoji', '👍\u0007'), 'emoji'],
    ['an empty emoji', set('emoji', ''), 'emoji'],
    ['an emoji over the cap', set('emoji', '👍'.repeat(33)), 'emoji'],
    ['an unknown action', set('action', 'toggle'), 'action'],
    ['no target', drop('target'), 'target'],
  ],
  edit: [
    ['a body over the cap', set('body', 'y'.repeat(MAX_TEXT_CHARS + 1)), 'body'],
    ['a target without client id', drop('target.clientId'), 'target.clientId'],
  ],
  delete: [
    ['a body', set('body', 'gone'), 'unrecognized key'],
    ['a target that is a string', set('target', '11'.repeat(16)), 'target'],
  ],
  receipt: [
    ['both refs and upToSeq', set('upToSeq', 9), 'refs'],
    ['neither refs nor upToSeq', drop('refs'), 'refs'],
    ['empty refs', set('refs', []), 'refs'],
    ['too many refs', set('refs', refs(MAX_RECEIPT_REFS + 1)), 'refs'],
    ['a bad ref inside', set('refs', [ref('zz'.repeat(16))]), 'refs[0].clientId'],
    ['an unknown status', set('status', 'seen'), 'status'],
  ],
  attachment: [
    ['a short blob id', set('blobId', 'e3'.repeat(31)), 'blobId'],
    ['a zero size', set('size', 0), 'size'],
    ['a size over the blob cap', set('size', MAX_ATTACHMENT_BYTES + 1), 'size'],
    ['a fractional size', set('size', 1.5), 'size'],
    ['an uppercase MIME type', set('mimeType', 'Image/PNG'), 'mimeType'],
    ['a MIME type with parameters', set('mimeType', 'text/plain; charset=utf-8'), 'mimeType'],
    ['a file name with a slash', set('fileName', '../../.ssh/id_ed25519'), 'fileName'],
    ['a file name with a backslash', set('fileName', 'a\\b.png'), 'fileName'],
    ['the file name ..', set('fileName', '..'), 'fileName'],
    ['a file name with a newline', set('fileName', 'a\nb.png'), 'fileName'],
    ['a file name over 255', set('fileName', `${'a'.repeat(252)}.png`), 'fileName'],
    ['a 31-byte key', set('key', '5a'.repeat(31)), 'key'],
    ['a 12-byte nonce', set('nonce', '6b'.repeat(12)), 'nonce'],
    ['a zero width', set('width', 0), 'width'],
    ['a gif thumbnail', set('thumbnail.mimeType', 'image/gif'), 'thumbnail.mimeType'],
    ['a padded thumbnail', set('thumbnail.data', 'UklGRiQAAABXRUJQ=='), 'thumbnail.data'],
    ['a non-canonical thumbnail', set('thumbnail.data', 'UklGRiQAAABXRUJQAB'), 'thumbnail.data'],
    [
      'a thumbnail over the cap',
      set('thumbnail.data', 'A'.repeat(Math.ceil((MAX_THUMBNAIL_BYTES * 4) / 3) + 2)),
      'thumbnail.data',
    ],
  ],
  'trade.proposal': [
    ['a 64-byte signature', set('signature', `0x${'11'.repeat(64)}`), 'signature'],
    ['an uppercase signature', set('signature', `0x${'AA'.repeat(65)}`), 'signature'],
    ['a checksummed signer', set('signer', '0xAbCdEf0000000000000000000000000000000001'), 'signer'],
    ['no parentHash (null is required)', drop('parentHash'), 'parentHash'],
    ['a primaryType that is not a type', set('typedData.primaryType', 'Order'), 'typedData.primaryType'],
    [
      'a bad field type',
      set('typedData.types.OfferItem', [{ name: 'x', type: 'uint 8' }]),
      'typedData.types',
    ],
    ['a fractional value', set('typedData.message.counter', 0.5), 'typedData.message'],
    ['a long string value', set('typedData.message.salt', '1'.repeat(1025)), 'typedData.message'],
    ['a domain with an extra key', set('typedData.domain.extra', 'x'), 'typedData.domain'],
    ['a domain chain id as a string', set('typedData.domain.chainId', '1'), 'typedData.domain.chainId'],
    ['no typedData', drop('typedData'), 'typedData'],
  ],
  'trade.response': [
    ['an unknown decision', set('decision', 'maybe'), 'decision'],
    ['a null parentHash', set('parentHash', null), 'parentHash'],
    ['a parentHash without 0x', set('parentHash', 'ab'.repeat(32)), 'parentHash'],
  ],
  nft: [
    ['a token id with a leading zero', set('tokenId', '01'), 'tokenId'],
    ['a negative token id', set('tokenId', '-1'), 'tokenId'],
    ['a token id of 2^256', set('tokenId', (2n ** 256n).toString()), 'tokenId'],
    ['a number token id', set('tokenId', 1234), 'tokenId'],
    ['an unknown standard', set('standard', 'erc20'), 'standard'],
    ['chain id 0', set('chainId', 0), 'chainId'],
    ['a checksummed contract', set('contract', '0xBCbcbcbcbcbcbcbcbcbcbcbcbcbcbcbcbcbcbcbc'), 'contract'],
  ],
  tx: [
    ['a tx hash without 0x', set('txHash', '9f'.repeat(32)), 'txHash'],
    [
      'an erc20 asset without contract',
      set('transfer.asset', { standard: 'erc20' }),
      'transfer.asset.contract',
    ],
    ['an unknown asset standard', set('transfer.asset', { standard: 'erc777' }), 'transfer.asset.standard'],
    ['a decimal amount', set('transfer.amount', '1.5'), 'transfer.amount'],
    ['a bad from address', set('transfer.from', '0x1234'), 'transfer.from'],
  ],
};

describe('every content type', () => {
  it('has fixtures and rejection cases for each known type', () => {
    expect(Object.keys(fixtures).sort()).toEqual([...CONTENT_TYPES].sort());
    expect(Object.keys(REJECTIONS).sort()).toEqual([...CONTENT_TYPES].sort());
  });

  describe.each(CONTENT_TYPES.map((t) => [t]))('%s', (type) => {
    it('accepts the valid fixture and returns it unchanged', () => {
      const content = fixtures[type]();
      expect(parseContent(content)).toEqual(content);
    });

    it('accepts it with a group state hash', () => {
      const content = { ...fixtures[type](), groupStateHash: '0f'.repeat(32) };
      expect(parseContent(content)).toEqual(content);
    });

    it.each(REJECTIONS[type].map(([what, mutate, field]) => ({ what, mutate, field })))(
      'rejects $what, naming $field',
      ({ mutate, field }) => {
        const content = fixtures[type]() as unknown as Record<string, unknown>;
        mutate(content);
        const error = expectProtocolError(() => parseContent(content), 'bad_request');
        expect(error.message).toContain(`content ${type}:`);
        expect(error.message).toContain(field);
      },
    );
  });
});

describe('optional fields', () => {
  it('accepts an attachment without width, height or thumbnail', () => {
    const { width: _w, height: _h, thumbnail: _t, ...bare } = fixtures.attachment();
    expect(parseContent(bare)).toEqual(bare);
  });

  it('accepts a receipt up to a seq instead of refs', () => {
    const { refs: _r, ...rest } = fixtures.receipt();
    const content = { ...rest, status: 'delivered', upToSeq: 812 };
    expect(parseContent(content)).toEqual(content);
  });

  it('accepts every transfer asset standard', () => {
    const contract = `0x${'c0'.repeat(20)}`;
    for (const asset of [
      { standard: 'native' },
      { standard: 'erc20', contract },
      { standard: 'erc721', contract, tokenId: '7' },
      { standard: 'erc1155', contract, tokenId: '0' },
    ]) {
      const tx = fixtures.tx();
      const content = { ...tx, transfer: { ...tx.transfer, asset } };
      expect(parseContent(content)).toEqual(content);
    }
  });

  it('accepts the largest token id, 2^256 - 1', () => {
    const content = { ...fixtures.nft(), tokenId: (2n ** 256n - 1n).toString(), standard: 'erc1155' };
    expect(parseContent(content)).toEqual(content);
  });
});
