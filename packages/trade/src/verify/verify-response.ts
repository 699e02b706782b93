// Checks one response on its own (docs/protocol.md §11.6, checks R1-R3, in this order; the first
// failure is the reason). Whether the responder may answer that proposal is the reducer's.
import { ChainId, canonicalJson, EthHash32, Uint256Decimal } from '@parley/protocol';
import { z } from 'zod';
import { canonicalSignature, recoverSigner } from '../eip1193';
import { RESPONSE_ACTIONS, responseDigest, responseTypedData } from '../response/response-typed-data';
import { MAX_ORDER_TIME } from '../seaport/order-rules';
import type { ResponseItem } from '../trade-item';
import { type Checked, invalid, valid } from './invalid';
import type { VerifiedResponse } from './verified';
import type { ItemCheckOptions } from './verify-proposal';

const ResponseMessageWire = z.strictObject({
  action: z.enum(RESPONSE_ACTIONS),
  proposal: EthHash32,
  signedAt: Uint256Decimal,
});

export function verifyResponse(
  item: ResponseItem,
  options: ItemCheckOptions = {},
): Checked<VerifiedResponse> {
  const { typedData } = item;
  // R1: exactly the Parley Trade payload, and the wire fields say what was signed.
  const chainId = ChainId.safeParse(typedData.domain.chainId);
  if (!chainId.success) return invalid('malformed', 'typedData.domain.chainId: missing');
  const parsed = ResponseMessageWire.safeParse(typedData.message);
  if (!parsed.success) return invalid('malformed', 'typedData.message: not a TradeResponse');
  const message = parsed.data;
  if (canonicalJson(typedData) !== canonicalJson(responseTypedData(chainId.data, message))) {
    return invalid('malformed', 'typedData: not the Parley Trade TradeResponse payload');
  }
  if (message.action !== item.decision)
    return invalid('malformed', 'decision differs from the signed action');
  if (message.proposal !== item.parentHash)
    return invalid('malformed', 'parentHash differs from the signed proposal');
  const signedAt = Number(message.signedAt);
  if (signedAt > MAX_ORDER_TIME) return invalid('malformed', 'signedAt past the supported range');
  // R2: the responder's wallet signed it.
  const hash = responseDigest(chainId.data, message);
  if (canonicalSignature(item.signature) !== item.signature) return invalid('bad_signature', 'not canonical');
  if (recoverSigner(hash, item.signature) !== item.signer)
    return invalid('bad_signature', 'does not recover to the signer');
  // R3: a chain this client trades on.
  if (options.chainIds !== undefined && !options.chainIds.includes(chainId.data)) {
    return invalid('wrong_chain', 'a chain this client does not trade on');
  }
  return valid({
    kind: 'response',
    hash,
    chainId: chainId.data,
    action: message.action,
    proposalHash: message.proposal,
    responder: item.signer,
    signedAt: signedAt * 1000,
    signature: item.signature,
    item,
  });
}
