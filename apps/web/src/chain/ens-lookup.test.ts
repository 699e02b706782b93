import { Interface, namehash } from 'ethers';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyDatabase } from '../../../../packages/engine/src/store/database';
import { createEnsLookup } from './ens-lookup';
import { createChainReader } from './ethers-chain-reader';
import { type MockRpc, Revert, startMockRpc } from './mock-rpc-server';
import { createResolveName } from './resolve-name';
import { connectRpc } from './rpc-connection';
import { saveRpcUrl } from './rpc-settings';
import { TtlCache } from './ttl-cache';

// ethers 6.17 resolves mainnet names through the ENS Universal Resolver at this address.
const UNIVERSAL = '0xeeeeeeee14d718c2b47d9923deab1335e144eeee';
const RESOLVER = '0x00000000000000000000000000000000000e0001';
const NFT = '0x00000000000000000000000000000000000e0002';
const ALICE = '0x1111111111111111111111111111111111111111';
const MALLORY = '0x3333333333333333333333333333333333333333';
const CAROL = '0x4444444444444444444444444444444444444444';
const DAVE = '0x5555555555555555555555555555555555555555';
const ERIN = '0x6666666666666666666666666666666666666666';

const UNIVERSAL_ABI = [
  'function requireResolver(bytes) view returns ((bytes name, uint256 offset, bytes32 node, address resolver, bool extended))',
  'function reverse(bytes name, uint coinType) view returns (string primary, address resolver, address reverseResolver)',
  'error ResolverNotFound(bytes name)',
];
const notFound = (name: unknown) =>
  new Revert(new Interface(UNIVERSAL_ABI).encodeErrorResult('ResolverNotFound', [name]));

/** name → address (forward records) and address → claimed primary name (reverse records). */
const forward: Record<string, string> = {
  'alice.eth': ALICE,
  'carol.eth': CAROL,
  'dave.eth': DAVE,
  'erin.eth': ERIN,
};
const reverse: Record<string, string> = {
  [ALICE]: 'alice.eth',
  // Anyone can set a reverse record claiming a name they do not control.
  [MALLORY]: 'alice.eth',
  [CAROL]: 'carol.eth',
  [DAVE]: 'dave.eth',
  // Not in normalised form: not shown.
  [ERIN]: 'Erin.eth',
};
const avatars: Record<string, string> = {
  'alice.eth': 'https://img.example/alice.png',
  'carol.eth': `eip155:1/erc721:${NFT}/7`,
  'dave.eth': `eip155:1/erc721:${NFT}/8`,
  'erin.eth': 'https://img.example/erin.png',
};
const metadata = `data:application/json;base64,${btoa(JSON.stringify({ name: 'Ape #7', image: 'https://img.example/7.png' }))}`;

function dnsDecode(hex: string): string {
  const bytes = Buffer.from(hex.slice(2), 'hex');
  const labels: string[] = [];
  for (let i = 0; i < bytes.length && bytes[i] !== 0; ) {
    const length = bytes[i] ?? 0;
    labels.push(bytes.subarray(i + 1, i + 1 + length).toString('utf8'));
    i += length + 1;
  }
  return labels.join('.');
}
const byNode = new Map(Object.keys(forward).map((name) => [namehash(name), name]));

let rpc: MockRpc;
beforeAll(async () => {
  rpc = await startMockRpc({
    chainId: 1,
    contracts: {
      [UNIVERSAL]: {
        abi: UNIVERSAL_ABI,
        handlers: {
          requireResolver: (dns) => {
            const name = dnsDecode(String(dns));
            if (!(name in forward)) throw notFound(dns);
            return [[dns, 0n, namehash(name), RESOLVER, false]];
          },
          reverse: (address) => {
            const name = reverse[String(address).toLowerCase()];
            if (name === undefined) throw notFound(address);
            return [name, RESOLVER, RESOLVER];
          },
        },
      },
      [RESOLVER]: {
        abi: [
          'function addr(bytes32) view returns (address)',
          'function text(bytes32, string) view returns (string)',
        ],
        handlers: {
          'addr(bytes32)': (node) =>
            forward[byNode.get(String(node)) ?? ''] ?? '0x0000000000000000000000000000000000000000',
          text: (node, key) => (key === 'avatar' ? (avatars[byNode.get(String(node)) ?? ''] ?? '') : ''),
        },
      },
      [NFT]: {
        abi: [
          'function ownerOf(uint256) view returns (address)',
          'function tokenURI(uint256) view returns (string)',
        ],
        handlers: { ownerOf: (id) => (id === 7n ? CAROL : ALICE), tokenURI: () => metadata },
      },
    },
  });
});
afterAll(() => rpc.close());

function ens() {
  const cache = new TtlCache();
  const connection = connectRpc(rpc.url, 1);
  return createEnsLookup(
    connection,
    createChainReader(async () => connection, cache),
    cache,
  );
}

describe('ENS over a JSON-RPC server', () => {
  it('resolves a name to a lowercase address, normalising what was typed', async () => {
    const lookup = ens();
    expect(await lookup.resolveName('alice.eth')).toBe(ALICE);
    expect(await lookup.resolveName('  ALICE.eth ')).toBe(ALICE);
  });

  it('resolves unknown and malformed names to undefined', async () => {
    const lookup = ens();
    expect(await lookup.resolveName('nobody.eth')).toBeUndefined();
    expect(await lookup.resolveName('bad..eth')).toBeUndefined();
    expect(await lookup.resolveName('eth')).toBeUndefined();
  });

  it('shows a primary name only when it resolves back to the address', async () => {
    const lookup = ens();
    expect(await lookup.lookupName(ALICE)).toBe('alice.eth');
    expect(await lookup.lookupName(MALLORY)).toBeUndefined();
    expect(await lookup.lookupName('0x9999999999999999999999999999999999999999')).toBeUndefined();
  });

  it('refuses a reverse record that is not in normalised form', async () => {
    expect(await ens().lookupName(ERIN)).toBeUndefined();
  });

  it('gives an https avatar, and an NFT avatar only when the address owns the token', async () => {
    const lookup = ens();
    expect(await lookup.avatarUrl(ALICE)).toBe('https://img.example/alice.png');
    expect(await lookup.avatarUrl(CAROL)).toBe('https://img.example/7.png');
    expect(await lookup.avatarUrl(DAVE)).toBeUndefined();
    // Mallory's reverse record says alice.eth; it must not borrow Alice's avatar.
    expect(await lookup.avatarUrl(MALLORY)).toBeUndefined();
  });
});

describe('createResolveName (the engine port)', () => {
  it('resolves nothing without an RPC URL and resolves through the configured one', async () => {
    const db = new ParleyDatabase(`ens-${Math.random()}`, { indexedDB, IDBKeyRange });
    try {
      const resolveName = createResolveName(db);
      expect(await resolveName('alice.eth')).toBeUndefined();
      await saveRpcUrl(db, 1, rpc.url);
      expect(await resolveName('alice.eth')).toBe(ALICE);
      expect(await resolveName('nobody.eth')).toBeUndefined();
    } finally {
      db.close();
      await db.delete();
    }
  });
});
