// fast-check arbitraries that produce valid contents of every known type, for the round-trip and
// key-order properties of the content codec. Optional fields are absent or present, never
// `undefined`, like JSON.
import fc from 'fast-check';
import type { Content } from '../src/content/content-schema';

const hex = (bytes: number) =>
  fc
    .uint8Array({ minLength: bytes, maxLength: bytes })
    .map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''));
const id16 = hex(16);
const address = hex(20).map((h) => `0x${h}`);
const ethHash = hex(32).map((h) => `0x${h}`);
const uint256 = fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }).map((n) => n.toString());
const safeNat = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const positive = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });

/** Any code points, lone surrogates included: JSON escapes them and the round trip keeps them. */
const body = fc.string({ unit: 'binary', minLength: 1, maxLength: 300 });
const ref = fc.record({ senderDevice: id16, clientId: id16 });

const base = fc.record(
  {
    v: fc.constant(1 as const),
    sentAt: safeNat,
    deviceLogHead: fc.record({ seq: safeNat, hash: hex(32) }),
    groupStateHash: hex(32),
  },
  { requiredKeys: ['v', 'sentAt', 'deviceLogHead'] },
);

function typed<T extends Content['type'], R extends object>(type: T, fields: fc.Arbitrary<R>) {
  return fc.tuple(base, fields).map(([b, f]) => ({ type, ...b, ...f }) as unknown as Content);
}

const emoji = fc.constantFrom('👍', '👍🏽', '❤️', '🔥', '👨‍👩‍👧‍👦', '🤝', '💎', '🙌🏿');
const fileName = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
  .filter((s) => !/[\p{Cc}/\\]/u.test(s) && s !== '.' && s !== '..' && [...s].length <= 255);
const base64url = (maxBytes: number) =>
  fc.uint8Array({ minLength: 1, maxLength: maxBytes }).map((b) => {
    let s = '';
    for (const x of b) s += String.fromCharCode(x);
    return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
  });

const typedDataValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'typed-data-value', withCrossShrink: true },
    fc.string({ maxLength: 40 }),
    fc.integer(),
    fc.boolean(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.stringMatching(/^[a-z][A-Za-z0-9]{0,8}$/), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const typedData = fc.record({
  types: fc.constant({
    Offer: [
      { name: 'price', type: 'uint256' },
      { name: 'items', type: 'Item[]' },
    ],
    Item: [{ name: 'token', type: 'address' }],
  }),
  primaryType: fc.constant('Offer'),
  domain: fc.record(
    { name: fc.constantFrom('Seaport', 'Parley'), version: fc.constantFrom('1', '1.6'), chainId: positive },
    { requiredKeys: [] },
  ),
  message: fc.dictionary(fc.stringMatching(/^[a-z][A-Za-z0-9]{0,8}$/), typedDataValue, { maxKeys: 6 }),
});
const signature = hex(65).map((h) => `0x${h}`);

const asset = fc.oneof(
  fc.constant({ standard: 'native' }),
  fc.record({ standard: fc.constant('erc20'), contract: address }),
  fc.record({ standard: fc.constantFrom('erc721', 'erc1155'), contract: address, tokenId: uint256 }),
);

export const contentArb: fc.Arbitrary<Content> = fc.oneof(
  typed('text', fc.record({ body })),
  typed('reply', fc.record({ body, replyTo: ref })),
  typed('reaction', fc.record({ emoji, target: ref, action: fc.constantFrom('add', 'remove') })),
  typed('edit', fc.record({ target: ref, body })),
  typed('delete', fc.record({ target: ref })),
  typed(
    'receipt',
    fc.oneof(
      fc.record({
        status: fc.constantFrom('delivered', 'read'),
        refs: fc.array(ref, { minLength: 1, maxLength: 5 }),
      }),
      fc.record({ status: fc.constantFrom('delivered', 'read'), upToSeq: positive }),
    ),
  ),
  typed(
    'attachment',
    fc.record(
      {
        blobId: hex(32),
        size: fc.integer({ min: 1, max: 25 * 1024 * 1024 - 16 }),
        mimeType: fc.constantFrom('image/png', 'application/pdf', 'video/mp4', 'application/vnd.ms-excel'),
        fileName,
        key: hex(32),
        nonce: hex(24),
        width: fc.integer({ min: 1, max: 16384 }),
        height: fc.integer({ min: 1, max: 16384 }),
        thumbnail: fc.record({ mimeType: fc.constantFrom('image/jpeg', 'image/webp'), data: base64url(200) }),
      },
      { requiredKeys: ['blobId', 'size', 'mimeType', 'fileName', 'key', 'nonce'] },
    ),
  ),
  typed(
    'trade.proposal',
    fc.record({ typedData, signature, signer: address, parentHash: fc.option(ethHash, { nil: null }) }),
  ),
  typed(
    'trade.response',
    fc.record({
      decision: fc.constantFrom('accept', 'decline', 'cancel'),
      typedData,
      signature,
      signer: address,
      parentHash: ethHash,
    }),
  ),
  typed(
    'nft',
    fc.record({
      chainId: positive,
      contract: address,
      tokenId: uint256,
      standard: fc.constantFrom('erc721', 'erc1155'),
    }),
  ),
  typed(
    'tx',
    fc.record({
      chainId: positive,
      txHash: ethHash,
      transfer: fc.record({ from: address, to: address, asset, amount: uint256 }),
    }),
  ),
);

/** A copy of `value` with every object's keys in the order `order` picks (a deterministic shuffle). */
export function reorderKeys(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => reorderKeys(item, order));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of order(Object.keys(value)))
    out[key] = reorderKeys((value as Record<string, unknown>)[key], order);
  return out;
}

/** A key order from a seed: rotate by the seed, then reverse when the seed is odd. */
export function seededOrder(seed: number): (keys: string[]) => string[] {
  return (keys) => {
    if (keys.length === 0) return keys;
    const k = seed % keys.length;
    const rotated = [...keys.slice(k), ...keys.slice(0, k)];
    return seed % 2 === 1 ? rotated.reverse() : rotated;
  };
}
