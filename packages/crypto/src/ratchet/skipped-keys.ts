// Skipped message keys (docs/protocol.md §5.8): keys of messages that have not arrived yet, kept so
// that late or reordered messages still open. Bounded per chain (MAX_SKIP), in total
// (MAX_SKIPPED_KEYS, oldest evicted) and in age (SKIPPED_KEY_TTL_MS). Arrays are never mutated;
// a function that changes nothing returns its input, so the common path allocates nothing.
import { CryptoError } from '../errors';
import { equalBytes, wipe } from '../primitives/bytes';
import { kdfChain } from './ratchet-kdf';
import {
  type ChainState,
  MAX_SKIP,
  MAX_SKIPPED_KEYS,
  SKIPPED_KEY_TTL_MS,
  type SkippedKey,
} from './ratchet-state';

function expired(k: SkippedKey, now: number): boolean {
  return now - k.storedAt > SKIPPED_KEY_TTL_MS;
}

export function dropExpired(skipped: readonly SkippedKey[], now: number): readonly SkippedKey[] {
  return skipped.some((k) => expired(k, now)) ? skipped.filter((k) => !expired(k, now)) : skipped;
}

export function findSkipped(skipped: readonly SkippedKey[], ratchetKey: Uint8Array, n: number): number {
  return skipped.findIndex((k) => k.n === n && equalBytes(k.ratchetKey, ratchetKey));
}

export function hasChain(skipped: readonly SkippedKey[], ratchetKey: Uint8Array): boolean {
  return skipped.some((k) => equalBytes(k.ratchetKey, ratchetKey));
}

export function withoutIndex(skipped: readonly SkippedKey[], index: number): readonly SkippedKey[] {
  return [...skipped.slice(0, index), ...skipped.slice(index + 1)];
}

/** Appends `added` and evicts the oldest keys beyond MAX_SKIPPED_KEYS. */
export function appendSkipped(
  skipped: readonly SkippedKey[],
  added: readonly SkippedKey[],
): readonly SkippedKey[] {
  if (added.length === 0) return skipped;
  const all = [...skipped, ...added];
  return all.length > MAX_SKIPPED_KEYS ? all.slice(all.length - MAX_SKIPPED_KEYS) : all;
}

/**
 * Advances `chain` to message number `until`, returning the keys of messages n .. until-1 to keep.
 * Throws too_many_skipped before deriving anything if that is more than MAX_SKIP keys.
 * Every buffer it creates is pushed on `fresh`, so the caller can wipe them if the message fails.
 * Intermediate chain keys are wiped as soon as the next one exists; `chain.key` itself (owned by
 * the caller's state) is never touched.
 */
export function skipTo(
  chain: ChainState,
  until: number,
  ratchetKey: Uint8Array,
  now: number,
  fresh: Uint8Array[],
): { chain: ChainState; skipped: SkippedKey[] } {
  if (until - chain.n > MAX_SKIP) throw new CryptoError('too_many_skipped', 'too many skipped messages');
  const out: SkippedKey[] = [];
  let key = chain.key;
  for (let n = chain.n; n < until; n++) {
    const step = kdfChain(key);
    fresh.push(step.messageKey, step.chainKey);
    if (key !== chain.key) wipe(key);
    out.push({ ratchetKey, n, messageKey: step.messageKey, storedAt: now });
    key = step.chainKey;
  }
  return { chain: { key, n: Math.max(chain.n, until) }, skipped: out };
}
