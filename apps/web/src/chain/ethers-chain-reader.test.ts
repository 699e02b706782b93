import { encodeBytes32String } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEAPORT_ADDRESS } from '../../../../packages/trade/src/seaport/order-typed-data';
import { ChainError } from './chain-error';
import { createChainReader } from './ethers-chain-reader';
import { type MockRpc, Revert, startMockRpc } from './mock-rpc-server';
import { connectRpc } from './rpc-connection';
import { TtlCache } from './ttl-cache';

const TOKEN = '0x00000000000000000000000000000000000000a1';
const OLD_TOKEN = '0x00000000000000000000000000000000000000a2';
const NFT721 = '0x00000000000000000000000000000000000000b1';
const NFT1155 = '0x00000000000000000000000000000000000000b2';
const NOBODY = '0x00000000000000000000000000000000000000c1';
const ALICE = '0x1111111111111111111111111111111111111111';
const BOB = '0x2222222222222222222222222222222222222222';

let rpc: MockRpc;
let wrongChain: MockRpc;

beforeAll(async () => {
  rpc = await startMockRpc({
    chainId: 1,
    balances: { [ALICE]: 5n * 10n ** 18n },
    contracts: {
      [TOKEN]: {
        abi: [
          'function symbol() view returns (string)',
          'function decimals() view returns (uint8)',
          'function balanceOf(address) view returns (uint256)',
        ],
        handlers: {
          // A right-to-left override would flip how the symbol reads; it must not survive.
          symbol: () => 'US\u202eDC',
          decimals: () => 6,
          balanceOf: (owner) => (String(owner).toLowerCase() === ALICE ? 1_500_000n : 0n),
        },
      },
      [OLD_TOKEN]: {
        abi: ['function symbol() view returns (bytes32)', 'function decimals() view returns (uint8)'],
        handlers: { symbol: () => encodeBytes32String('MKR'), decimals: () => 255 },
      },
      [NFT721]: {
        abi: [
          'function ownerOf(uint256) view returns (address)',
          'function tokenURI(uint256) view returns (string)',
        ],
        handlers: {
          ownerOf: (id) => {
            if (id !== 7n) throw new Revert();
            return BOB;
          },
          tokenURI: (id) => `ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/${id}.json`,
        },
      },
      [NFT1155]: {
        abi: [
          'function balanceOf(address, uint256) view returns (uint256)',
          'function uri(uint256) view returns (string)',
        ],
        handlers: {
          balanceOf: (owner, id) => (String(owner).toLowerCase() === ALICE && id === 3n ? 4n : 0n),
          uri: () => 'https://meta.example/{id}.json',
        },
      },
      [SEAPORT_ADDRESS]: {
        abi: ['function getCounter(address) view returns (uint256)'],
        handlers: { getCounter: () => 9n },
      },
    },
  });
  wrongChain = await startMockRpc({ chainId: 11155111 });
});

afterAll(async () => {
  await rpc.close();
  await wrongChain.close();
});

function reader(url = rpc.url, cache = new TtlCache()) {
  return createChainReader(async (chainId) => (chainId === 1 ? connectRpc(url, 1) : undefined), cache);
}

describe('EthersChainReader over a JSON-RPC server', () => {
  it('reads ERC-20 symbol, decimals and balance, cleaning the symbol', async () => {
    const r = reader();
    expect(await r.tokenSymbol(1, TOKEN)).toBe('USDC');
    expect(await r.tokenDecimals(1, TOKEN)).toBe(6);
    expect(await r.balanceOf(1, ALICE, { contract: TOKEN })).toBe(1_500_000n);
    expect(await r.balanceOf(1, BOB, { contract: TOKEN })).toBe(0n);
  });

  it('reads a bytes32 symbol and refuses absurd decimals', async () => {
    const r = reader();
    expect(await r.tokenSymbol(1, OLD_TOKEN)).toBe('MKR');
    expect(await r.tokenDecimals(1, OLD_TOKEN)).toBeUndefined();
  });

  it('answers undefined for an address without code', async () => {
    const r = reader();
    expect(await r.tokenSymbol(1, NOBODY)).toBeUndefined();
    expect(await r.tokenDecimals(1, NOBODY)).toBeUndefined();
    expect(await r.ownerOf(1, NOBODY, 1n)).toBeUndefined();
    await expect(r.balanceOf(1, ALICE, { contract: NOBODY })).rejects.toMatchObject({ kind: 'bad_response' });
  });

  it('reads ERC-721 owners (undefined for a token that does not exist) and token URIs', async () => {
    const r = reader();
    expect(await r.ownerOf(1, NFT721, 7n)).toBe(BOB);
    expect(await r.ownerOf(1, NFT721, 8n)).toBeUndefined();
    expect(await r.tokenUri(1, NFT721, 7n)).toBe(
      'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/7.json',
    );
  });

  it('reads ERC-1155 balances and substitutes {id} in uri()', async () => {
    const r = reader();
    expect(await r.balanceOf(1, ALICE, { contract: NFT1155, tokenId: 3n })).toBe(4n);
    expect(await r.balanceOf(1, BOB, { contract: NFT1155, tokenId: 3n })).toBe(0n);
    expect(await r.tokenUri(1, NFT1155, 255n)).toBe(`https://meta.example/${'0'.repeat(62)}ff.json`);
  });

  it('reads the native balance and the Seaport counter', async () => {
    const r = reader();
    expect(await r.balanceOf(1, ALICE, {})).toBe(5n * 10n ** 18n);
    expect(await r.seaportCounter(1, ALICE)).toBe(9n);
  });

  it('asks the chain once for a fact it already knows', async () => {
    const r = reader(rpc.url, new TtlCache());
    const before = rpc.log.filter((l) => l.to === TOKEN).length;
    await r.tokenDecimals(1, TOKEN);
    await r.tokenDecimals(1, TOKEN);
    await Promise.all([r.tokenDecimals(1, TOKEN), r.tokenDecimals(1, TOKEN)]);
    expect(rpc.log.filter((l) => l.to === TOKEN).length - before).toBe(1);
  });

  it('refuses an RPC that serves another chain than the one configured', async () => {
    const r = reader(wrongChain.url);
    const error = await r.tokenSymbol(1, TOKEN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChainError);
    expect(error).toMatchObject({ kind: 'wrong_chain' });
  });

  it('says no_rpc for a chain without a URL and unreachable for a dead one', async () => {
    await expect(reader().tokenSymbol(8453, TOKEN)).rejects.toMatchObject({ kind: 'no_rpc' });
    const dead = await startMockRpc({ chainId: 1 });
    await dead.close();
    await expect(reader(dead.url).tokenSymbol(1, TOKEN)).rejects.toMatchObject({ kind: 'unreachable' });
  });
});
