// The built-in wallet's signature prompt: what the signature is for, in plain words, and the
// exact text being signed. Nothing is signed until the person presses Sign.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { Dialog } from '../../components/dialog';
import type { SignaturePurpose } from '../../wallet/signature-purpose';

const TITLE_KEYS = {
  'sign-in': 'approval.titleSignIn',
  'link-device': 'approval.titleLink',
  'revoke-device': 'approval.titleRevoke',
  'typed-data': 'approval.titleTyped',
  unknown: 'approval.titleUnknown',
} as const satisfies Record<SignaturePurpose, string>;

const BODY_KEYS = {
  'sign-in': 'approval.bodySignIn',
  'link-device': 'approval.bodyLink',
  'revoke-device': 'approval.bodyRevoke',
  'typed-data': 'approval.bodyTyped',
  unknown: 'approval.bodyUnknown',
} as const satisfies Record<SignaturePurpose, string>;

export function SignatureApprovalDialog() {
  const { approvals } = useServices();
  const pending = useSyncExternalStore(approvals.subscribe, approvals.current);
  const { t } = useTranslation();
  if (!pending) return null;
  const { id, request, purpose } = pending;
  const decline = () => approvals.answer(id, false);
  return (
    <Dialog
      key={id}
      title={t(TITLE_KEYS[purpose])}
      onClose={decline}
      hideClose
      className="dialog--signature"
      description={<p>{t(BODY_KEYS[purpose])}</p>}
    >
      <p className="muted small">
        {request.method === 'personal_sign' ? t('approval.noCost') : t('approval.typedWarning')}
      </p>
      <h3 className="signature__label">{t('approval.exactText')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <pre className="signature__text" tabIndex={0}>
        {request.text}
      </pre>
      <div className="actions">
        <button type="button" className="button button--ghost" onClick={decline}>
          {t('approval.cancel')}
        </button>
        <button type="button" className="button" onClick={() => approvals.answer(id, true)}>
          {t('approval.sign')}
        </button>
      </div>
    </Dialog>
  );
}
