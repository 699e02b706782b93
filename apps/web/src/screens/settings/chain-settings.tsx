// Settings → Blockchain access: an RPC URL per chain (preferences rows chain.rpc.<id>), checked
// before it is stored (https, or http to localhost), with "Test connection" (eth_chainId) that
// names the chain the URL really serves. No URL: Parley never talks to a chain.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../app/services';
import { probeChainId } from '../../chain/rpc-probe';
import { chainName, ENS_CHAIN_ID, RPC_CHAINS, saveRpcUrl } from '../../chain/rpc-settings';
import { checkRpcUrl } from '../../chain/rpc-url';
import { useRpcUrl } from '../../chain/use-rpc-url';
import '../../styles/web3.css';

type Note = { readonly tone: 'ok' | 'error'; readonly text: string };

function RpcRow({ chainId, name }: { chainId: number; name: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const stored = useRpcUrl(chainId);
  const [text, setText] = useState('');
  const [note, setNote] = useState<Note | undefined>();
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const noteId = useId();
  // Show the stored URL once it is read (and when another tab changes it).
  useEffect(() => setText(stored ?? ''), [stored]);

  const problemText = (problem: string) => t(`chain.problems.${problem}` as 'chain.problems.invalid');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '' && stored !== undefined) return remove();
    const check = checkRpcUrl(text);
    if (!check.ok) {
      setNote({ tone: 'error', text: problemText(check.problem) });
      return;
    }
    try {
      await saveRpcUrl(db, chainId, check.url);
      setNote({ tone: 'ok', text: t('chain.saved') });
    } catch {
      setNote({ tone: 'error', text: problemText('invalid') });
    }
  };

  const remove = async () => {
    await saveRpcUrl(db, chainId, undefined);
    setText('');
    setNote({ tone: 'ok', text: t('chain.removed') });
  };

  const test = async () => {
    const check = checkRpcUrl(text);
    if (!check.ok) {
      setNote({ tone: 'error', text: problemText(check.problem) });
      return;
    }
    setBusy(true);
    setNote({ tone: 'ok', text: t('chain.testing') });
    const result = await probeChainId(check.url);
    setBusy(false);
    if (!result.ok) {
      setNote({ tone: 'error', text: t(`chain.probe.${result.problem}`) });
      return;
    }
    const served = chainName(result.chainId) ?? t('chain.unknownChain');
    setNote(
      result.chainId === chainId
        ? { tone: 'ok', text: t('chain.connected', { chain: served, chainId: result.chainId }) }
        : {
            tone: 'error',
            text: t('chain.wrongChain', { chain: served, chainId: result.chainId, expected: name }),
          },
    );
  };

  return (
    <form className="field chain-rpc" onSubmit={(e) => void save(e)} noValidate>
      <label htmlFor={inputId}>{t('chain.rpcLabel', { chain: name })}</label>
      <input
        id={inputId}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setNote(undefined);
        }}
        aria-invalid={note?.tone === 'error' ? true : undefined}
        aria-describedby={`${hintId} ${noteId}`}
      />
      <p id={hintId} className="field__hint">
        {chainId === ENS_CHAIN_ID ? `${t('chain.rpcHint')} ${t('chain.rpcHintEns')}` : t('chain.rpcHint')}
      </p>
      <div className="actions actions--start">
        <button type="submit" className="button button--small">
          {t('chain.save')}
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          disabled={busy || text.trim() === ''}
          aria-busy={busy}
          onClick={() => void test()}
        >
          {t('chain.test')}
        </button>
        {stored !== undefined && (
          <button type="button" className="button button--small button--ghost" onClick={() => void remove()}>
            {t('chain.remove')}
          </button>
        )}
      </div>
      <p id={noteId} role="status" className={note?.tone === 'error' ? 'error small' : 'small'}>
        {note?.text ?? ''}
      </p>
    </form>
  );
}

export function ChainSettings() {
  const { t } = useTranslation();
  return (
    <fieldset className="settings__group">
      <legend>{t('chain.title')}</legend>
      <p className="field__hint">{t('chain.intro')}</p>
      <p className="field__hint">{t('chain.privacy')}</p>
      {RPC_CHAINS.map((c) => (
        <RpcRow key={c.chainId} chainId={c.chainId} name={c.name} />
      ))}
    </fieldset>
  );
}
