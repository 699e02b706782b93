// Does a transaction receipt back up a claimed transfer (a `tx` content, docs/protocol.md §9.2.11)?
// Pure: the facts come from the RPC (tx-lookup.ts), the claim from the message.
// - native: the transaction itself sends `amount` wei from `from` to `to` (a transfer made inside
//   a contract call leaves no trace in the receipt, so it cannot be confirmed this way);
// - erc20: the Transfer(from, to, value) logs of that contract sum to `amount`;
// - erc721: a Transfer(from, to, tokenId) log of that contract, and `amount` is 1;
// - erc1155: TransferSingle / TransferBatch logs of that contract move `amount` of the id.
// A reverted transaction (status 0) matches nothing: its logs never happened.

export interface ReceiptLog {
  readonly address: string;
  readonly topics: readonly string[];
  readonly data: string;
}

export interface ReceiptFacts {
  readonly transactionHash: string;
  readonly status: 0 | 1;
  readonly blockNumber: number;
  readonly logs: readonly ReceiptLog[];
}

export interface TransactionFacts {
  readonly hash: string;
  readonly from: string;
  readonly to: string | null;
  readonly value: bigint;
}

export type ClaimedAsset =
  | { readonly standard: 'native' }
  | { readonly standard: 'erc20'; readonly contract: string }
  | { readonly standard: 'erc721' | 'erc1155'; readonly contract: string; readonly tokenId: string };

export interface ClaimedTransfer {
  readonly from: string;
  readonly to: string;
  readonly asset: ClaimedAsset;
  /** Decimal string in the asset's smallest unit. */
  readonly amount: string;
}

export type MismatchReason = 'reverted' | 'no_matching_transfer' | 'wrong_amount' | 'wrong_transaction';

export type ClaimVerdict =
  | { readonly status: 'confirmed'; readonly blockNumber: number }
  | { readonly status: 'mismatch'; readonly reason: MismatchReason }
  | { readonly status: 'unverified'; readonly reason: 'not_found' };

// keccak256 of the event signatures (checked against ethers in transfer-claim.test.ts).
export const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
export const TRANSFER_SINGLE_TOPIC = '0xc3d58168c5ae7397731d063d5bbf3d657854427343f4c083240f7aacaa2d0f62';
export const TRANSFER_BATCH_TOPIC = '0x4a39dc06d4c0dbc64b70af90fd698a233a518aa5d07e595d983b8c0526c8f7fb';

