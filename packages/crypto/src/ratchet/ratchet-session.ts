// Starting a Double Ratchet session from an X3DH result (docs/protocol.md §5.5), as in Signal's
// spec: the initiator ratchets at once against the responder's signed prekey; the responder starts
// with its signed prekey pair as DHs and performs its first DH step on the first message.
import { wipe } from '../primitives/bytes';
import type { CryptoSuite } from '../primitives/suite';
import type { X3dhInitiation, X3dhResponse } from '../x3dh/x3dh';
import { kdfRoot } from './ratchet-kdf';
import { RATCHET_STATE_VERSION, type RatchetState } from './ratchet-state';

export interface SessionPeers {
  readonly localDevice: Uint8Array;
  readonly remoteDevice: Uint8Array;
  readonly remoteIdentityKey: Uint8Array;
  readonly now: number;
}

/** RatchetInitAlice: DHs fresh, DHr = SPK_B, (RK, CKs) = KDF_RK(SK, DH(DHs, SPK_B)). Wipes SK. */
export async function initiatorState(
  suite: CryptoSuite,
  x3dh: X3dhInitiation,
  remoteSignedPrekey: Uint8Array,
  peers: SessionPeers,
): Promise<RatchetState> {
  const sendingRatchet = await suite.x25519.generateKeyPair();
  let root: ReturnType<typeof kdfRoot>;
  try {
    const dh = await suite.x25519.sharedSecret(sendingRatchet.privateKey, remoteSignedPrekey);
    root = kdfRoot(x3dh.sk, dh, x3dh.ad);
    wipe(dh);
  } finally {
    wipe(x3dh.sk);
  }
  return {
    version: RATCHET_STATE_VERSION,
    role: 'initiator',
    localDevice: peers.localDevice,
    remoteDevice: peers.remoteDevice,
    remoteIdentityKey: peers.remoteIdentityKey,
    baseKey: x3dh.header.baseKey,
    ad: x3dh.ad,
    rootKey: root.rootKey,
    sendingRatchet,
    remoteRatchetKey: remoteSignedPrekey,
    sendingChain: { key: root.chainKey, n: 0 },
    receivingChain: null,
    previousCounter: 0,
    skipped: [],
    oldRemoteRatchetKeys: [],
    pendingPrekey: x3dh.header,
    createdAt: peers.now,
  };
}

/**
 * RatchetInitBob: DHs = the signed prekey pair (a copy, since disposing the session wipes it and
 * the prekey store keeps its own), RK = SK, no chains yet. This state cannot send: the caller
 * decrypts the first message with it at once and keeps only the state that returns.
 */
export function responderState(x3dh: X3dhResponse, baseKey: Uint8Array, peers: SessionPeers): RatchetState {
  return {
    version: RATCHET_STATE_VERSION,
    role: 'responder',
    localDevice: peers.localDevice,
    remoteDevice: peers.remoteDevice,
    remoteIdentityKey: peers.remoteIdentityKey,
    baseKey,
    ad: x3dh.ad,
    rootKey: x3dh.sk,
    sendingRatchet: {
      privateKey: x3dh.signedPrekey.privateKey.slice(),
      publicKey: x3dh.signedPrekey.publicKey,
    },
    remoteRatchetKey: null,
    sendingChain: null,
    receivingChain: null,
    previousCounter: 0,
    skipped: [],
    oldRemoteRatchetKeys: [],
    pendingPrekey: null,
    createdAt: peers.now,
  };
}
