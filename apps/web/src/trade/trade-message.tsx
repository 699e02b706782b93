// A trade item in the thread (loaded lazily: it brings ethers and the Seaport types). A proposal is
// a card with its state, the terms from my side, the countdown, "signature verified", and the
// actions open to me; a response is one line; an item that failed any check is shown as invalid
// with the reason, never as an offer (docs/trade.md "Receive").
import {
  createResponse,
  durationText,
  lineText,
  type NegotiationState,
  type NegotiationStatus,
  type ProposalState,
  type ResponseAction,
  summarizeProposal,
  type VerifiedProposal,
} from '@parley/trade';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRow } from '../../../../packages/engine/src/store/schema';
import { describeError } from '../app/describe-error';
import { useDatabase, useEngine, useServices } from '../app/services';
import { loadChain } from '../chain/load-chain';
import { useChainLookup } from '../chain/use-chain-lookup';
import { useRpcUrl } from '../chain/use-rpc-url';
import { AlertIcon, ShieldIcon } from '../components/icons';
import { shortAddress } from '../format/address';
import { findSigningWallet } from '../wallet/signing-wallet';
import { useWalletSession } from '../wallet/wallet-session';
import { downloadNegotiation } from './export-negotiation';
import { type Holdings, makerHoldings } from './holdings';
import { ProposalDialog } from './proposal-dialog';
import { useTradeView } from './use-trade-view';
import '../styles/trade.css';

export default function TradeMessage({ message, now }: { message: MessageRow; now: number }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const me = useLiveQuery(async () => (await db.account.get('me'))?.address, [db]);
  const view = useTradeView(message.conversationId, now);
  const verdict = view?.verdicts.get(message.clientId);
  if (!view || !verdict || me === undefined) return <p className="bubble__note">{t('trade.checking')}</p>;
  if (!verdict.ok) {
    return (
      <div className="bubble__unverified trade-invalid">
        <AlertIcon />
        <div>
          <p>{t('trade.invalid')}</p>
          <p className="small">{t(`trade.reasons.${verdict.reason}`)}</p>
        </div>
      </div>
    );
  }
  const item = verdict.value;
  const negotiation = view.negotiationOf.get(item.hash);
  if (item.kind === 'response') {
    const who = item.responder === me ? t('message.you') : shortAddress(item.responder);
    return (
      <p className="trade-response">
        <ShieldIcon width={14} height={14} aria-hidden="true" />{' '}
        {t(`trade.responded.${item.action}`, { who })}
      </p>
    );
  }
  const state = negotiation?.proposals.find((p) => p.proposal.hash === item.hash);
  if (!negotiation || !state) return <p className="bubble__note">{t('trade.checking')}</p>;
  return (
    <ProposalCard
      conversationId={message.conversationId}
      state={state}
      negotiation={negotiation}
      me={me}
      now={now}
      items={view.items}
    />
  );
}

