// "New conversation": a wallet address or ENS name in, a conversation out (engine.createDM).
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findLookalikes } from '../../../../../packages/trade/src/assets/lookalike';
import { describeError } from '../../app/describe-error';
import { routeHref } from '../../app/route';
import { useDatabase, useEngine } from '../../app/services';
import { Dialog } from '../../components/dialog';
import { FormFooter } from '../../components/form-footer';
import { parseRecipient, shortAddress } from '../../format/address';

export function NewConversationDialog({ me, onClose }: { me: string; onClose: () => void }) {
  const { t } = useTranslation();
  const engine = useEngine();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const db = useDatabase();
  // Address poisoning: an address that shares its first and last digits with someone I already
  // talk to, but is not them, is stopped once with a warning (docs/trade.md "Lookalike addresses").
  const [lookalikeOk, setLookalikeOk] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const recipient = parseRecipient(value);
    if (recipient === 'empty') return setError(t('newConversation.errorEmpty'));
    if (recipient === 'invalid') return setError(t('newConversation.errorInvalid'));
    if (recipient.kind === 'address' && recipient.value === me.toLowerCase()) {
      return setError(t('newConversation.errorSelf'));
    }
    setBusy(true);
    setError(undefined);
    try {
      if (recipient.kind === 'address' && recipient.mixedCase) {
        const { hasValidChecksum } = await import('../../format/address-checksum');
        if (!hasValidChecksum(value.trim())) {
          setError(t('newConversation.errorChecksum'));
          return;
        }
      }
      if (recipient.kind === 'address' && lookalikeOk !== recipient.value) {
        const peers = (await db.conversations.toArray()).flatMap((c) => (c.peer ? [c.peer] : []));
        const members = (await db.members.toArray()).map((m) => m.address);
        const known = [...new Set([...peers, ...members])].map((address) => ({ address, label: address }));
        const [look] = findLookalikes(recipient.value, known);
        if (look) {
          setLookalikeOk(recipient.value);
          setError(
            t('newConversation.lookalike', {
              known: shortAddress(look.known.address),
              full: look.known.address,
            }),
          );
          return;
        }
      }
      const id = await engine.createDM(recipient.value);
      onClose();
      window.location.hash = routeHref({ name: 'conversation', id });
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('newConversation.title')} onClose={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={inputId}>{t('newConversation.label')}</label>
          <input
            id={inputId}
            type="text"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={error !== undefined}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            disabled={busy}
            data-autofocus
          />
          <p id={hintId} className="field__hint">
            {t('newConversation.hint')}
          </p>
        </div>
        <FormFooter
          error={error}
          errorId={errorId}
          busy={busy}
          submitLabel={t('newConversation.submit')}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
