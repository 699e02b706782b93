import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockRpc, startMockRpc } from './mock-rpc-server';
import { parseChainIdResponse, probeChainId } from './rpc-probe';

let base: MockRpc;
beforeAll(async () => {
  base = await startMockRpc({ chainId: 8453 });
});
afterAll(() => base.close());

describe('probeChainId', () => {
  it('reports the chain the RPC serves', async () => {
    expect(await probeChainId(base.url)).toEqual({ ok: true, chainId: 8453 });
    expect(base.log.at(-1)).toEqual({ method: 'eth_chainId' });
  });

  it('reports an HTTP error and an unreachable server', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(401);
      res.end('no key');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    expect(await probeChainId(url)).toEqual({ ok: false, problem: 'http' });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await probeChainId(url)).toEqual({ ok: false, problem: 'unreachable' });
  });

  it('reads only well-formed answers', () => {
    expect(parseChainIdResponse('{"jsonrpc":"2.0","id":1,"result":"0xaa36a7"}')).toEqual({
      ok: true,
      chainId: 11155111,
    });
    expect(parseChainIdResponse('{"error":{"code":-32601}}')).toEqual({ ok: false, problem: 'rpc_error' });
    expect(parseChainIdResponse('{"result":"0x0"}')).toEqual({ ok: false, problem: 'bad_response' });
    expect(parseChainIdResponse('{"result":"1"}')).toEqual({ ok: false, problem: 'bad_response' });
    expect(parseChainIdResponse('<html>')).toEqual({ ok: false, problem: 'bad_response' });
  });
});
