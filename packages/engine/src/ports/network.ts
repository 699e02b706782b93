// The Network port: what the platform says about connectivity (a browser's navigator.onLine and
// its online/offline events). While it says offline the engine shows `offline` and stops trying
// to reach the relay, so no reconnect attempts are spent on a network that is not there; when it
// says online again the engine reconnects at once, without waiting for a backoff timer.
export interface Network {
  /** The platform's current belief. A false "online" is harmless: the backoff loop handles it. */
  readonly onLine: boolean;
  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: (online: boolean) => void): () => void;
}

/** The default where the platform tells nothing (Node): always online. */
export const alwaysOnline: Network = {
  onLine: true,
  subscribe: () => () => undefined,
};