export function checkTransferClaim(
  claim: ClaimedTransfer,
  txHash: string,
  receipt: ReceiptFacts | undefined,
  tx: TransactionFacts | undefined,
): ClaimVerdict {
  if (!receipt) return { status: 'unverified', reason: 'not_found' };
  if (receipt.transactionHash.toLowerCase() !== txHash.toLowerCase())
    return { status: 'mismatch', reason: 'wrong_transaction' };
  if (receipt.status !== 1) return { status: 'mismatch', reason: 'reverted' };
  const amount = BigInt(claim.amount);
  const from = claim.from.toLowerCase();
  const to = claim.to.toLowerCase();
  const confirmed = { status: 'confirmed', blockNumber: receipt.blockNumber } as const;
  const asset = claim.asset;

  if (asset.standard === 'native') {
    if (!tx) return { status: 'unverified', reason: 'not_found' };
    if (tx.hash.toLowerCase() !== txHash.toLowerCase())
      return { status: 'mismatch', reason: 'wrong_transaction' };
    if (tx.from.toLowerCase() !== from || tx.to?.toLowerCase() !== to)
      return { status: 'mismatch', reason: 'no_matching_transfer' };
    return tx.value === amount ? confirmed : { status: 'mismatch', reason: 'wrong_amount' };
  }

  const contract = asset.contract.toLowerCase();
  const logs = receipt.logs.filter((log) => log.address.toLowerCase() === contract);

  if (asset.standard === 'erc20') {
    const moved = logs
      .filter(
        (l) =>
          l.topics.length === 3 &&
          same(l.topics[0], TRANSFER_TOPIC) &&
          topicIs(l.topics[1], from) &&
          topicIs(l.topics[2], to),
      )
      .map((l) => words(l.data)?.[0]);
    if (moved.length === 0 || moved.some((v) => v === undefined))
      return { status: 'mismatch', reason: 'no_matching_transfer' };
    const total = moved.reduce<bigint>((sum, v) => sum + (v ?? 0n), 0n);
    return total === amount ? confirmed : { status: 'mismatch', reason: 'wrong_amount' };
  }

  const tokenId = BigInt(asset.tokenId);
  if (asset.standard === 'erc721') {
    const found = logs.some(
      (l) =>
        l.topics.length === 4 &&
        same(l.topics[0], TRANSFER_TOPIC) &&
        topicIs(l.topics[1], from) &&
        topicIs(l.topics[2], to) &&
        topicValue(l.topics[3]) === tokenId,
    );
    if (!found) return { status: 'mismatch', reason: 'no_matching_transfer' };
    return amount === 1n ? confirmed : { status: 'mismatch', reason: 'wrong_amount' };
  }

  // ERC-1155: topics are [event, operator, from, to].
  let total = 0n;
  let seen = false;
  for (const l of logs) {
    if (l.topics.length !== 4 || !topicIs(l.topics[2], from) || !topicIs(l.topics[3], to)) continue;
    const pairs = same(l.topics[0], TRANSFER_SINGLE_TOPIC)
      ? singlePair(l.data)
      : same(l.topics[0], TRANSFER_BATCH_TOPIC)
        ? batchPairs(l.data)
        : [];
    for (const [id, value] of pairs) {
      if (id !== tokenId) continue;
      seen = true;
      total += value;
    }
  }
  if (!seen) return { status: 'mismatch', reason: 'no_matching_transfer' };
  return total === amount ? confirmed : { status: 'mismatch', reason: 'wrong_amount' };
}

function same(a: string | undefined, b: string): boolean {
  return a?.toLowerCase() === b;
}

/** An indexed address topic: 12 zero bytes, then the address. */
function topicIs(topic: string | undefined, address: string): boolean {
  return (
    topic !== undefined &&
    /^0x0{24}[0-9a-fA-F]{40}$/.test(topic) &&
    `0x${topic.slice(26).toLowerCase()}` === address
  );
}

function topicValue(topic: string | undefined): bigint | undefined {
  return topic !== undefined && /^0x[0-9a-fA-F]{64}$/.test(topic) ? BigInt(topic) : undefined;
}

/** ABI data as 32-byte words, or undefined when it is not whole words of hex. */
function words(data: string): bigint[] | undefined {
  if (!/^0x(?:[0-9a-fA-F]{64})*$/.test(data)) return undefined;
  const out: bigint[] = [];
  for (let i = 2; i < data.length; i += 64) out.push(BigInt(`0x${data.slice(i, i + 64)}`));
  return out;
}

function singlePair(data: string): [bigint, bigint][] {
  const [id, value] = words(data) ?? [];
  return id === undefined || value === undefined ? [] : [[id, value]];
}

/** abi.encode(uint256[] ids, uint256[] values), read with bounds checks; malformed data → []. */
function batchPairs(data: string): [bigint, bigint][] {
  const w = words(data);
  if (!w) return [];
  const array = (offsetBytes: bigint | undefined): bigint[] | undefined => {
    if (offsetBytes === undefined || offsetBytes % 32n !== 0n || offsetBytes / 32n >= BigInt(w.length))
      return undefined;
    const start = Number(offsetBytes / 32n);
    const length = w[start];
    if (length === undefined || length > BigInt(w.length - start - 1)) return undefined;
    return w.slice(start + 1, start + 1 + Number(length));
  };
  const ids = array(w[0]);
  const values = array(w[1]);
  if (!ids || !values || ids.length !== values.length) return [];
  return ids.map((id, i) => [id, values[i] ?? 0n]);
}
