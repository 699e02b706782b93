// Reading a stored RatchetState back (docs/protocol.md §5.10). IndexedDB hands back whatever was
// stored, including rows written by another version or damaged ones, so every field is checked
// before the state is used: a wrong version is 'unsupported', anything else malformed 'bad_input'.
import { CryptoError } from '../errors';
import type { KeyPair } from '../primitives/ed25519';
import type { PrekeyHeader } from '../x3dh/x3dh';
import {
  type ChainState,
  MAX_OLD_RATCHET_KEYS,
  MAX_SKIPPED_KEYS,
  RATCHET_STATE_VERSION,
  type RatchetState,
  type SkippedKey,
} from './ratchet-state';

type Fields = Record<string, unknown>;

const bad = (what: string) => new CryptoError('bad_input', `stored session: bad ${what}`);

function record(value: unknown, what: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(what);
  return value as Fields;
}

function bytes(value: unknown, length: number | undefined, what: string): Uint8Array {
  if (!(value instanceof Uint8Array) || (length !== undefined && value.length !== length)) throw bad(what);
  return value;
}

// Counters are u32 on the wire; a chain that has received message 0xFFFFFFFF holds n = 2^32.
function counter(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0x1_0000_0000)
    throw bad(what);
  return value;
}

function time(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw bad(what);
  return value;
}

function list(value: unknown, max: number, what: string): unknown[] {
  if (!Array.isArray(value) || value.length > max) throw bad(what);
  return value;
}

function keyPair(value: unknown): KeyPair {
  const f = record(value, 'ratchet key pair');
  return {
    privateKey: bytes(f.privateKey, 32, 'private key'),
    publicKey: bytes(f.publicKey, 32, 'public key'),
  };
}

function chain(value: unknown, what: string): ChainState | null {
  if (value === null) return null;
  const f = record(value, what);
  return { key: bytes(f.key, 32, what), n: counter(f.n, what) };
}

function skippedKey(value: unknown): SkippedKey {
  const f = record(value, 'skipped key');
  return {
    ratchetKey: bytes(f.ratchetKey, 32, 'skipped key'),
    n: counter(f.n, 'skipped key'),
    messageKey: bytes(f.messageKey, 32, 'skipped key'),
    storedAt: time(f.storedAt, 'skipped key'),
  };
}

function prekeyHeader(value: unknown): PrekeyHeader | null {
  if (value === null) return null;
  const f = record(value, 'prekey part');
  const opk = f.oneTimePrekeyId;
  return {
    identityKey: bytes(f.identityKey, 32, 'prekey part'),
    baseKey: bytes(f.baseKey, 32, 'prekey part'),
    signedPrekeyId: counter(f.signedPrekeyId, 'prekey part'),
    oneTimePrekeyId: opk === null ? null : counter(opk, 'prekey part'),
  };
}

export function parseRatchetState(value: unknown): RatchetState {
  const f = record(value, 'session');
  if (f.version !== RATCHET_STATE_VERSION) throw new CryptoError('unsupported', 'stored session version');
  if (f.role !== 'initiator' && f.role !== 'responder') throw bad('role');
  const remoteRatchetKey = f.remoteRatchetKey === null ? null : bytes(f.remoteRatchetKey, 32, 'ratchet key');
  return {
    version: RATCHET_STATE_VERSION,
    role: f.role,
    localDevice: bytes(f.localDevice, 16, 'device id'),
    remoteDevice: bytes(f.remoteDevice, 16, 'device id'),
    remoteIdentityKey: bytes(f.remoteIdentityKey, 32, 'identity key'),
    baseKey: bytes(f.baseKey, 32, 'base key'),
    ad: bytes(f.ad, undefined, 'associated data'),
    rootKey: bytes(f.rootKey, 32, 'root key'),
    sendingRatchet: keyPair(f.sendingRatchet),
    remoteRatchetKey,
    sendingChain: chain(f.sendingChain, 'sending chain'),
    receivingChain: chain(f.receivingChain, 'receiving chain'),
    previousCounter: counter(f.previousCounter, 'previous counter'),
    skipped: list(f.skipped, MAX_SKIPPED_KEYS, 'skipped keys').map(skippedKey),
    oldRemoteRatchetKeys: list(f.oldRemoteRatchetKeys, MAX_OLD_RATCHET_KEYS, 'old ratchet keys').map((k) =>
      bytes(k, 32, 'old ratchet key'),
    ),
    pendingPrekey: prekeyHeader(f.pendingPrekey),
    createdAt: time(f.createdAt, 'created at'),
  };
}
