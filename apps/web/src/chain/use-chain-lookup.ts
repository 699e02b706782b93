// Runs an on-chain lookup for a component: loads chain-module.ts on first use, re-runs when `key`
// changes, ignores answers for a key no longer shown, and remembers settled answers for the tab so
// a row scrolled back into view (the virtualised list remounts it) shows its name at once.
import { useEffect, useState } from 'react';
import { type ChainModule, loadChain } from './load-chain';

export type Lookup<T> =
  | { readonly state: 'off' } // no key: nothing to look up (no RPC configured, no address)
  | { readonly state: 'loading' }
  | { readonly state: 'done'; readonly value: T }
  | { readonly state: 'failed'; readonly error: unknown };

const MAX_REMEMBERED = 1000;
const settled = new Map<string, { readonly value: unknown }>();

function remember(key: string, value: unknown): void {
  settled.delete(key);
  settled.set(key, { value });
  if (settled.size > MAX_REMEMBERED) {
    const oldest = settled.keys().next().value;
    if (oldest !== undefined) settled.delete(oldest);
  }
}

/** `key` must identify everything `run` depends on (URL, chain, address...). */
export function useChainLookup<T>(
  key: string | undefined,
  run: (chain: ChainModule) => Promise<T>,
): Lookup<T> {
  const [result, setResult] = useState<{ readonly key: string; readonly lookup: Lookup<T> } | undefined>();
  // `run` is a fresh closure each render; the key says when it really changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by `key` on purpose
  useEffect(() => {
    if (key === undefined || settled.has(key)) return;
    let live = true;
    loadChain()
      .then(run)
      .then(
        (value) => {
          remember(key, value);
          if (live) setResult({ key, lookup: { state: 'done', value } });
        },
        (error: unknown) => {
          if (live) setResult({ key, lookup: { state: 'failed', error } });
        },
      );
    return () => {
      live = false;
    };
  }, [key]);

  if (key === undefined) return { state: 'off' };
  const known = settled.get(key);
  if (known) return { state: 'done', value: known.value as T };
  return result?.key === key ? result.lookup : { state: 'loading' };
}
