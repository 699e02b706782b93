// Answering a proposal: accept or decline (the taker), cancel (the maker). Signed by the
// responder's wallet through EIP-1193 (docs/protocol.md §11.4). A counter-offer is not a response
// but a new proposal (proposal/create-proposal.ts).
import { type Eip1193Provider, signTypedDataV4 } from '../eip1193';
import { wireAddress } from '../seaport/assets';
import { TradeError } from '../trade-error';
import type { ResponseItem } from '../trade-item';
import type { VerifiedProposal } from '../verify/verified';
import { type ResponseAction, responseDigest, responseTypedData } from './response-typed-data';

/**
 * Signs `action` on `proposal` with `responder`'s wallet. `now` is the responder's clock in ms; it
 * becomes signedAt (whole seconds). Throws TradeError('bad_input') when the responder may not
 * take this action, so the wallet is never asked to sign a response the receiver would refuse.
 */
export async function createResponse(
  provider: Eip1193Provider,
  proposal: VerifiedProposal,
  action: ResponseAction,
  responder: string,
  now: number,
): Promise<ResponseItem> {
  const account = wireAddress(responder, 'responder');
  const allowed = action === 'cancel' ? proposal.maker : proposal.taker;
  if (account !== allowed) {
    throw new TradeError(
      'bad_input',
      action === 'cancel' ? 'only the maker cancels' : 'only the taker answers',
    );
  }
  if (!Number.isSafeInteger(now) || now < 0) throw new TradeError('bad_input', 'now: not a time');
  const message = { action, proposal: proposal.hash, signedAt: Math.floor(now / 1000).toString() };
  const typedData = responseTypedData(proposal.chainId, message);
  const signature = await signTypedDataV4(
    provider,
    account,
    typedData,
    responseDigest(proposal.chainId, message),
  );
  return {
    type: 'trade.response',
    decision: action,
    typedData,
    signature,
    signer: account,
    parentHash: proposal.hash,
  };
}
