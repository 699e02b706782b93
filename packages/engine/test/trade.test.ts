// A negotiation through engines and a real relay (issue #6): Alice offers 1 WETH for Bob's ape,
// Bob counters with 1.2 WETH, Alice accepts. Both sides fold what they stored into the same
// accepted state and order hash. Then the relay's whole database is searched for the deal's
// contents: no asset address, amount, token id or note may be there.
import {
  createCounter,
  createProposal,
  createResponse,
  reduceNegotiations,
  type TradeItem,
  tradeItemOf,
  type VerifiedProposal,
  verifyReceived,
} from '@parley/trade';
import { parseUnits } from 'ethers';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../src/engine';
import { waitFor } from './support/engines';
import { useRelayScene } from './support/relay-scene';

const scene = useRelayScene();
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const APES = '0xbc4ca0eda7647a8ab7c2061c2e118a18a936f13d';
const TOKEN_ID = 7_355_608n;
const NOTE = 'gm, 1 WETH for your ape? serious bid';
const HOUR = 3_600_000;

/** The trade items an engine stored for a conversation, each checked against its sender. */
async function tradeItems(engine: Engine, conversationId: string): Promise<TradeItem[]> {
  const rows = await engine.db.messages
    .where('[conversationId+seq]')
    .between([conversationId, 0], [conversationId, Infinity])
    .toArray();
  const items: TradeItem[] = [];
  for (const row of rows) {
    const content = row.content as { type?: string } | undefined;
    if (content?.type !== 'trade.proposal' && content?.type !== 'trade.response') continue;
    const item = tradeItemOf(content as Parameters<typeof tradeItemOf>[0]);
    const checked = verifyReceived(item, { sender: row.senderAddress, now: row.serverTime ?? row.sentAt });
    if (!checked.ok) throw new Error(`stored trade item did not verify: ${checked.reason}`);
    items.push(item);
  }
  return items;
}

function proposal(item: TradeItem, sender: string, now: number): VerifiedProposal {
  const checked = verifyReceived(item, { sender, now });
  if (!checked.ok || checked.value.kind !== 'proposal') throw new Error('not a valid proposal');
  return checked.value;
}

describe('trade negotiation through the relay', () => {
  it('ends accepted with the same order hash on both sides, and the relay stores none of its terms', async () => {
    const alice = await scene.person('alice');
    const bob = await scene.person('bob');
    const dm = await alice.engine.createDM(bob.address);
    const now = Date.now();

    const offer = await createProposal(
      alice.wallet,
      {
        chainId: 1,
        maker: alice.address,
        taker: bob.address,
        give: [{ kind: 'erc20', contract: WETH, amount: parseUnits('1', 18) }],
        get: [{ kind: 'erc721', contract: APES, tokenId: TOKEN_ID }],
        expiresAt: now + 24 * HOUR,
        note: NOTE,
      },
      { now },
    );
    await alice.engine.send(dm, offer);
    await waitFor(async () => (await tradeItems(bob.engine, dm)).length === 1, 'Bob to get the offer');

    const counter = await createCounter(
      bob.wallet,
      proposal(offer, alice.address, Date.now()),
      {
        give: [{ kind: 'erc721', contract: APES, tokenId: TOKEN_ID }],
        get: [{ kind: 'erc20', contract: WETH, amount: parseUnits('1.2', 18) }],
        expiresAt: now + 24 * HOUR,
      },
      { now: Date.now() },
    );
    await bob.engine.send(dm, counter);
    await waitFor(async () => (await tradeItems(alice.engine, dm)).length === 2, 'Alice to get the counter');

    const accept = await createResponse(
      alice.wallet,
      proposal(counter, bob.address, Date.now()),
      'accept',
      alice.address,
      Date.now(),
    );
    await alice.engine.send(dm, accept);
    await waitFor(async () => (await tradeItems(bob.engine, dm)).length === 3, 'Bob to get the acceptance');
    await waitFor(async () => (await tradeItems(alice.engine, dm)).length === 3, 'Alice to store her own');

    const onAlice = reduceNegotiations(await tradeItems(alice.engine, dm), { now: Date.now() });
    const onBob = reduceNegotiations(await tradeItems(bob.engine, dm), { now: Date.now() });
    expect(onAlice.invalid).toEqual([]);
    expect(onAlice.negotiations).toHaveLength(1);
    expect(onAlice.negotiations[0]?.status).toBe('accepted');
    expect(onAlice.negotiations[0]?.proposals).toHaveLength(2);
    expect(onBob.negotiations[0]?.accepted?.orderHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(onBob.negotiations[0]?.accepted?.orderHash).toBe(onAlice.negotiations[0]?.accepted?.orderHash);
    expect(alice.wallet.typedSignatures).toBe(2);
    expect(bob.wallet.typedSignatures).toBe(1);

    // Everything the relay keeps, every table and column, as text, hex and raw bytes.
    const tables = await scene.sql.query(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
    );
    let dump = '';
    for (const { table_name } of tables) {
      for (const row of await scene.sql.query(`select * from "${String(table_name)}"`)) {
        for (const value of Object.values(row)) {
          if (value instanceof Uint8Array)
            dump += `${Buffer.from(value).toString('hex')}\n${Buffer.from(value).toString('latin1')}\n`;
          else dump += `${typeof value === 'object' ? JSON.stringify(value) : String(value)}\n`;
        }
      }
    }
    dump = dump.toLowerCase();
    // The scan sees real data: the relay does know who talks (wallet addresses), by design.
    expect(dump).toContain(alice.address.slice(2));
    expect(dump).toContain(bob.address.slice(2));
    for (const secret of [
      WETH.slice(2),
      APES.slice(2),
      TOKEN_ID.toString(),
      TOKEN_ID.toString(16),
      parseUnits('1.2', 18).toString(),
      parseUnits('1', 18).toString(),
      NOTE.toLowerCase(),
      'seaport',
    ]) {
      expect(dump.includes(secret), `the relay's database contains ${secret}`).toBe(false);
    }
  });
});
