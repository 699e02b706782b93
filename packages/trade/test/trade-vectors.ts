// The frozen trade vectors (test/vectors/trade.json): the story's three signed items with their
// hashes and salt, from fixed keys and a seeded Random. ethers signs deterministically (RFC 6979),
// so the file changes only when a format does: the typed data, the salt commitment, the hashes.
import { canonicalJson } from '@parley/protocol';
import { SALT_LABEL } from '../src/proposal/salt-commitment';
import { TRADE_DOMAIN_NAME } from '../src/response/response-typed-data';
import { proposalOf, responseOf, story } from './fixtures';
import { seededRandom } from './seeded-random';

export async function buildTradeVectors(): Promise<string> {
  const { offer, counter, accept } = await story(seededRandom('vectors'));
  const offerP = proposalOf(offer);
  const counterP = proposalOf(counter);
  const acceptR = responseOf(accept);
  const vectors = {
    description:
      'Parley trade items (docs/protocol.md §11): Alice offers 1 WETH for ape #123, Bob counters 1.2 WETH, Alice accepts',
    keys: { alice: `0x${'a1'.repeat(32)}`, bob: `0x${'b0'.repeat(32)}` },
    saltLabel: SALT_LABEL,
    responseDomain: TRADE_DOMAIN_NAME,
    offer: { item: offer, hash: offerP.hash, orderHash: offerP.orderHash, salt: offerP.order.salt },
    counter: { item: counter, hash: counterP.hash, orderHash: counterP.orderHash, salt: counterP.order.salt },
    accept: { item: accept, hash: acceptR.hash },
  };
  // Canonical JSON, one line per top-level key, so a diff shows which part moved.
  const lines = Object.entries(vectors).map(([k, v]) => `  ${JSON.stringify(k)}: ${canonicalJson(v)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}
