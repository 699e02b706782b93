// System notifications for new messages while Parley is in the background. A notification says
// who wrote, never what: message text is end-to-end encrypted and stays out of the OS
// notification centre. One tag per conversation, so a burst (or a second tab) replaces rather
// than stacks.

export type Permission = NotificationPermission | 'unsupported';

export interface NotificationPort {
  permission(): Permission;
  requestPermission(): Promise<Permission>;
  /** True when no Parley window is visible to the person. */
  isBackgrounded(): boolean;
  show(title: string, options: { body: string; tag: string; url: string }): Promise<void>;
}

export interface UnreadSnapshot {
  readonly id: string;
  readonly unreadCount: number;
  readonly lastMessageAt: number;
}

/** Conversations whose unread count went up since the previous snapshot. */
export function newlyUnread(
  previous: ReadonlyMap<string, UnreadSnapshot>,
  current: readonly UnreadSnapshot[],
): UnreadSnapshot[] {
  return current.filter((c) => {
    const before = previous.get(c.id);
    return c.unreadCount > (before?.unreadCount ?? 0) && c.lastMessageAt > (before?.lastMessageAt ?? -1);
  });
}

export function shouldNotify(
  enabled: boolean,
  port: Pick<NotificationPort, 'permission' | 'isBackgrounded'>,
): boolean {
  return enabled && port.permission() === 'granted' && port.isBackgrounded();
}

/** The browser's Notification API, through the service worker when there is one (PWA-friendly). */
export function browserNotifications(): NotificationPort {
  const supported = typeof Notification !== 'undefined';
  return {
    permission: () => (supported ? Notification.permission : 'unsupported'),
    requestPermission: async () => (supported ? Notification.requestPermission() : 'unsupported'),
    isBackgrounded: () => document.visibilityState === 'hidden' || !document.hasFocus(),
    async show(title, { body, tag, url }) {
      const options: NotificationOptions = { body, tag, icon: '/icons/icon-192.png', data: { url } };
      const registration = await navigator.serviceWorker?.getRegistration();
      if (registration) {
        // public/sw-notifications.js focuses the app at `data.url` when the notification is clicked.
        await registration.showNotification(title, options);
        return;
      }
      const n = new Notification(title, options);
      n.onclick = () => {
        window.focus();
        window.location.hash = url.replace(/^.*#/, '#');
        n.close();
      };
    },
  };
}
