// Signing through EIP-1193: what the wallet is asked, and what Parley does with odd answers.
import { Signature } from 'ethers';
import { describe, expect, it } from 'vitest';
import { createProposal, type OpeningTerms } from '../src/proposal/create-proposal';
import { TradeError } from '../src/trade-error';
import { verifyItem } from '../src/verify/verify-item';
import { addr, alice, ape, bob, HOUR, NOW, weth } from './fixtures';
import { seededRandom } from './seeded-random';
import { walletProvider } from './wallet-provider';

const terms: OpeningTerms = {
  chainId: 8453,
  maker: addr(alice),
  taker: addr(bob),
  give: [weth('1')],
  get: [ape(5)],
  expiresAt: NOW + HOUR,
};
const context = { now: NOW, random: seededRandom('signing') };

describe('createProposal through an EIP-1193 wallet', () => {
  it('asks eth_signTypedData_v4 with the maker and the exact payload it sends', async () => {
    const wallet = walletProvider([alice]);
    const item = await createProposal(wallet, terms, context);
    expect(wallet.requests).toHaveLength(1);
    const [request] = wallet.requests;
    expect(request?.method).toBe('eth_signTypedData_v4');
    expect(request?.params).toEqual([addr(alice), JSON.stringify(item.typedData)]);
    expect(item.typedData.domain).toEqual({
      name: 'Seaport',
      version: '1.6',
      chainId: 8453,
      verifyingContract: '0x0000000000000068f116a894984e2db1123eb395',
    });
    expect(Object.keys(item.typedData.types).sort()).toEqual([
      'ConsiderationItem',
      'EIP712Domain',
      'OfferItem',
      'OrderComponents',
    ]);
    expect(item.note).toBeUndefined();
    expect(verifyItem(item).ok).toBe(true);
  });

  it('normalises a wallet that answers v = 0 or 1', async () => {
    const lowV = (sig: string) => {
      const s = Signature.from(sig);
      return `${sig.slice(0, 130)}${s.v === 27 ? '00' : '01'}`;
    };
    const item = await createProposal(walletProvider([alice], { tamper: lowV }), terms, context);
    expect(['1b', '1c']).toContain(item.signature.slice(-2));
    expect(verifyItem(item).ok).toBe(true);
  });

  it.each<[string, Parameters<typeof walletProvider>[1], TradeError['kind']]>([
    ['a refusal', { refuse: true }, 'wallet_rejected'],
    ['a short answer', { tamper: (s) => s.slice(0, 100) }, 'wallet_error'],
    ['a signature over something else', { tamper: () => `0x${'11'.repeat(64)}1b` }, 'wrong_signer'],
  ])('turns %s into TradeError(%s)', async (_name, options, kind) => {
    await expect(createProposal(walletProvider([alice], options), terms, context)).rejects.toMatchObject({
      kind,
    });
  });

  it('refuses a wallet that signs with another account', async () => {
    // The wallet holds only Bob: asked for Alice, it fails like a real wallet (unknown account).
    await expect(createProposal(walletProvider([bob]), terms, context)).rejects.toMatchObject({
      kind: 'wallet_rejected',
    });
  });

  it('refuses a bad chain id and an over-long note before asking the wallet', async () => {
    const wallet = walletProvider([alice]);
    await expect(createProposal(wallet, { ...terms, chainId: 0 }, context)).rejects.toBeInstanceOf(
      TradeError,
    );
    await expect(createProposal(wallet, { ...terms, note: 'x'.repeat(1001) }, context)).rejects.toMatchObject(
      { kind: 'bad_input' },
    );
    await expect(
      createProposal(wallet, { ...terms, give: [{ kind: 'native', amount: 1n }] }, context),
    ).rejects.toMatchObject({ kind: 'native_offer' });
    expect(wallet.requests).toEqual([]);
  });
});
