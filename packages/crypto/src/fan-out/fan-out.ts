// Sending one message in a one-to-one conversation (docs/protocol.md §5.9), Sesame-style: the
// plaintext is sealed once per device pair, to each of the peer's active devices and to each of the
// sender's own other active devices, each with its own ratchet session.
import { CryptoError } from '../errors';
import type { DeviceKeysFromLog, PrekeyBundle } from '../prekeys/prekey-bundle';
import { assertLength, bytesToHex, equalBytes } from '../primitives/bytes';
import type { CryptoSuite } from '../primitives/suite';
import { disposeRatchetState } from '../ratchet/ratchet-dispose';
import { ratchetEncrypt } from '../ratchet/ratchet-encrypt';
import { initiatorState } from '../ratchet/ratchet-session';
import type { RatchetState } from '../ratchet/ratchet-state';
import { type LocalIdentity, x3dhInitiate } from '../x3dh/x3dh';
import { type DeviceSessions, type SessionMap, withActive } from './device-sessions';

/** 10 devices per account (§4): at most 10 peer devices and 9 own other devices. */
export const MAX_FAN_OUT = 19;

export interface FanOutRecipient extends DeviceKeysFromLog {
  /** A bundle claimed from the relay; needed only for a device without a session. */
  readonly bundle?: PrekeyBundle;
}

export interface FanOutParams {
  readonly suite: CryptoSuite;
  readonly sender: LocalIdentity;
  /** This conversation's sessions: one entry per device pair, keyed by peer device id hex. */
  readonly sessions: SessionMap;
  /**
   * Every active device that must receive the message, with its keys from the verified device
   * logs: the peer's devices and the sender's own other devices. A device with a session but not
   * in this list is taken to be revoked: its sessions are dropped.
   */
  readonly recipients: readonly FanOutRecipient[];
  readonly conversationId: Uint8Array;
  readonly plaintext: Uint8Array;
  readonly now: number;
}

export interface FanOutResult {
  /** One envelope per recipient, in the order of `recipients`. */
  readonly envelopes: ReadonlyArray<{ readonly recipientDevice: Uint8Array; readonly bytes: Uint8Array }>;
  /** The next sessions: store them, then disposeSessionMap(params.sessions, sessions). */
  readonly sessions: SessionMap;
  /** Hex ids of devices whose sessions were dropped because they are no longer recipients. */
  readonly dropped: readonly string[];
}

/** The recipients with no session yet: claim a prekey bundle for each before calling fanOut. */
export function devicesWithoutSession(
  sessions: SessionMap,
  recipients: readonly { readonly deviceId: Uint8Array }[],
): Uint8Array[] {
  return recipients.filter((r) => !sessions.has(bytesToHex(r.deviceId))).map((r) => r.deviceId);
}

function checkRecipients(p: FanOutParams): string[] {
  if (p.recipients.length > MAX_FAN_OUT) throw new CryptoError('limit', 'too many recipient devices');
  assertLength(p.conversationId, 16, 'conversation id');
  const ids = p.recipients.map((r) => {
    assertLength(r.deviceId, 16, 'recipient device id');
    if (equalBytes(r.deviceId, p.sender.deviceId))
      throw new CryptoError('bad_input', 'sender listed as recipient');
    return bytesToHex(r.deviceId);
  });
  if (new Set(ids).size !== ids.length) throw new CryptoError('bad_input', 'duplicate recipient device');
  return ids;
}

async function sessionFor(
  p: FanOutParams,
  r: FanOutRecipient,
  entry: DeviceSessions | undefined,
): Promise<{ state: RatchetState; created: boolean }> {
  if (entry) {
    // A device id names one key for life (§4): a session with any other key is not this device's.
    if (!equalBytes(entry.active.remoteIdentityKey, r.identityKey)) {
      throw new CryptoError('bad_key', 'session identity key does not match the device log');
    }
    return { state: entry.active, created: false };
  }
  if (!r.bundle) throw new CryptoError('bad_input', 'no session and no prekey bundle for a recipient device');
  const x3dh = await x3dhInitiate(p.suite, p.sender, r.bundle, r);
  const state = await initiatorState(p.suite, x3dh, r.bundle.signedPrekey.publicKey, {
    localDevice: p.sender.deviceId,
    remoteDevice: r.deviceId,
    remoteIdentityKey: r.identityKey,
    now: p.now,
  });
  return { state, created: true };
}

/**
 * All or nothing: if any recipient fails (a bad bundle, a missing bundle, a limit), nothing is
 * returned and `params.sessions` is as it was. Sessions are created one after another, so a
 * seeded Random gives reproducible output.
 */
export async function fanOut(p: FanOutParams): Promise<FanOutResult> {
  const ids = checkRecipients(p);
  const next = new Map<string, DeviceSessions>();
  const envelopes: Array<{ recipientDevice: Uint8Array; bytes: Uint8Array }> = [];
  // States this call produced, with the stored state each succeeds (none for a new session), so
  // a failure can wipe exactly what it created.
  const produced: Array<{ state: RatchetState; base: RatchetState | undefined }> = [];
  try {
    for (const [i, r] of p.recipients.entries()) {
      const id = ids[i] as string;
      const entry = p.sessions.get(id);
      const { state, created } = await sessionFor(p, r, entry);
      if (created) produced.push({ state, base: undefined });
      const sealed = await ratchetEncrypt(p.suite, state, {
        conversationId: p.conversationId,
        plaintext: p.plaintext,
        now: p.now,
      });
      produced.push({ state: sealed.state, base: entry?.active });
      // A new session's first state was never stored anywhere: wipe what its successor dropped.
      if (created) disposeRatchetState(state, sealed.state);
      next.set(id, withActive(entry, sealed.state, entry?.active));
      envelopes.push({ recipientDevice: r.deviceId, bytes: sealed.envelope });
    }
  } catch (e) {
    for (const { state, base } of produced) disposeRatchetState(state, base);
    throw e;
  }
  const dropped = [...p.sessions.keys()].filter((id) => !next.has(id));
  return { envelopes, sessions: next, dropped };
}
