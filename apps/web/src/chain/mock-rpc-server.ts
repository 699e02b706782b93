// Test support: a JSON-RPC server over real HTTP on a free loopback port, standing in for a remote
// Ethereum node (the one thing these tests may fake). Contracts are described by a human-readable
// ABI and plain handlers; calldata is decoded and results encoded with ethers' Interface, so the
// code under test talks to it with a real JsonRpcProvider exactly as it would to a node.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Interface } from 'ethers';

export type Handler = (...args: readonly unknown[]) => unknown;

export interface MockContract {
  readonly abi: readonly string[];
  /** By function name or full signature ("balanceOf(address,uint256)"). Return a value or an array. */
  readonly handlers: Readonly<Record<string, Handler>>;
}

export interface MockChain {
  readonly chainId: number;
  /** Keyed by lowercase address. eth_call to any other address answers "0x" (no code). */
  readonly contracts?: Readonly<Record<string, MockContract>>;
  readonly balances?: Readonly<Record<string, bigint>>;
  /** Raw JSON-RPC objects, keyed by lowercase transaction hash. */
  readonly receipts?: Readonly<Record<string, unknown>>;
  readonly transactions?: Readonly<Record<string, unknown>>;
}

/** Thrown by a handler: the call reverts with this revert data. */
export class Revert extends Error {
  constructor(readonly data = '0x') {
    super('execution reverted');
  }
}

export interface MockRpc {
  readonly url: string;
  /** Every request's method, and for eth_call the target address: for counting round trips. */
  readonly log: { method: string; to?: string }[];
  close(): Promise<void>;
}

interface RpcRequest {
  readonly id?: unknown;
  readonly method?: unknown;
  readonly params?: unknown;
}

export async function startMockRpc(chain: MockChain): Promise<MockRpc> {
  const log: { method: string; to?: string }[] = [];
  const hex = (n: bigint | number) => `0x${n.toString(16)}`;

  const call = (params: unknown): unknown => {
    const [tx] = Array.isArray(params) ? params : [];
    const { to, data } = (tx ?? {}) as { to?: string; data?: string };
    const contract = to ? chain.contracts?.[to.toLowerCase()] : undefined;
    log.push({ method: 'eth_call', ...(to ? { to: to.toLowerCase() } : {}) });
    if (!contract || !data) return '0x';
    const iface = new Interface(contract.abi);
    const parsed = iface.parseTransaction({ data });
    if (!parsed) throw new Revert();
    const handler = contract.handlers[parsed.signature] ?? contract.handlers[parsed.name];
    if (!handler) throw new Revert();
    const out = handler(...parsed.args.toArray(true));
    // A contract that does not follow the standard is described by its own ABI (say, a bytes32
    // symbol()), so the reader sees the same bytes a real one returns.
    return iface.encodeFunctionResult(parsed.fragment, Array.isArray(out) ? out : [out]);
  };

  const answer = (request: RpcRequest): object => {
    const id = request.id ?? null;
    const method = typeof request.method === 'string' ? request.method : '';
    const params = Array.isArray(request.params) ? request.params : [];
    try {
      let result: unknown;
      if (method !== 'eth_call') log.push({ method });
      switch (method) {
        case 'eth_chainId':
          result = hex(chain.chainId);
          break;
        case 'net_version':
          result = String(chain.chainId);
          break;
        case 'eth_blockNumber':
          result = '0x100';
          break;
        case 'eth_call':
          result = call(params);
          break;
        case 'eth_getBalance':
          result = hex(chain.balances?.[String(params[0]).toLowerCase()] ?? 0n);
          break;
        case 'eth_getTransactionReceipt':
          result = chain.receipts?.[String(params[0]).toLowerCase()] ?? null;
          break;
        case 'eth_getTransactionByHash':
          result = chain.transactions?.[String(params[0]).toLowerCase()] ?? null;
          break;
        default:
          return { jsonrpc: '2.0', id, error: { code: -32601, message: 'method not found' } };
      }
      return { jsonrpc: '2.0', id, result };
    } catch (error) {
      if (error instanceof Revert)
        return { jsonrpc: '2.0', id, error: { code: 3, message: 'execution reverted', data: error.data } };
      return { jsonrpc: '2.0', id, error: { code: -32603, message: String(error) } };
    }
  };

  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((text) => {
        const body: unknown = JSON.parse(text);
        const reply = Array.isArray(body)
          ? body.map((r) => answer(r as RpcRequest))
          : answer(body as RpcRequest);
        res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        res.end(JSON.stringify(reply));
      })
      .catch(() => {
        res.writeHead(400);
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
