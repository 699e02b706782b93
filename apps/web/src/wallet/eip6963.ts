// EIP-6963 multi-wallet discovery (https://eips.ethereum.org/EIPS/eip-6963). The app dispatches
// `eip6963:requestProvider`; every installed wallet answers with `eip6963:announceProvider`,
// carrying its name, icon and EIP-1193 provider. Wallets that predate EIP-6963 only set
// `window.ethereum`: it is offered as a fallback while no wallet has announced itself.
// The event target is a parameter, so tests drive this with a plain EventTarget.
import type { Eip1193Provider } from '../../../../packages/engine/src/engine-api';

export const ANNOUNCE_EVENT = 'eip6963:announceProvider';
export const REQUEST_EVENT = 'eip6963:requestProvider';

export interface Eip6963ProviderInfo {
  readonly uuid: string;
  readonly name: string;
  /** A data: URI image (the spec requires one; anything else is refused so no icon can track). */
  readonly icon: string;
  /** Reverse-DNS id of the wallet, such as io.metamask. */
  readonly rdns: string;
}

export interface DiscoveredWallet {
  readonly info: Eip6963ProviderInfo;
  readonly provider: Eip1193Provider;
  /** Found on window.ethereum rather than announced; the UI gives it a generic name. */
  readonly legacy: boolean;
}

/** What discovery needs from `window`. */
export interface DiscoveryTarget {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  dispatchEvent(event: Event): boolean;
  readonly ethereum?: unknown;
}

export interface WalletDiscovery {
  /** Starts listening and asks every wallet to announce itself. Safe to call more than once. */
  start(): void;
  stop(): void;
  /** The current list; the same array object until it changes (for useSyncExternalStore). */
  wallets(): readonly DiscoveredWallet[];
  subscribe(listener: () => void): () => void;
}

export const LEGACY_UUID = 'legacy:window.ethereum';
const MAX_NAME_CHARS = 64;

export function isEip1193Provider(value: unknown): value is Eip1193Provider {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { request?: unknown }).request === 'function'
  );
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Validates an announcement's detail; returns undefined for anything malformed. */
export function parseAnnouncement(
  detail: unknown,
): { info: Eip6963ProviderInfo; provider: Eip1193Provider } | undefined {
  if (typeof detail !== 'object' || detail === null) return undefined;
  const { info, provider } = detail as { info?: unknown; provider?: unknown };
  if (typeof info !== 'object' || info === null || !isEip1193Provider(provider)) return undefined;
  const { uuid, name, icon, rdns } = info as Record<string, unknown>;
  if (!nonEmptyString(uuid) || !nonEmptyString(name) || !nonEmptyString(rdns)) return undefined;
  if (typeof icon !== 'string' || !icon.startsWith('data:image/')) return undefined;
  return {
    info: { uuid, name: name.trim().slice(0, MAX_NAME_CHARS), icon, rdns },
    provider,
  };
}

export function createWalletDiscovery(target: DiscoveryTarget): WalletDiscovery {
  const announced = new Map<string, DiscoveredWallet>();
  const listeners = new Set<() => void>();
  let listening = false;
  let snapshot: readonly DiscoveredWallet[] = [];

  const legacyWallet = (): DiscoveredWallet | undefined => {
    const ethereum = target.ethereum;
    if (!isEip1193Provider(ethereum)) return undefined;
    return {
      info: { uuid: LEGACY_UUID, name: '', icon: '', rdns: 'legacy' },
      provider: ethereum,
      legacy: true,
    };
  };

  const rebuild = (): void => {
    const list = [...announced.values()];
    const legacy = list.length === 0 ? legacyWallet() : undefined;
    snapshot = legacy ? [legacy] : list;
    for (const listener of listeners) listener();
  };

  const onAnnounce = (event: Event): void => {
    const parsed = parseAnnouncement((event as CustomEvent<unknown>).detail);
    if (!parsed) return;
    const existing = announced.get(parsed.info.uuid);
    // The spec keys wallets by uuid; a repeat announcement with the same provider changes nothing.
    if (existing && existing.provider === parsed.provider && existing.info.name === parsed.info.name) return;
    announced.set(parsed.info.uuid, { ...parsed, legacy: false });
    rebuild();
  };

  return {
    start() {
      if (!listening) {
        target.addEventListener(ANNOUNCE_EVENT, onAnnounce);
        listening = true;
        rebuild();
      }
      target.dispatchEvent(new Event(REQUEST_EVENT));
    },
    stop() {
      if (listening) target.removeEventListener(ANNOUNCE_EVENT, onAnnounce);
      listening = false;
    },
    wallets: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
