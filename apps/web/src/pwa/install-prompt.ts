// "Install Parley": Chromium fires `beforeinstallprompt` when the app can be installed. We keep
// the event and offer our own button instead of the browser's mini-infobar. Other browsers never
// fire it, and the button simply does not appear.

export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export interface InstallPrompt {
  canInstall(): boolean;
  /** Shows the browser's install dialog; resolves with what the person chose. */
  install(): Promise<'accepted' | 'dismissed' | 'unavailable'>;
  subscribe(listener: () => void): () => void;
}

export function createInstallPrompt(target: Pick<EventTarget, 'addEventListener'>): InstallPrompt {
  let deferred: BeforeInstallPromptEvent | undefined;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of listeners) l();
  };
  target.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    notify();
  });
  target.addEventListener('appinstalled', () => {
    deferred = undefined;
    notify();
  });
  return {
    canInstall: () => deferred !== undefined,
    async install() {
      const event = deferred;
      if (!event) return 'unavailable';
      // A prompt event can be used once.
      deferred = undefined;
      notify();
      await event.prompt();
      return (await event.userChoice).outcome;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
