// The strip above the app: offline / reconnecting / catching up (from the engine), and the
// "new version" prompt (from the service worker). Announced politely to screen readers.
import { type ReactNode, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';

function useSecondsUntil(deadline: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return deadline === undefined ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
}

export function ConnectionBanner() {
  const { engineStatus } = useServices();
  const banner = useSyncExternalStore(engineStatus.subscribe, engineStatus.banner);
  const { t } = useTranslation();
  const seconds = useSecondsUntil(banner.kind === 'reconnecting' ? banner.retryAt : undefined);

  let content: ReactNode = null;
  if (banner.kind === 'offline') {
    content = <p>{t('banner.offline')}</p>;
  } else if (banner.kind === 'reconnecting') {
    content = (
      <p>{seconds > 0 ? t('banner.reconnectingIn', { count: seconds }) : t('banner.reconnecting')}</p>
    );
  } else if (banner.kind === 'catching-up') {
    content = (
      <>
        <p>{t('banner.catchingUp', { done: banner.done, total: banner.total })}</p>
        <progress max={banner.total} value={banner.done} aria-label={t('banner.catchUpProgress')} />
      </>
    );
  }
  return (
    <div
      className={`banner banner--${banner.kind}`}
      role="status"
      aria-live="polite"
      hidden={content === null}
    >
      {content}
    </div>
  );
}

export function UpdateBanner() {
  const { serviceWorker } = useServices();
  const ready = useSyncExternalStore(serviceWorker.subscribe, serviceWorker.updateReady);
  const { t } = useTranslation();
  if (!ready) return null;
  return (
    <div className="banner banner--update" role="status">
      <p>{t('banner.updateReady')}</p>
      <button type="button" className="button button--small" onClick={() => serviceWorker.applyUpdate()}>
        {t('banner.reload')}
      </button>
    </div>
  );
}
