// A group's members as the verified control messages say (conversation.verifiedMembers, never the
// relay's list), with their roles. Admins add and remove members here; a removal rotates the
// group's epoch, so the removed person cannot read anything sent after it (docs/protocol.md §7).
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationRow } from '../../../../../packages/engine/src/store/schema';
import { describeError } from '../../app/describe-error';
import { useEngine } from '../../app/services';
import { Avatar } from '../../components/avatar';
import { Dialog } from '../../components/dialog';
import { shortAddress } from '../../format/address';
import { parseRecipientList } from '../../format/recipient-list';

export function MembersDialog({
  conversation,
  title,
  me,
  onClose,
}: {
  conversation: ConversationRow;
  title: string;
  me: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const engine = useEngine();
  const addId = useId();
  const errorId = useId();
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const members = Object.entries(conversation.verifiedMembers ?? {}).sort(([a, ra], [b, rb]) =>
    ra === rb ? a.localeCompare(b) : ra === 'admin' ? -1 : 1,
  );
  const admin = conversation.verifiedMembers?.[me] === 'admin' && conversation.active !== false;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  // Removing is asked twice, inline (a native confirm() is easy to click through).
  const [confirming, setConfirming] = useState<string | undefined>();
  const remove = (address: string) =>
    void run(async () => {
      await engine.removeMembers(conversation.id, [address]);
      setConfirming(undefined);
    });

  const add = (event: FormEvent) => {
    event.preventDefault();
    const list = parseRecipientList(adding, me);
    if (!list.ok) {
      setError(
        list.error === 'empty'
          ? t('newGroup.errorMembers')
          : t('newGroup.errorLine', { line: list.position }),
      );
      return;
    }
    void run(async () => {
      await engine.addMembers(
        conversation.id,
        list.recipients.map((r) => r.value),
      );
      setAdding('');
    });
  };

  return (
    <Dialog title={t('members.title', { name: title })} onClose={onClose}>
      <ul className="members" aria-label={t('members.open')}>
        {members.map(([address, role]) => (
          <li key={address} className="members__row">
            <Avatar seed={address} label={address} size={28} />
            <span className="members__who">
              <code className="address" title={address}>
                {address === me ? t('members.you') : shortAddress(address)}
              </code>
              <span className="muted small">
                {role === 'admin' ? t('members.admin') : t('members.member')}
              </span>
            </span>
            {admin && address !== me && confirming !== address && (
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={t(role === 'admin' ? 'members.demoteLabel' : 'members.promoteLabel', {
                  name: address,
                })}
                onClick={() =>
                  void run(() =>
                    engine.setRole(conversation.id, address, role === 'admin' ? 'member' : 'admin'),
                  )
                }
                disabled={busy}
              >
                {role === 'admin' ? t('members.demote') : t('members.promote')}
              </button>
            )}
            {admin && address !== me && confirming !== address && (
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={t('members.removeLabel', { name: address })}
                onClick={() => setConfirming(address)}
                disabled={busy}
              >
                {t('members.remove')}
              </button>
            )}
            {confirming === address && (
              <fieldset className="members__confirm">
                <legend className="sr-only">{t('members.removeLabel', { name: address })}</legend>
                <p className="small">{t('members.confirmRemove', { name: shortAddress(address) })}</p>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => setConfirming(undefined)}
                >
                  {t('common.cancel')}
                </button>
                <button
                  type="button"
                  className="button button--danger button--small"
                  onClick={() => remove(address)}
                  disabled={busy}
                  aria-busy={busy}
                  data-autofocus
                >
                  {t('members.remove')}
                </button>
              </fieldset>
            )}
          </li>
        ))}
      </ul>
      {admin ? (
        <form className="members__add" onSubmit={add} noValidate>
          <label htmlFor={addId}>{t('members.addLabel')}</label>
          <div className="members__add-row">
            <input
              id={addId}
              type="text"
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              disabled={busy}
              aria-describedby={error ? errorId : undefined}
            />
            <button type="submit" className="button button--small" disabled={busy} aria-busy={busy}>
              {t('members.add')}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted small">{t('members.adminsOnly')}</p>
      )}
      {error && (
        <p id={errorId} role="alert" className="error">
          {error}
        </p>
      )}
    </Dialog>
  );
}
