// The safety number with a DM peer (docs/protocol.md §8): 60 digits in 12 groups and the same as a
// QR code, computed by the engine from the device logs this device verified. The person compares
// and marks the peer verified; the engine clears the mark when either device set changes.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SafetyNumberView } from '../../../../../packages/engine/src/engine-api';
import { describeError } from '../../app/describe-error';
import { useEngine } from '../../app/services';
import { Dialog } from '../../components/dialog';

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly number: SafetyNumberView; readonly qrSvg: string }
  | { readonly state: 'missing' }
  | { readonly state: 'error'; readonly message: string };

async function qrSvg(payload: Uint8Array): Promise<string> {
  // qrcode is loaded only when someone opens this dialog.
  const QRCode = await import('qrcode');
  return QRCode.toString([{ data: payload, mode: 'byte' }], {
    type: 'svg',
    margin: 2,
    errorCorrectionLevel: 'M',
  });
}

export function SafetyNumberDialog({
  peer,
  name,
  onClose,
}: {
  peer: string;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const engine = useEngine();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [version, setVersion] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` reloads after a change
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const number = await engine.safetyNumber(peer);
        const svg = await qrSvg(number.qrPayload);
        if (live) setLoaded({ state: 'ready', number, qrSvg: svg });
      } catch (e) {
        const kind = typeof e === 'object' && e !== null && 'kind' in e ? e.kind : undefined;
        if (live)
          setLoaded(
            kind === 'not_found' ? { state: 'missing' } : { state: 'error', message: describeError(e, t) },
          );
      }
    })();
    return () => {
      live = false;
    };
  }, [engine, peer, t, version]);

  const setVerified = async (verified: boolean) => {
    await engine.setSafetyVerified(peer, verified);
    setVersion((v) => v + 1);
  };

  return (
    <Dialog title={t('safety.title', { name })} onClose={onClose} className="safety">
      {loaded.state === 'missing' && <p>{t('safety.notYet')}</p>}
      {loaded.state === 'error' && (
        <p role="alert" className="error">
          {loaded.message}
        </p>
      )}
      {loaded.state === 'ready' && (
        <>
          <p className="muted">{t('safety.explain', { name })}</p>
          <p className="safety__digits" data-testid="safety-digits">
            <span className="sr-only">{t('safety.digits')}: </span>
            {loaded.number.groups.map((group, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed positions of a fixed-length number
              <span key={i}>{group}</span>
            ))}
          </p>
          <div
            className="safety__qr"
            role="img"
            aria-label={t('safety.qr')}
            // The SVG is generated locally by qrcode from bytes we computed: no outside markup.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: see above
            dangerouslySetInnerHTML={{ __html: loaded.qrSvg }}
          />
          {loaded.number.verified ? (
            <div className="actions">
              <p className="safety__verified">{t('safety.verified', { name })}</p>
              <button type="button" className="button button--ghost" onClick={() => void setVerified(false)}>
                {t('safety.unmark')}
              </button>
            </div>
          ) : (
            <div className="actions">
              <button type="button" className="button" onClick={() => void setVerified(true)} data-autofocus>
                {t('safety.markVerified')}
              </button>
            </div>
          )}
        </>
      )}
    </Dialog>
  );
}
