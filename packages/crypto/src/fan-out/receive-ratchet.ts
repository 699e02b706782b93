// Receiving one ratchet envelope (docs/protocol.md §5.9, check order in §5.7): decode, refuse a
// revoked or unknown sender before any key is touched, then open it on the session it belongs to,
// starting a new session with X3DH for a first message. Nothing changes unless the AEAD opens.
import { CryptoError } from '../errors';
import type { PrekeyStore } from '../prekeys/device-prekeys';
import { bytesToHex, equalBytes } from '../primitives/bytes';
import type { CryptoSuite } from '../primitives/suite';
import {
  decodeRatchetMessage,
  type RatchetMessage,
  ratchetDecrypt,
  recognizesRatchetKey,
} from '../ratchet/ratchet-decrypt';
import { disposeRatchetState } from '../ratchet/ratchet-dispose';
import { responderState } from '../ratchet/ratchet-session';
import type { RatchetState } from '../ratchet/ratchet-state';
import { type LocalIdentity, x3dhRespond } from '../x3dh/x3dh';
import { type DeviceSessions, type SessionMap, sessionStates, withActive } from './device-sessions';

/** What the caller's verified device logs say about the sender device. */
export type SenderDevice =
  | { readonly status: 'active'; readonly identityKey: Uint8Array }
  | { readonly status: 'revoked' }
  | { readonly status: 'unknown' };

export interface ReceiveParams {
  readonly suite: CryptoSuite;
  readonly sessions: SessionMap;
  readonly myDevice: LocalIdentity;
  readonly envelope: Uint8Array;
  /** Looks the envelope's sender device id up in the verified device logs. */
  readonly lookupSender: (deviceId: Uint8Array) => SenderDevice | Promise<SenderDevice>;
  readonly prekeys: PrekeyStore;
  readonly now: number;
}

export interface ReceiveResult {
  readonly plaintext: Uint8Array;
  readonly conversationId: Uint8Array;
  readonly senderDevice: Uint8Array;
  /** The next sessions: store them, then disposeSessionMap(params.sessions, sessions). */
  readonly sessions: SessionMap;
  /**
   * The one-time prekey a new session used. Delete it (consumeOneTimePrekey) in the same
   * transaction that stores the sessions: a second first message on it must fail with replay.
   */
  readonly usedOneTimePrekeyId: number | null;
}

interface Opened {
  readonly plaintext: Uint8Array;
  readonly state: RatchetState;
  /** The stored state this one succeeds; undefined for a new session. */
  readonly replaced: RatchetState | undefined;
  readonly usedOneTimePrekeyId: number | null;
}

async function openNewSession(p: ReceiveParams, m: RatchetMessage, identityKey: Uint8Array): Promise<Opened> {
  const prekey = m.header.prekey;
  if (!prekey) throw new CryptoError('bad_input', 'no session with the sender device');
  const sender = m.envelope.senderDevice;
  const x3dh = await x3dhRespond(p.suite, p.myDevice, sender, identityKey, prekey, p.prekeys);
  const initial = responderState(x3dh, prekey.baseKey, {
    localDevice: p.myDevice.deviceId,
    remoteDevice: sender,
    remoteIdentityKey: identityKey,
    now: p.now,
  });
  try {
    const opened = await ratchetDecrypt(p.suite, initial, m, p.now);
    disposeRatchetState(initial, opened.state);
    return { ...opened, replaced: undefined, usedOneTimePrekeyId: x3dh.usedOneTimePrekeyId };
  } catch (e) {
    disposeRatchetState(initial);
    throw e;
  }
}

async function openExisting(p: ReceiveParams, m: RatchetMessage, entry: DeviceSessions): Promise<Opened> {
  const states = sessionStates(entry);
  const done = async (state: RatchetState): Promise<Opened> => ({
    ...(await ratchetDecrypt(p.suite, state, m, p.now)),
    replaced: state,
    usedOneTimePrekeyId: null,
  });
  // A session that knows the message's ratchet key is the only one that can open it, and its
  // verdict (replay, too_many_skipped, bad_mac) is final.
  const owner = states.find((s) => recognizesRatchetKey(s, m.header.ratchetKey));
  if (owner) return done(owner);
  // Otherwise the message starts a new chain on one of them: try each, active first (Sesame).
  let first: unknown;
  for (const state of states) {
    try {
      return await done(state);
    } catch (e) {
      first ??= e;
    }
  }
  throw first;
}

/**
 * Check order: decode (bad_input, unsupported); the sender is not this device (bad_input); the
 * sender is active in the device log (revoked, unknown_device), before any decryption; the stored
 * sessions and a prekey part name the sender's identity key from the log (bad_key); then the
 * session's own checks (replay, too_many_skipped, bad_key, bad_mac).
 */
export async function receiveRatchet(p: ReceiveParams): Promise<ReceiveResult> {
  const m = decodeRatchetMessage(p.envelope);
  const sender = m.envelope.senderDevice;
  if (equalBytes(sender, p.myDevice.deviceId))
    throw new CryptoError('bad_input', 'envelope from this device');
  const status = await p.lookupSender(sender);
  if (status.status === 'revoked') throw new CryptoError('revoked', 'sender device is revoked');
  if (status.status !== 'active') throw new CryptoError('unknown_device', 'sender device is unknown');
  const id = bytesToHex(sender);
  const entry = p.sessions.get(id);
  if (entry && sessionStates(entry).some((s) => !equalBytes(s.remoteIdentityKey, status.identityKey))) {
    throw new CryptoError('bad_key', 'session identity key does not match the device log');
  }
  const prekey = m.header.prekey;
  if (prekey && !equalBytes(prekey.identityKey, status.identityKey)) {
    throw new CryptoError('bad_key', 'prekey message identity key does not match the device log');
  }
  // A prekey message belongs to the session its X3DH run (base key) started, if we have it.
  const known = prekey
    ? entry &&
      sessionStates(entry).find((s) => s.role === 'responder' && equalBytes(s.baseKey, prekey.baseKey))
    : undefined;
  let opened: Opened;
  if (known) {
    opened = {
      ...(await ratchetDecrypt(p.suite, known, m, p.now)),
      replaced: known,
      usedOneTimePrekeyId: null,
    };
  } else if (prekey || !entry) {
    opened = await openNewSession(p, m, status.identityKey);
  } else {
    opened = await openExisting(p, m, entry);
  }
  const sessions = new Map(p.sessions);
  sessions.set(id, withActive(entry, opened.state, opened.replaced));
  return {
    plaintext: opened.plaintext,
    conversationId: m.envelope.conversationId,
    senderDevice: sender,
    sessions,
    usedOneTimePrekeyId: opened.usedOneTimePrekeyId,
  };
}
