// RFC 9180 §5.1: the key schedule for mode_base (docs/protocol.md §3.3).
//
// key_schedule_context = mode || psk_id_hash || info_hash depends only on the HPKE suite (fixed)
// and `info`, so it is cached per info: a group epoch wrap to 1,000 devices uses one info and
// would otherwise recompute the same two LabeledExtract calls 1,000 times.
import { wipe } from '../primitives/bytes';
import {
  EMPTY,
  HPKE_SUITE_ID,
  hpkeLabel,
  keyedHmac,
  labeledExpandKeyed,
  labeledExtract,
  N_H,
  N_K,
  N_N,
} from './labeled-kdf';

export const MODE_BASE = 0x00;

const PSK_ID_HASH = hpkeLabel('psk_id_hash');
const INFO_HASH = hpkeLabel('info_hash');
const SECRET = hpkeLabel('secret');
const KEY = hpkeLabel('key');
const BASE_NONCE = hpkeLabel('base_nonce');
const EXP = hpkeLabel('exp');

/** Cache bound: callers use a handful of info strings; the bound only stops unbounded growth. */
const MAX_CACHED_INFOS = 256;
/** Longer infos are not cached (they would make the cache keys large); they are still correct. */
const MAX_CACHED_INFO_LENGTH = 1024;

const contextCache = new Map<string, Uint8Array>();
let pskIdHash: Uint8Array | undefined;

function cacheKey(info: Uint8Array): string {
  let s = '';
  for (let i = 0; i < info.length; i++) s += String.fromCharCode(info[i] as number);
  return s;
}

function computeContext(info: Uint8Array): Uint8Array {
  // mode_base: psk = psk_id = "" (§5.1.1), so psk_id_hash is a constant.
  pskIdHash ??= labeledExtract(HPKE_SUITE_ID, EMPTY, PSK_ID_HASH, EMPTY);
  const infoHash = labeledExtract(HPKE_SUITE_ID, EMPTY, INFO_HASH, info);
  const context = new Uint8Array(1 + N_H + N_H);
  context[0] = MODE_BASE;
  context.set(pskIdHash, 1);
  context.set(infoHash, 1 + N_H);
  return context;
}

/** key_schedule_context for mode_base. The returned array is shared: never modify it. */
export function keyScheduleContext(info: Uint8Array): Uint8Array {
  if (info.length > MAX_CACHED_INFO_LENGTH) return computeContext(info);
  const k = cacheKey(info);
  const hit = contextCache.get(k);
  if (hit) return hit;
  const context = computeContext(info);
  if (contextCache.size >= MAX_CACHED_INFOS) {
    const oldest = contextCache.keys().next().value;
    if (oldest !== undefined) contextCache.delete(oldest);
  }
  contextCache.set(k, context);
  return context;
}

export interface KeySchedule {
  /** AEAD key (Nk = 32). */
  readonly key: Uint8Array;
  /** AEAD base nonce (Nn = 12). */
  readonly baseNonce: Uint8Array;
  /** Exporter secret (Nh = 32), only when asked for: single-shot seal and open never export. */
  readonly exporterSecret: Uint8Array | undefined;
}

/**
 * KeySchedule(mode_base, shared_secret, info, psk = "", psk_id = ""):
 *   secret = LabeledExtract(shared_secret, "secret", psk)
 *   key = LabeledExpand(secret, "key", key_schedule_context, Nk)
 *   base_nonce = LabeledExpand(secret, "base_nonce", key_schedule_context, Nn)
 *   exporter_secret = LabeledExpand(secret, "exp", key_schedule_context, Nh)
 */
export function keyScheduleBase(
  sharedSecret: Uint8Array,
  info: Uint8Array,
  withExporter = false,
): KeySchedule {
  const context = keyScheduleContext(info);
  const secret = labeledExtract(HPKE_SUITE_ID, sharedSecret, SECRET, EMPTY);
  // One HMAC keyed with `secret` serves all three expands.
  const keyed = keyedHmac(secret);
  wipe(secret);
  try {
    return {
      key: labeledExpandKeyed(keyed, HPKE_SUITE_ID, KEY, context, N_K),
      baseNonce: labeledExpandKeyed(keyed, HPKE_SUITE_ID, BASE_NONCE, context, N_N),
      exporterSecret: withExporter ? labeledExpandKeyed(keyed, HPKE_SUITE_ID, EXP, context, N_H) : undefined,
    };
  } finally {
    keyed.destroy();
  }
}
