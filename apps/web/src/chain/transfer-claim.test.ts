import { AbiCoder, id, toBeHex, zeroPadValue } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTransfer } from './chain-module';
import { type MockRpc, startMockRpc } from './mock-rpc-server';
import {
  type ClaimedTransfer,
  checkTransferClaim,
  type ReceiptFacts,
  type ReceiptLog,
  TRANSFER_BATCH_TOPIC,
  TRANSFER_SINGLE_TOPIC,
  TRANSFER_TOPIC,
  type TransactionFacts,
} from './transfer-claim';

const HASH = `0x${'ab'.repeat(32)}`;
const OTHER_HASH = `0x${'cd'.repeat(32)}`;
const TOKEN = '0x00000000000000000000000000000000000000a1';
const NFT = '0x00000000000000000000000000000000000000b1';
const ALICE = '0x1111111111111111111111111111111111111111';
const BOB = '0x2222222222222222222222222222222222222222';
const CAROL = '0x4444444444444444444444444444444444444444';

const topic = (address: string) => zeroPadValue(address, 32).toLowerCase();
const uint = (n: bigint) => toBeHex(n, 32);
const coder = AbiCoder.defaultAbiCoder();

const erc20Log = (from: string, to: string, value: bigint, address = TOKEN): ReceiptLog => ({
  address,
  topics: [TRANSFER_TOPIC, topic(from), topic(to)],
  data: uint(value),
});
const erc721Log = (from: string, to: string, tokenId: bigint): ReceiptLog => ({
  address: NFT,
  topics: [TRANSFER_TOPIC, topic(from), topic(to), uint(tokenId)],
  data: '0x',
});
const receipt = (logs: ReceiptLog[], status: 0 | 1 = 1): ReceiptFacts => ({
  transactionHash: HASH,
  status,
  blockNumber: 100,
  logs,
});
const erc20Claim = (amount: string): ClaimedTransfer => ({
  from: ALICE,
  to: BOB,
  asset: { standard: 'erc20', contract: TOKEN },
  amount,
});

