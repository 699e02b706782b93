// "Share NFT": points the conversation at a token (contract, id, chain). What is sent is a claim;
// the receiver's card reads the chain itself when it can.
import { KNOWN_CHAINS } from '@parley/trade';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../app/describe-error';
import { useEngine } from '../app/services';
import { ChainField } from '../components/chain-field';
import { Dialog } from '../components/dialog';
import { FormFooter } from '../components/form-footer';
import { buildNft, type NftDraft, sendChainContent } from './chain-content';
import '../styles/web3.css';

export function ShareNftDialog({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const engine = useEngine();
  const ids = { contract: useId(), tokenId: useId(), error: useId() };
  const [draft, setDraft] = useState<NftDraft>({
    chainId: KNOWN_CHAINS[0]?.chainId ?? 1,
    contract: '',
    tokenId: '',
    standard: 'erc721',
  });
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<NftDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildNft(draft);
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

  return (
    <Dialog title={t('web3.share.nftTitle')} onClose={onClose} className="web3-dialog">
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <ChainField label={t('web3.chain')} value={draft.chainId} onChange={(chainId) => set({ chainId })} />
        <div className="field">
          <label htmlFor={ids.contract}>{t('web3.share.contract')}</label>
          <input
            id={ids.contract}
            type="text"
            data-autofocus
            autoComplete="off"
            spellCheck={false}
            placeholder="0x…"
            value={draft.contract}
            onChange={(e) => set({ contract: e.target.value })}
            aria-describedby={error ? ids.error : undefined}
          />
        </div>
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
        <fieldset className="web3-choice">
          <legend>{t('web3.share.standard')}</legend>
          {(['erc721', 'erc1155'] as const).map((standard) => (
            <label key={standard} className="check">
              <input
                type="radio"
                name="nft-standard"
                checked={draft.standard === standard}
                onChange={() => set({ standard })}
              />
              <span>{t(`web3.share.${standard}`)}</span>
            </label>
          ))}
        </fieldset>
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
