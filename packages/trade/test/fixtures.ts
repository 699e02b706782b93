// The people, assets and clock the trade tests share, and the story: Alice offers 1 WETH
// for Bob's ape #123, Bob counters with 1.2 WETH, Alice accepts. Signatures are real (ethers
// Wallets behind an EIP-1193 provider); salts come from a seeded Random so runs are reproducible.
import { parseUnits, Wallet } from 'ethers';
import { createCounter, createProposal } from '../src/proposal/create-proposal';
import type { Random } from '../src/random';
import { createResponse } from '../src/response/create-response';
import type { Asset } from '../src/seaport/assets';
import type { ProposalItem, ResponseItem, TradeItem } from '../src/trade-item';
import type { VerifiedProposal, VerifiedResponse } from '../src/verify/verified';
import { verifyItem } from '../src/verify/verify-item';
import { seededRandom } from './seeded-random';
import { walletProvider } from './wallet-provider';

export const NOW = 1_763_000_000_000;
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export const alice = new Wallet(`0x${'a1'.repeat(32)}`);
export const bob = new Wallet(`0x${'b0'.repeat(32)}`);
export const carol = new Wallet(`0x${'c4'.repeat(32)}`);
export const addr = (w: Wallet): string => w.address.toLowerCase();

/** One wallet provider holding all three accounts (a wallet signs only for its own accounts). */
export const wallets = walletProvider([alice, bob, carol]);

export const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
export const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
export const APES = '0xbc4ca0eda7647a8ab7c2061c2e118a18a936f13d';
export const ITEMS_1155 = '0x76be3b62873462d2142405439777e971754e8e77';

export const weth = (amount: string): Asset => ({
  kind: 'erc20',
  contract: WETH,
  amount: parseUnits(amount, 18),
});
export const ape = (id: number): Asset => ({ kind: 'erc721', contract: APES, tokenId: BigInt(id) });

export function proposalOf(item: TradeItem): VerifiedProposal {
  const checked = verifyItem(item);
  if (!checked.ok || checked.value.kind !== 'proposal')
    throw new Error(`expected a valid proposal, got ${JSON.stringify(checked)}`);
  return checked.value;
}

export function responseOf(item: TradeItem): VerifiedResponse {
  const checked = verifyItem(item);
  if (!checked.ok || checked.value.kind !== 'response') throw new Error('expected a valid response');
  return checked.value;
}

export interface Story {
  readonly offer: ProposalItem;
  readonly counter: ProposalItem;
  readonly accept: ResponseItem;
}

/** Alice offers 1 WETH for ape #123; Bob counters with 1.2 WETH an hour later; Alice accepts. */
export async function story(random: Random = seededRandom('story')): Promise<Story> {
  const offer = await createProposal(
    wallets,
    {
      chainId: 1,
      maker: addr(alice),
      taker: addr(bob),
      give: [weth('1')],
      get: [ape(123)],
      expiresAt: NOW + 24 * HOUR,
      note: 'gm, 1 WETH for your ape?',
    },
    { now: NOW, random },
  );
  const counter = await createCounter(
    wallets,
    proposalOf(offer),
    { give: [ape(123)], get: [weth('1.2')], expiresAt: NOW + 24 * HOUR },
    { now: NOW + HOUR, random },
  );
  const accept = await createResponse(wallets, proposalOf(counter), 'accept', addr(alice), NOW + 2 * HOUR);
  return { offer, counter, accept };
}