describe('checkTransferClaim', () => {
  it('uses the keccak topics of the standard events', () => {
    expect(TRANSFER_TOPIC).toBe(id('Transfer(address,address,uint256)'));
    expect(TRANSFER_SINGLE_TOPIC).toBe(id('TransferSingle(address,address,address,uint256,uint256)'));
    expect(TRANSFER_BATCH_TOPIC).toBe(id('TransferBatch(address,address,address,uint256[],uint256[])'));
  });

  it('confirms an ERC-20 transfer the logs show, summing split transfers', () => {
    expect(
      checkTransferClaim(erc20Claim('500'), HASH, receipt([erc20Log(ALICE, BOB, 500n)]), undefined),
    ).toEqual({
      status: 'confirmed',
      blockNumber: 100,
    });
    const split = receipt([
      erc20Log(ALICE, BOB, 200n),
      erc20Log(ALICE, CAROL, 999n),
      erc20Log(ALICE, BOB, 300n),
    ]);
    expect(checkTransferClaim(erc20Claim('500'), HASH, split, undefined).status).toBe('confirmed');
  });

  it('says what does not match for ERC-20', () => {
    const r = receipt([erc20Log(ALICE, BOB, 500n)]);
    expect(checkTransferClaim(erc20Claim('501'), HASH, r, undefined)).toEqual({
      status: 'mismatch',
      reason: 'wrong_amount',
    });
    expect(checkTransferClaim({ ...erc20Claim('500'), to: CAROL }, HASH, r, undefined)).toEqual({
      status: 'mismatch',
      reason: 'no_matching_transfer',
    });
    // Same event from another contract (a fake token) does not count.
    const fake = receipt([erc20Log(ALICE, BOB, 500n, '0x00000000000000000000000000000000000000f0')]);
    expect(checkTransferClaim(erc20Claim('500'), HASH, fake, undefined).status).toBe('mismatch');
    expect(
      checkTransferClaim(erc20Claim('500'), HASH, receipt([erc20Log(ALICE, BOB, 500n)], 0), undefined),
    ).toEqual({
      status: 'mismatch',
      reason: 'reverted',
    });
  });

  it('matches ERC-721 by token id, and an ERC-721 log never passes as ERC-20', () => {
    const claim: ClaimedTransfer = {
      from: ALICE,
      to: BOB,
      asset: { standard: 'erc721', contract: NFT, tokenId: '7' },
      amount: '1',
    };
    expect(checkTransferClaim(claim, HASH, receipt([erc721Log(ALICE, BOB, 7n)]), undefined).status).toBe(
      'confirmed',
    );
    expect(checkTransferClaim(claim, HASH, receipt([erc721Log(ALICE, BOB, 8n)]), undefined).status).toBe(
      'mismatch',
    );
    expect(
      checkTransferClaim({ ...claim, amount: '2' }, HASH, receipt([erc721Log(ALICE, BOB, 7n)]), undefined),
    ).toEqual({
      status: 'mismatch',
      reason: 'wrong_amount',
    });
    const asErc20: ClaimedTransfer = { ...erc20Claim('7'), asset: { standard: 'erc20', contract: NFT } };
    expect(checkTransferClaim(asErc20, HASH, receipt([erc721Log(ALICE, BOB, 7n)]), undefined).status).toBe(
      'mismatch',
    );
  });

  it('matches ERC-1155 single and batch transfers', () => {
    const claim: ClaimedTransfer = {
      from: ALICE,
      to: BOB,
      asset: { standard: 'erc1155', contract: NFT, tokenId: '3' },
      amount: '5',
    };
    const single: ReceiptLog = {
      address: NFT,
      topics: [TRANSFER_SINGLE_TOPIC, topic(CAROL), topic(ALICE), topic(BOB)],
      data: coder.encode(['uint256', 'uint256'], [3n, 2n]),
    };
    const batch: ReceiptLog = {
      address: NFT,
      topics: [TRANSFER_BATCH_TOPIC, topic(CAROL), topic(ALICE), topic(BOB)],
      data: coder.encode(
        ['uint256[]', 'uint256[]'],
        [
          [1n, 3n],
          [10n, 3n],
        ],
      ),
    };
    expect(checkTransferClaim(claim, HASH, receipt([single, batch]), undefined).status).toBe('confirmed');
    expect(checkTransferClaim(claim, HASH, receipt([single]), undefined)).toEqual({
      status: 'mismatch',
      reason: 'wrong_amount',
    });
    const truncated = { ...batch, data: batch.data.slice(0, 2 + 64 * 3) };
    expect(checkTransferClaim(claim, HASH, receipt([truncated]), undefined)).toEqual({
      status: 'mismatch',
      reason: 'no_matching_transfer',
    });
  });

  it('checks a native transfer against the transaction itself', () => {
    const claim: ClaimedTransfer = { from: ALICE, to: BOB, asset: { standard: 'native' }, amount: '1000' };
    const tx: TransactionFacts = { hash: HASH, from: ALICE, to: BOB, value: 1000n };
    expect(checkTransferClaim(claim, HASH, receipt([]), tx).status).toBe('confirmed');
    expect(checkTransferClaim(claim, HASH, receipt([]), { ...tx, value: 999n })).toEqual({
      status: 'mismatch',
      reason: 'wrong_amount',
    });
    expect(checkTransferClaim(claim, HASH, receipt([]), { ...tx, from: CAROL }).status).toBe('mismatch');
    expect(checkTransferClaim(claim, HASH, receipt([]), { ...tx, hash: OTHER_HASH })).toEqual({
      status: 'mismatch',
      reason: 'wrong_transaction',
    });
  });

  it('leaves an unknown transaction unverified, and refuses a receipt for another hash', () => {
    expect(checkTransferClaim(erc20Claim('1'), HASH, undefined, undefined)).toEqual({
      status: 'unverified',
      reason: 'not_found',
    });
    expect(
      checkTransferClaim(erc20Claim('500'), OTHER_HASH, receipt([erc20Log(ALICE, BOB, 500n)]), undefined),
    ).toEqual({
      status: 'mismatch',
      reason: 'wrong_transaction',
    });
  });
});

describe('verifyTransfer over a JSON-RPC server', () => {
  let rpc: MockRpc;
  const rawLog = (log: ReceiptLog) => ({
    ...log,
    blockNumber: '0x64',
    logIndex: '0x0',
    transactionHash: HASH,
    removed: false,
  });
  beforeAll(async () => {
    rpc = await startMockRpc({
      chainId: 1,
      receipts: {
        [HASH]: {
          transactionHash: HASH,
          status: '0x1',
          blockNumber: '0x64',
          logs: [rawLog(erc20Log(ALICE, BOB, 500n))],
        },
        [OTHER_HASH]: { transactionHash: OTHER_HASH, status: 'yes', blockNumber: '0x64', logs: [] },
      },
      transactions: { [HASH]: { hash: HASH, from: ALICE, to: TOKEN, value: '0x0' } },
    });
  });
  afterAll(() => rpc.close());

  it('confirms a matching claim, and says so when it does not match', async () => {
    expect(await verifyTransfer(rpc.url, { chainId: 1, txHash: HASH, transfer: erc20Claim('500') })).toEqual({
      status: 'confirmed',
      blockNumber: 100,
    });
    expect(await verifyTransfer(rpc.url, { chainId: 1, txHash: HASH, transfer: erc20Claim('5000') })).toEqual(
      {
        status: 'mismatch',
        reason: 'wrong_amount',
      },
    );
  });

  it('leaves a transaction the RPC does not know unverified, and refuses a malformed receipt', async () => {
    const unknown = `0x${'ef'.repeat(32)}`;
    expect(await verifyTransfer(rpc.url, { chainId: 1, txHash: unknown, transfer: erc20Claim('1') })).toEqual(
      {
        status: 'unverified',
        reason: 'not_found',
      },
    );
    await expect(
      verifyTransfer(rpc.url, { chainId: 1, txHash: OTHER_HASH, transfer: erc20Claim('1') }),
    ).rejects.toMatchObject({ kind: 'bad_response' });
  });
});
