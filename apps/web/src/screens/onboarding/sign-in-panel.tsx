// After a wallet is connected: say what will be signed and why, then sign in through the engine.
// The engine calls onPrompt right before each wallet prompt; the current step is highlighted
// and announced, so the person always knows what the wallet is asking for.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/describe-error';
import { useEngine, useServices } from '../../app/services';
import { shortAddress } from '../../format/address';
import type { ConnectedWallet } from '../../wallet/wallet-session';

type Step = 'sign-in' | 'link-device';

export function SignInPanel({ wallet, onBack }: { wallet: ConnectedWallet; onBack: () => void }) {
  const { t } = useTranslation();
  const engine = useEngine();
  const { approvals } = useServices();
  const headingId = useId();
  const [step, setStep] = useState<Step | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const signIn = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await engine.signIn({
        provider: wallet.provider,
        onPrompt: (what) => {
          setStep(what);
          approvals.setHint(what);
        },
      });
      // The engine writes the account row; the app switches to the chats by itself.
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
      setStep(undefined);
      approvals.setHint(undefined);
    }
  };

  const steps: ReadonlyArray<{ id: Step; title: string; body: string }> = [
    { id: 'sign-in', title: t('signIn.stepSignIn'), body: t('signIn.stepSignInBody') },
    { id: 'link-device', title: t('signIn.stepLink'), body: t('signIn.stepLinkBody') },
  ];

  return (
    <section className="onboarding__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('signIn.heading')}</h2>
      <p className="connected">
        {t('signIn.connectedWith', { wallet: wallet.name })}{' '}
        <code className="address" title={wallet.address} data-testid="connected-address">
          {wallet.address}
        </code>
      </p>
      <p className="muted">{t('signIn.explain', { wallet: wallet.name })}</p>
      <ol className="steps">
        {steps.map((s, i) => (
          <li
            key={s.id}
            className={step === s.id ? 'steps__item steps__item--current' : 'steps__item'}
            aria-current={step === s.id ? 'step' : undefined}
          >
            <span className="steps__number" aria-hidden="true">
              {i + 1}
            </span>
            <div>
              <strong>{s.title}</strong>
              <p>{s.body}</p>
              {step === s.id && (
                <p className="steps__now">{t('signIn.checkWallet', { wallet: wallet.name })}</p>
              )}
            </div>
          </li>
        ))}
      </ol>
      <p className="sr-only" role="status" aria-live="polite">
        {step
          ? t('signIn.announce', { step: step === 'sign-in' ? t('signIn.stepSignIn') : t('signIn.stepLink') })
          : ''}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button--ghost" onClick={onBack} disabled={busy}>
          {t('signIn.otherWallet')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void signIn()}
          disabled={busy}
          aria-busy={busy}
        >
          {busy ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
      </div>
      <p className="muted small">{t('signIn.short', { address: shortAddress(wallet.address) })}</p>
    </section>
  );
}
