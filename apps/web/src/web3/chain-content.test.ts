import { describe, expect, it } from 'vitest';
import { buildNft, buildTx, nftOf, type TxDraft, txOf } from './chain-content';
import { nftExplorerUrl, txExplorerUrl } from './explorer-links';
import { shortTokenId, transferWhat } from './transfer-text';

const WETH = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const ALICE = '0x1111111111111111111111111111111111111111';
const BOB = '0x2222222222222222222222222222222222222222';
const HASH = `0x${'AB'.repeat(32)}`;

const draft = (over: Partial<TxDraft>): TxDraft => ({
  chainId: 1,
  txHash: HASH,
  from: ALICE,
  to: BOB,
  standard: 'native',
  contract: '',
  tokenId: '',
  amount: '1.5',
  decimals: '',
  ...over,
});

const wire = { v: 1, sentAt: 1, deviceLogHead: { seq: 0, hash: '00'.repeat(32) } };

describe('share dialogs: building nft and tx contents', () => {
  it('builds an NFT in wire spelling and refuses bad fields', () => {
    expect(buildNft({ chainId: 1, contract: ` ${WETH} `, tokenId: '7', standard: 'erc721' })).toEqual({
      ok: true,
      content: { type: 'nft', chainId: 1, contract: WETH.toLowerCase(), tokenId: '7', standard: 'erc721' },
    });
    expect(buildNft({ chainId: 1, contract: '0x12', tokenId: '7', standard: 'erc721' })).toEqual({
      ok: false,
      error: 'contract',
    });
    expect(buildNft({ chainId: 1, contract: WETH, tokenId: '07', standard: 'erc721' })).toEqual({
      ok: false,
      error: 'tokenId',
    });
    expect(
      buildNft({ chainId: 1, contract: WETH, tokenId: (2n ** 256n).toString(), standard: 'erc1155' }),
    ).toEqual({
      ok: false,
      error: 'tokenId',
    });
  });

  it('turns human amounts into base units with the right decimals', () => {
    const native = buildTx(draft({}));
    expect(native.ok && native.content.transfer).toEqual({
      from: ALICE,
      to: BOB,
      asset: { standard: 'native' },
      amount: '1500000000000000000',
    });
    expect(native.ok && native.content.txHash).toBe(HASH.toLowerCase());
    const weth = buildTx(draft({ standard: 'erc20', contract: WETH, amount: '0.25' }));
    expect(weth.ok && weth.content.transfer.amount).toBe('250000000000000000');
    const unknown = '0x00000000000000000000000000000000000000a1';
    expect(buildTx(draft({ standard: 'erc20', contract: unknown, amount: '2' }))).toEqual({
      ok: false,
      error: 'decimals',
    });
    const withDecimals = buildTx(draft({ standard: 'erc20', contract: unknown, amount: '2', decimals: '6' }));
    expect(withDecimals.ok && withDecimals.content.transfer.amount).toBe('2000000');
    const nft = buildTx(draft({ standard: 'erc721', contract: unknown, tokenId: '9', amount: 'ignored' }));
    expect(nft.ok && nft.content.transfer).toMatchObject({
      asset: { standard: 'erc721', tokenId: '9' },
      amount: '1',
    });
  });

  it('refuses malformed hashes, addresses and amounts', () => {
    expect(buildTx(draft({ txHash: '0x12' }))).toEqual({ ok: false, error: 'txHash' });
    expect(buildTx(draft({ from: 'alice.eth' }))).toEqual({ ok: false, error: 'from' });
    expect(buildTx(draft({ to: '' }))).toEqual({ ok: false, error: 'to' });
    expect(buildTx(draft({ amount: '1e18' }))).toEqual({ ok: false, error: 'amount' });
    expect(buildTx(draft({ amount: '0' }))).toEqual({ ok: false, error: 'amount' });
    expect(buildTx(draft({ standard: 'erc1155', contract: WETH, tokenId: '1', amount: '0' }))).toEqual({
      ok: false,
      error: 'amount',
    });
  });

  it('what it builds is a valid wire content, and the card parser refuses a broken one', () => {
    const nft = buildNft({ chainId: 8453, contract: WETH, tokenId: '1', standard: 'erc1155' });
    const tx = buildTx(draft({ standard: 'erc20', contract: WETH, amount: '1' }));
    if (!nft.ok || !tx.ok) throw new Error('expected valid drafts');
    expect(nftOf({ ...nft.content, ...wire })).toMatchObject({ type: 'nft', chainId: 8453 });
    expect(txOf({ ...tx.content, ...wire })).toMatchObject({ type: 'tx', txHash: HASH.toLowerCase() });
    expect(txOf({ ...tx.content, ...wire, txHash: HASH })).toBeUndefined();
    expect(nftOf({ ...nft.content, ...wire, tokenId: 1 })).toBeUndefined();
  });
});

describe('transfer text and links', () => {
  it('names known tokens, trusts on-chain symbols only as unverified, and falls back to units', () => {
    const weth = {
      from: ALICE,
      to: BOB,
      asset: { standard: 'erc20' as const, contract: WETH.toLowerCase() },
      amount: '1500000000000000000',
    };
    expect(transferWhat(1, weth)).toEqual({ kind: 'amount', amount: '1.5', symbol: 'WETH', verified: true });
    const other = {
      ...weth,
      asset: { standard: 'erc20' as const, contract: '0x00000000000000000000000000000000000000a1' },
      amount: '2500000',
    };
    expect(transferWhat(1, other)).toEqual({ kind: 'units', amount: '2500000', contract: '0x0000…00a1' });
    expect(transferWhat(1, other, { symbol: 'FOO', decimals: 6 })).toEqual({
      kind: 'amount',
      amount: '2.5',
      symbol: 'FOO',
      verified: false,
    });
    expect(shortTokenId('123456789012345678901234')).toBe('123456…1234');
  });

  it('links only known chains and well-formed values', () => {
    expect(txExplorerUrl(1, HASH.toLowerCase())).toBe(`https://etherscan.io/tx/${HASH.toLowerCase()}`);
    expect(txExplorerUrl(999, HASH.toLowerCase())).toBeUndefined();
    expect(nftExplorerUrl(8453, WETH.toLowerCase(), '7')).toBe(
      `https://basescan.org/nft/${WETH.toLowerCase()}/7`,
    );
    expect(nftExplorerUrl(1, 'javascript:alert(1)', '7')).toBeUndefined();
  });
});
