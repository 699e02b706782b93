// The end of every form dialog: the error (announced), then Cancel and the submit button, which
// shows that it is busy while the action runs.
import { useTranslation } from 'react-i18next';

export function FormFooter({
  error,
  errorId,
  busy,
  submitLabel,
  onCancel,
}: {
  error: string | undefined;
  /** The id the form's fields point at with aria-describedby, when they do. */
  errorId?: string;
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {error && (
        <p id={errorId} role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
