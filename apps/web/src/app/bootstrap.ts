// Makes the app's concrete objects (DESIGN.md §2: the web app's engine setup is one of the two
// places that create adapters). Everything else receives them through React context.
import { ParleyDatabase } from '../../../../packages/engine/src/store/database';
import { createEngineStatus } from '../engine/engine-status';
import { createLazyEngine } from '../engine/lazy-engine';
import { readLanguageMirror } from '../i18n/language-mirror';
import { type Language, pickLanguage } from '../i18n/languages';
import { createInstallPrompt } from '../pwa/install-prompt';
import { browserNotifications } from '../pwa/notifications';
import { createServiceWorkerController } from '../pwa/service-worker';
import { applyTheme, readThemeMirror, resolveTheme } from '../theme/theme';
import { createApprovalQueue } from '../wallet/approval-queue';
import { createWalletDiscovery } from '../wallet/eip6963';
import { afterFirstScreen } from './first-screen';
import type { AppServices } from './services';

export const DATABASE_NAME = 'parley';
/** Ethereum mainnet: what the built-in wallet reports; signatures here never touch a chain. */
export const CHAIN_ID = 1;

export function bootstrap(): { services: AppServices; language: Language } {
  // First paint uses the mirrored theme; the preferences table takes over once read.
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  applyTheme(document, resolveTheme(readThemeMirror(localStorage), dark));
  const mirrored = readLanguageMirror(localStorage);
  const language = mirrored === 'auto' ? pickLanguage(navigator.languages) : mirrored;

  const db = new ParleyDatabase(DATABASE_NAME, {
    indexedDB: window.indexedDB,
    IDBKeyRange: window.IDBKeyRange,
  });
  // The engine (crypto, transport) is a separate chunk, fetched once the first screen is up.
  const engine = createLazyEngine(async () => {
    await afterFirstScreen(3000);
    return (await import('./engine-setup')).createEngine(DATABASE_NAME, db);
  });
  void engine.start().catch((error: unknown) => console.error('engine failed to start', error));

  const online = {
    get onLine() {
      return navigator.onLine;
    },
    addEventListener: (type: 'online' | 'offline', l: () => void) => window.addEventListener(type, l),
    removeEventListener: (type: 'online' | 'offline', l: () => void) => window.removeEventListener(type, l),
  };

  return {
    language,
    services: {
      db,
      engine,
      engineStatus: createEngineStatus(engine, online),
      discovery: createWalletDiscovery(window),
      approvals: createApprovalQueue(),
      installPrompt: createInstallPrompt(window),
      serviceWorker: createServiceWorkerController(import.meta.env.PROD),
      notifications: browserNotifications(),
      chainId: CHAIN_ID,
    },
  };
}
