// A modal dialog on the native <dialog> element: the browser traps focus, makes the rest of the
// page inert and closes it on Escape. Focus goes to the element marked `data-autofocus` (React's
// autoFocus fires before the dialog is open, so it cannot be used), and back to the opener on close.
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from './icons';

export interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Optional description (aria-describedby). */
  readonly description?: ReactNode;
  /** Hide the × button (for dialogs that must be answered with their own buttons). */
  readonly hideClose?: boolean;
  readonly className?: string;
}

export function Dialog({ title, onClose, children, description, hideClose, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const { t } = useTranslation();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {!hideClose && (
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>
            <CloseIcon />
          </button>
        )}
      </div>
      {description && (
        <div id={descriptionId} className="dialog__description">
          {description}
        </div>
      )}
      {children}
    </dialog>
  );
}
