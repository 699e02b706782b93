// The proposal composer: what you give, what you get, for how long, and a note. Before the wallet
// prompt it shows the offer in plain words and says that an offer, unlike a chat message, is
// signed by your wallet and binding. A counter-offer starts from the offer it answers, sides
// swapped, on the same chain.
import {
  type Asset,
  createCounter,
  createProposal,
  KNOWN_CHAINS,
  lineText,
  summarizeProposal,
  type VerifiedProposal,
} from '@parley/trade';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../app/describe-error';
import { useEngine, useServices } from '../app/services';
import { ChainField } from '../components/chain-field';
import { Dialog } from '../components/dialog';
import { FormFooter } from '../components/form-footer';
import { findSigningWallet } from '../wallet/signing-wallet';
import { useWalletSession } from '../wallet/wallet-session';
import { type AssetDraft, AssetFields, assetOfDraft, draftOfAsset, emptyDraft } from './asset-fields';
import '../styles/trade.css';

const HOUR = 3_600_000;
const EXPIRIES = [1, 24, 72, 168] as const;

export function ProposalDialog({
  conversationId,
  me,
  peer,
  parent,
  onClose,
}: {
  conversationId: string;
  me: string;
  peer: string;
  /** Set for a counter-offer: the proposal it answers. */
  parent?: VerifiedProposal;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const engine = useEngine();
  const { discovery } = useServices();
  const { wallet } = useWalletSession();
  const ids = { expiry: useId(), note: useId(), error: useId() };
  const [chainId, setChainId] = useState(parent?.chainId ?? KNOWN_CHAINS[0]?.chainId ?? 1);
  // A counter swaps sides: what they offered to give is what I now ask to get, and the reverse.
  const [give, setGive] = useState<AssetDraft>(() =>
    parent?.get[0] ? draftOfAsset(parent.chainId, parent.get[0]) : emptyDraft(chainId),
  );
  const [get, setGet] = useState<AssetDraft>(() =>
    parent?.give[0]
      ? draftOfAsset(parent.chainId, parent.give[0])
      : { kind: 'erc721', contract: '', tokenId: '' },
  );
  const [hours, setHours] = useState<number>(24);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const now = Date.now();
  const gave = assetOfDraft(chainId, give);
  const got = assetOfDraft(chainId, get);
  const assets: { give: Asset; get: Asset } | undefined =
    'asset' in gave && 'asset' in got ? { give: gave.asset, get: got.asset } : undefined;
  const summary = assets
    ? summarizeProposal(
        {
          chainId,
          maker: me,
          taker: peer,
          give: [assets.give],
          get: [assets.get],
          expiresAt: now + hours * HOUR,
        },
        { viewer: me, now },
      )
    : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!assets) {
      const problem = 'error' in gave ? gave.error : 'error' in got ? got.error : 'errorAsset';
      setError(problem === 'errorDecimals' ? t('trade.errorDecimals') : t('trade.errorAsset'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const provider = await findSigningWallet(me, wallet, discovery);
      if (!provider) throw Object.assign(new Error('no wallet'), { kind: 'no_signing_wallet' });
      const signedAt = Date.now();
      const terms = { give: [assets.give], get: [assets.get], expiresAt: signedAt + hours * HOUR, note };
      const item = parent
        ? await createCounter(provider, parent, terms, { now: signedAt })
        : await createProposal(provider, { ...terms, chainId, maker: me, taker: peer }, { now: signedAt });
      await engine.send(conversationId, item);
      onClose();
    } catch (e) {
      setError(
        typeof e === 'object' && e !== null && 'kind' in e && e.kind === 'no_signing_wallet'
          ? t('trade.noWallet')
          : typeof e === 'object' && e !== null && 'kind' in e && e.kind === 'native_offer'
            ? t('trade.errorNativeOffer')
            : describeError(e, t),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={parent ? t('trade.counterTitle') : t('trade.proposeTitle')}
      onClose={onClose}
      className="trade-dialog"
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <p className="trade-binding">{t('trade.binding')}</p>
        {!parent && <ChainField label={t('trade.chain')} value={chainId} onChange={setChainId} />}
        <div className="trade-sides">
          <AssetFields
            legend={t('trade.youGive')}
            chainId={chainId}
            draft={give}
            allowNative={false}
            onChange={setGive}
          />
          <AssetFields
            legend={t('trade.youGet')}
            chainId={chainId}
            draft={get}
            allowNative
            onChange={setGet}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.expiry}>{t('trade.expiresIn')}</label>
          <select id={ids.expiry} value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {EXPIRIES.map((h) => (
              <option key={h} value={h}>
                {t('trade.hours', { count: h })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.note}>{t('trade.note')}</label>
          <textarea
            id={ids.note}
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        {summary && (
          <section className="trade-summary" aria-label={t('trade.summary')}>
            <p>{t('trade.summaryGive', { what: summary.give.map(lineText).join(', ') })}</p>
            <p>{t('trade.summaryGet', { what: summary.get.map(lineText).join(', ') })}</p>
            <p>{t('trade.summaryExpiry', { count: hours })}</p>
            {summary.warnings.map((w) => (
              <p key={`${w.kind}:${w.contract}`} className="warning-text">
                {w.kind === 'unverified_token'
                  ? t('trade.warnUnverified', { contract: w.contract })
                  : t('trade.warnLookalike', { contract: w.contract, resembles: w.resembles })}
              </p>
            ))}
          </section>
        )}
        <FormFooter
          error={error}
          errorId={ids.error}
          busy={busy}
          submitLabel={t('trade.sign')}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
