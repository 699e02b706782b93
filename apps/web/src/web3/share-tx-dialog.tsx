// "Share transaction": a transaction hash and the transfer it made, sent as a claim. The receiver
// sees "Claimed, not verified" until their own RPC confirms the receipt (tx-card.tsx). Amounts are
// typed in whole units for the native coin and listed tokens; an unlisted token asks for decimals.
import { KNOWN_CHAINS, lookupToken, nativeToken } from '@parley/trade';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../app/describe-error';
import { useEngine } from '../app/services';
import { ChainField } from '../components/chain-field';
import { Dialog } from '../components/dialog';
import { FormFooter } from '../components/form-footer';
import { buildTx, sendChainContent, type TxDraft } from './chain-content';
import '../styles/web3.css';

const STANDARDS = ['native', 'erc20', 'erc721', 'erc1155'] as const;

export function ShareTxDialog({
  conversationId,
  me,
  peer,
  onClose,
}: {
  conversationId: string;
  /** Prefills "From": most people share a payment they made. */
  me: string;
  /** Prefills "To" in a one-to-one conversation. */
  peer?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const engine = useEngine();
  const ids = {
    hash: useId(),
    from: useId(),
    to: useId(),
    standard: useId(),
    contract: useId(),
    tokenId: useId(),
    amount: useId(),
    decimals: useId(),
    error: useId(),
  };
  const [draft, setDraft] = useState<TxDraft>({
    chainId: KNOWN_CHAINS[0]?.chainId ?? 1,
    txHash: '',
    from: me,
    to: peer ?? '',
    standard: 'native',
    contract: '',
    tokenId: '',
    amount: '',
    decimals: '',
  });
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<TxDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const token =
    draft.standard === 'erc20' && /^0x[0-9a-fA-F]{40}$/.test(draft.contract.trim())
      ? lookupToken(draft.chainId, draft.contract.trim())
      : undefined;
  const symbol =
    draft.standard === 'native'
      ? nativeToken(draft.chainId).symbol
      : token && token.status !== 'unverified'
        ? token.symbol
        : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildTx(draft);
    if (!built.ok) {
      setError(t(`web3.share.errors.${built.error}`));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await sendChainContent(engine, conversationId, built.content);
      onClose();
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  const text = (id: string, label: string, key: 'txHash' | 'from' | 'to' | 'contract', autofocus = false) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder="0x…"
        data-autofocus={autofocus ? true : undefined}
        value={draft[key]}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </div>
  );

  return (
    <Dialog title={t('web3.share.txTitle')} onClose={onClose} className="web3-dialog">
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <ChainField label={t('web3.chain')} value={draft.chainId} onChange={(chainId) => set({ chainId })} />
        {text(ids.hash, t('web3.share.txHash'), 'txHash', true)}
        <div className="web3-pair">
          {text(ids.from, t('web3.share.from'), 'from')}
          {text(ids.to, t('web3.share.to'), 'to')}
        </div>
        <div className="field">
          <label htmlFor={ids.standard}>{t('web3.share.asset')}</label>
          <select
            id={ids.standard}
            value={draft.standard}
            onChange={(e) => set({ standard: e.target.value as TxDraft['standard'] })}
          >
            {STANDARDS.map((s) => (
              <option key={s} value={s}>
                {s === 'native'
                  ? t('web3.share.native', { symbol: nativeToken(draft.chainId).symbol })
                  : t(`web3.share.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {draft.standard !== 'native' && text(ids.contract, t('web3.share.contract'), 'contract')}
        {(draft.standard === 'erc721' || draft.standard === 'erc1155') && (
          <div className="field">
            <label htmlFor={ids.tokenId}>{t('web3.share.tokenId')}</label>
            <input
              id={ids.tokenId}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={draft.tokenId}
              onChange={(e) => set({ tokenId: e.target.value })}
            />
          </div>
        )}
        {draft.standard !== 'erc721' && (
          <div className="field">
            <label htmlFor={ids.amount}>
              {symbol ? t('web3.share.amountIn', { symbol }) : t('web3.share.amount')}
            </label>
            <input
              id={ids.amount}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={draft.amount}
              onChange={(e) => set({ amount: e.target.value })}
            />
          </div>
        )}
        {token?.status === 'unverified' && (
          <div className="field">
            <label htmlFor={ids.decimals}>{t('web3.share.decimals')}</label>
            <input
              id={ids.decimals}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={draft.decimals}
              onChange={(e) => set({ decimals: e.target.value })}
            />
            <p className="field__hint">{t('web3.share.decimalsHint')}</p>
          </div>
        )}
        <p className="field__hint">{t('web3.share.claimNote')}</p>
        <FormFooter
          error={error}
          errorId={ids.error}
          busy={busy}
          submitLabel={t('web3.share.send')}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