function ProposalCard({
  conversationId,
  state,
  negotiation,
  me,
  now,
  items,
}: {
  conversationId: string;
  state: ProposalState;
  negotiation: NegotiationState;
  me: string;
  now: number;
  items: Parameters<typeof downloadNegotiation>[1];
}) {
  const { t } = useTranslation();
  const engine = useEngine();
  const { discovery } = useServices();
  const { wallet } = useWalletSession();
  const [countering, setCountering] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const p: VerifiedProposal = state.proposal;
  const summary = summarizeProposal(p, { viewer: me, now });
  const round = negotiation.proposals.findIndex((s) => s.proposal.hash === p.hash) + 1;
  // This proposal's own state, whatever the reducer calls the negotiation as a whole.
  const shown = displayStatus(state, summary.remaining);
  const open = shown === 'open' && negotiation.headHash === p.hash;
  const accepted = shown === 'accepted' ? negotiation.accepted : undefined;
  // With an RPC URL for the chain: does the maker still hold what the offer gives?
  const rpc = useRpcUrl(p.chainId);
  const holdings = useChainLookup<Holdings>(open && rpc ? `holdings|${rpc}|${p.hash}` : undefined, (chain) =>
    makerHoldings(chain.readerOn(rpc ?? '', p.chainId), p),
  );

  const respond = async (action: ResponseAction) => {
    setBusy(true);
    setError(undefined);
    try {
      // Checked again right before accepting, not from the card's earlier answer.
      if (action === 'accept' && rpc) {
        const fresh = await makerHoldings((await loadChain()).readerOn(rpc, p.chainId), p);
        if (!fresh.ok) throw new Error(holdingsText(fresh, t));
      }
      const provider = await findSigningWallet(me, wallet, discovery);
      if (!provider) throw new Error(t('trade.noWallet'));
      await engine.send(conversationId, await createResponse(provider, p, action, me, Date.now()));
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article
      className={`trade-card trade-card--${shown}`}
      aria-label={round === 1 ? t('trade.offer') : t('trade.counter')}
    >
      <header className="trade-card__head">
        <strong>{round === 1 ? t('trade.offer') : t('trade.counterRound', { round })}</strong>
        <span className="trade-card__status" data-testid="trade-status">
          {t(`trade.status.${shown}`)}
        </span>
      </header>
      <p>
        {t(summary.perspective === 'maker' ? 'trade.youGiveLine' : 'trade.theyGiveLine', {
          what: summary.give.map(lineText).join(', '),
        })}
      </p>
      <p>
        {t(summary.perspective === 'maker' ? 'trade.youGetLine' : 'trade.theyGetLine', {
          what: summary.get.map(lineText).join(', '),
        })}
      </p>
      {p.note && <blockquote className="trade-card__note">{p.note}</blockquote>}
      <p className="small muted">
        {open
          ? t('trade.expiresInText', { duration: durationText(summary.remaining) })
          : shown === 'expired'
            ? t('trade.expired')
            : ''}
      </p>
      <p className="small trade-card__verified">
        <ShieldIcon width={13} height={13} aria-hidden="true" />{' '}
        {t('trade.verified', { who: p.maker === me ? t('message.you') : shortAddress(p.maker) })}
      </p>
      {holdings.state === 'done' && (
        <p className={holdings.value.ok ? 'small trade-card__verified' : 'small warning-text'}>
          {holdingsText(holdings.value, t)}
        </p>
      )}
      {accepted && (
        <p className="small">
          {t('trade.orderHash')} <code data-testid="order-hash">{accepted.orderHash}</code>
        </p>
      )}
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      <div className="trade-card__actions">
        {open && p.taker === me && (
          <>
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => void respond('accept')}
            >
              {t('trade.accept')}
            </button>
            <button
              type="button"
              className="button button--small button--ghost"
              disabled={busy}
              onClick={() => setCountering(true)}
            >
              {t('trade.counterAction')}
            </button>
            <button
              type="button"
              className="button button--small button--ghost"
              disabled={busy}
              onClick={() => void respond('decline')}
            >
              {t('trade.decline')}
            </button>
          </>
        )}
        {open && p.maker === me && (
          <button
            type="button"
            className="button button--small button--ghost"
            disabled={busy}
            onClick={() => void respond('cancel')}
          >
            {t('trade.cancelOffer')}
          </button>
        )}
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => downloadNegotiation(negotiation, items, Date.now())}
        >
          {t('trade.export')}
        </button>
      </div>
      {countering && (
        <ProposalDialog
          conversationId={conversationId}
          me={me}
          peer={p.maker}
          parent={p}
          onClose={() => setCountering(false)}
        />
      )}
    </article>
  );
}

/** What one proposal's card says: answered how, else open until it lapses. */
function displayStatus(state: ProposalState, remaining: number): NegotiationStatus {
  const closed = state.closedBy;
  if (closed?.kind === 'counter') return 'countered';
  if (closed?.kind === 'response') {
    return closed.response.action === 'accept'
      ? 'accepted'
      : closed.response.action === 'decline'
        ? 'declined'
        : 'cancelled';
  }
  return remaining > 0 ? 'open' : 'expired';
}

function holdingsText(h: Holdings, t: ReturnType<typeof useTranslation>['t']): string {
  if (h.ok) return t('trade.holds');
  if (h.reason === 'cancelled_on_chain') return t('trade.cancelledOnChain');
  const what = h.asset.kind === 'erc721' || h.asset.kind === 'erc1155' ? `#${h.asset.tokenId}` : h.asset.kind;
  return t('trade.missingAsset', { what });
}
