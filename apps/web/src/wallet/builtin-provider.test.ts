import { TypedDataEncoder, verifyMessage, verifyTypedData, Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import { createBuiltinProvider, type SignatureRequest } from './builtin-provider';
import {
  ProviderRpcError,
  RPC_INVALID_PARAMS,
  RPC_UNAUTHORIZED,
  RPC_UNSUPPORTED_METHOD,
  RPC_USER_REJECTED,
} from './provider-errors';

const KEY = '0x8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f';

function setup(answer = true) {
  const wallet = new Wallet(KEY);
  const asked: SignatureRequest[] = [];
  const provider = createBuiltinProvider(wallet, {
    chainId: 1,
    confirm: async (request) => {
      asked.push(request);
      return answer;
    },
  });
  return { wallet, provider, asked, address: wallet.address.toLowerCase() };
}

async function rpcError(promise: Promise<unknown>): Promise<ProviderRpcError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderRpcError);
  return error as ProviderRpcError;
}

const typedData = {
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'chainId', type: 'uint256' },
    ],
    Person: [
      { name: 'name', type: 'string' },
      { name: 'wallet', type: 'address' },
    ],
    Mail: [
      { name: 'from', type: 'Person' },
      { name: 'to', type: 'Person[]' },
      { name: 'contents', type: 'string' },
    ],
    Unrelated: [{ name: 'x', type: 'uint8' }],
  },
  primaryType: 'Mail',
  domain: { name: 'Ether Mail', chainId: 1 },
  message: {
    from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
    to: [{ name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' }],
    contents: 'Hello, Bob!',
  },
};

describe('built-in wallet EIP-1193 provider', () => {
  it('answers account and chain queries like an extension', async () => {
    const { provider, address } = setup();
    expect(await provider.request({ method: 'eth_requestAccounts' })).toEqual([address]);
    expect(await provider.request({ method: 'eth_accounts' })).toEqual([address]);
    expect(await provider.request({ method: 'eth_chainId' })).toBe('0x1');
  });

  it('personal_sign: shows the text, then signs it (EIP-191)', async () => {
    const { provider, asked, wallet, address } = setup();
    const text = 'localhost wants you to sign in with your Ethereum account:\nhello';
    const sig = await provider.request({ method: 'personal_sign', params: [text, address] });
    expect(asked).toEqual([{ method: 'personal_sign', address, text }]);
    expect(verifyMessage(text, sig as string)).toBe(wallet.address);
  });

  it('personal_sign: reads 0x-hex as bytes and shows them as text when they are UTF-8', async () => {
    const { provider, asked, wallet } = setup();
    const text = 'Parley device log\nAction: link device';
    const hex = `0x${Buffer.from(text).toString('hex')}`;
    // Checksummed address is accepted too.
    const sig = await provider.request({ method: 'personal_sign', params: [hex, wallet.address] });
    expect(asked[0]?.text).toBe(text);
    expect(verifyMessage(text, sig as string)).toBe(wallet.address);
  });

  it('personal_sign: shows non-UTF-8 bytes as hex', async () => {
    const { provider, asked, wallet, address } = setup();
    const sig = await provider.request({ method: 'personal_sign', params: ['0xff00fe', address] });
    expect(asked[0]?.text).toBe('0xff00fe');
    expect(verifyMessage(new Uint8Array([0xff, 0x00, 0xfe]), sig as string)).toBe(wallet.address);
  });

  it('eth_signTypedData_v4: signs EIP-712 data given as JSON text or an object', async () => {
    const { provider, asked, wallet, address } = setup();
    const { EIP712Domain: _domainType, Unrelated: _unused, ...types } = typedData.types;
    for (const data of [JSON.stringify(typedData), typedData]) {
      const sig = await provider.request({ method: 'eth_signTypedData_v4', params: [address, data] });
      expect(verifyTypedData(typedData.domain, types, typedData.message, sig as string)).toBe(wallet.address);
    }
    const first = asked[0];
    expect(first?.method).toBe('eth_signTypedData_v4');
    if (first?.method === 'eth_signTypedData_v4') {
      expect(first.primaryType).toBe('Mail');
      expect(first.text).toContain('Hello, Bob!');
    }
    // Sanity: the hash ethers signed is the standard one for this data.
    expect(TypedDataEncoder.hash(typedData.domain, types, typedData.message)).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it('returns 4001 and signs nothing when the person declines', async () => {
    const { provider, address } = setup(false);
    const e1 = await rpcError(provider.request({ method: 'personal_sign', params: ['hi', address] }));
    expect(e1.code).toBe(RPC_USER_REJECTED);
    const e2 = await rpcError(
      provider.request({ method: 'eth_signTypedData_v4', params: [address, typedData] }),
    );
    expect(e2.code).toBe(RPC_USER_REJECTED);
  });

  it('refuses to sign for an address it does not hold (4100), without asking', async () => {
    const { provider, asked } = setup();
    const other = Wallet.createRandom().address;
    const e = await rpcError(provider.request({ method: 'personal_sign', params: ['hi', other] }));
    expect(e.code).toBe(RPC_UNAUTHORIZED);
    const e2 = await rpcError(
      provider.request({ method: 'eth_signTypedData_v4', params: [other, typedData] }),
    );
    expect(e2.code).toBe(RPC_UNAUTHORIZED);
    expect(asked).toEqual([]);
  });

  it.each([
    ['params not an array', { method: 'personal_sign', params: { message: 'hi' } }],
    ['a non-string message', { method: 'personal_sign', params: [42, 'SELF'] }],
    ['typed data that is not JSON', { method: 'eth_signTypedData_v4', params: ['SELF', '{nope'] }],
    [
      'typed data without a message',
      { method: 'eth_signTypedData_v4', params: ['SELF', { ...typedData, message: undefined }] },
    ],
    [
      'a primaryType that is not defined',
      { method: 'eth_signTypedData_v4', params: ['SELF', { ...typedData, primaryType: 'Nope' }] },
    ],
    [
      'a malformed type field',
      { method: 'eth_signTypedData_v4', params: ['SELF', { ...typedData, types: { Mail: [{ name: 1 }] } }] },
    ],
  ])('rejects %s with -32602', async (_what, req) => {
    const { provider, address, asked } = setup();
    const params = Array.isArray(req.params)
      ? req.params.map((p) => (p === 'SELF' ? address : p))
      : req.params;
    const e = await rpcError(provider.request({ method: req.method, params }));
    expect(e.code).toBe(RPC_INVALID_PARAMS);
    expect(asked).toEqual([]);
  });

  it('rejects methods it does not implement with 4200', async () => {
    const { provider } = setup();
    const e = await rpcError(provider.request({ method: 'eth_sendTransaction', params: [{}] }));
    expect(e.code).toBe(RPC_UNSUPPORTED_METHOD);
  });
});
