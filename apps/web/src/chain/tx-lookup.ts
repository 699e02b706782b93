// Reads a transaction and its receipt with raw JSON-RPC calls and keeps only the fields
// transfer-claim.ts needs, checked for shape: an RPC that answers nonsense gets no benefit of the
// doubt (ChainError 'bad_response'), and a pending or unknown transaction is `undefined`.
import { ChainError } from './chain-error';
import { asChainError } from './ethers-chain-reader';
import type { RpcConnection } from './rpc-connection';
import type { ReceiptFacts, ReceiptLog, TransactionFacts } from './transfer-claim';

const HASH = /^0x[0-9a-fA-F]{64}$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const QUANTITY = /^0x[0-9a-fA-F]{1,64}$/;
const MAX_LOGS = 2000;

export async function lookupTransaction(
  connection: RpcConnection,
  txHash: string,
): Promise<{ receipt: ReceiptFacts | undefined; tx: TransactionFacts | undefined }> {
  if (!HASH.test(txHash)) throw new ChainError('bad_response', 'not a transaction hash');
  await connection.ready();
  let raw: [unknown, unknown];
  try {
    raw = await Promise.all([
      connection.provider.send('eth_getTransactionReceipt', [txHash]),
      connection.provider.send('eth_getTransactionByHash', [txHash]),
    ]);
  } catch (error) {
    throw asChainError(error);
  }
  return { receipt: parseReceipt(raw[0]), tx: parseTransaction(raw[1]) };
}

export function parseReceipt(raw: unknown): ReceiptFacts | undefined {
  if (raw === null || raw === undefined) return undefined;
  const r = record(raw);
  const status = r.status === '0x1' ? 1 : r.status === '0x0' ? 0 : undefined;
  if (typeof r.transactionHash !== 'string' || !HASH.test(r.transactionHash) || status === undefined)
    throw bad('receipt');
  if (!Array.isArray(r.logs) || r.logs.length > MAX_LOGS) throw bad('receipt logs');
  return {
    transactionHash: r.transactionHash.toLowerCase(),
    status,
    blockNumber: quantity(r.blockNumber, 'blockNumber', true),
    logs: r.logs.map(parseLog),
  };
}

function parseLog(raw: unknown): ReceiptLog {
  const l = record(raw);
  if (typeof l.address !== 'string' || !ADDRESS.test(l.address)) throw bad('log address');
  if (
    !Array.isArray(l.topics) ||
    l.topics.length > 4 ||
    !l.topics.every((t) => typeof t === 'string' && HASH.test(t))
  )
    throw bad('log topics');
  if (typeof l.data !== 'string' || !/^0x[0-9a-fA-F]*$/.test(l.data)) throw bad('log data');
  return {
    address: l.address.toLowerCase(),
    topics: l.topics.map((t: string) => t.toLowerCase()),
    data: l.data,
  };
}

export function parseTransaction(raw: unknown): TransactionFacts | undefined {
  if (raw === null || raw === undefined) return undefined;
  const t = record(raw);
  if (typeof t.hash !== 'string' || !HASH.test(t.hash)) throw bad('transaction hash');
  if (typeof t.from !== 'string' || !ADDRESS.test(t.from)) throw bad('transaction from');
  const to = t.to === null || t.to === undefined ? null : t.to;
  if (to !== null && (typeof to !== 'string' || !ADDRESS.test(to))) throw bad('transaction to');
  return {
    hash: t.hash.toLowerCase(),
    from: t.from.toLowerCase(),
    to: to === null ? null : to.toLowerCase(),
    value: BigInt(quantity(t.value, 'value', false)),
  };
}

function record(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad('object');
  return raw as Record<string, unknown>;
}

function quantity(value: unknown, what: string, small: true): number;
function quantity(value: unknown, what: string, small: false): string;
function quantity(value: unknown, what: string, small: boolean): number | string {
  if (typeof value !== 'string' || !QUANTITY.test(value)) throw bad(what);
  if (!small) return value;
  const n = Number.parseInt(value.slice(2), 16);
  if (!Number.isSafeInteger(n)) throw bad(what);
  return n;
}

function bad(what: string): ChainError {
  return new ChainError('bad_response', `malformed ${what}`);
}
