// "New group": a name and the first members in, a group out (engine.createGroup). I become its
// admin; the engine creates the first epoch and wraps it for every member's devices.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/describe-error';
import { routeHref } from '../../app/route';
import { useEngine } from '../../app/services';
import { Dialog } from '../../components/dialog';
import { FormFooter } from '../../components/form-footer';
import { parseRecipientList } from '../../format/recipient-list';

const MAX_NAME_CHARS = 64;

export function NewGroupDialog({ me, onClose }: { me: string; onClose: () => void }) {
  const { t } = useTranslation();
  const engine = useEngine();
  const nameId = useId();
  const membersId = useId();
  const hintId = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [members, setMembers] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const title = name.trim();
    if (title.length === 0) return setError(t('newGroup.errorName'));
    const list = parseRecipientList(members, me);
    if (!list.ok) {
      return setError(
        list.error === 'empty'
          ? t('newGroup.errorMembers')
          : t('newGroup.errorLine', { line: list.position }),
      );
    }
    setBusy(true);
    setError(undefined);
    try {
      const id = await engine.createGroup(
        title,
        list.recipients.map((r) => r.value),
      );
      onClose();
      window.location.hash = routeHref({ name: 'conversation', id });
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('newGroup.title')} onClose={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={nameId}>{t('newGroup.name')}</label>
          <input
            id={nameId}
            type="text"
            value={name}
            maxLength={MAX_NAME_CHARS}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            disabled={busy}
            data-autofocus
          />
        </div>
        <div className="field">
          <label htmlFor={membersId}>{t('newGroup.members')}</label>
          <textarea
            id={membersId}
            rows={4}
            value={members}
            onChange={(e) => setMembers(e.target.value)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            disabled={busy}
          />
          <p id={hintId} className="field__hint">
            {t('newGroup.membersHint')}
          </p>
        </div>
        <FormFooter
          error={error}
          errorId={errorId}
          busy={busy}
          submitLabel={t('newGroup.submit')}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
