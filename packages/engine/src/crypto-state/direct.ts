// One-to-one messages (docs/protocol.md §5.9): sealed once per device pair, to each of the peer's
// active devices and to this account's other active devices (Sesame fan-out), each on its own
// ratchet session. Recipients come from the device logs as verified in this round, so a device
// linked a moment ago gets the next message and a revoked one does not.
import { bytesToHex, type DeviceLogState, hexToBytes } from '@parley/crypto';
import {
  consumeOneTimePrekey,
  devicesWithoutSession,
  type FanOutRecipient,
  fanOut,
  type PrekeyBundle,
  prekeyStoreOf,
  receiveRatchet,
} from '../deps/crypto';
import { encodeBase64url, ProtocolError, prekeyIdFromHex, splitSignedPrekey } from '../deps/protocol';
import type { Identities } from '../identity/identities';
import type { Logger } from '../ports/logger';
import type { SealedEnvelope } from '../store/schema';
import type { RelayApi } from '../transport/relay-api';
import type { CryptoState, Workspace } from './crypto-state';

export interface DirectContext {
  readonly crypto: CryptoState;
  readonly identities: Identities;
  readonly api: RelayApi;
  readonly logger: Logger;
  readonly me: string;
  readonly now: () => number;
}

interface Recipient extends FanOutRecipient {
  readonly address: string;
}

function devicesOf(state: DeviceLogState | undefined, address: string, skip: string): Recipient[] {
  return (state?.devices ?? [])
    .filter((d) => d.deviceId !== skip)
    .map((d) => ({
      address,
      deviceId: hexToBytes(d.deviceId),
      identityKey: d.agreementKey,
      signingKey: d.signingKey,
    }));
}

async function claimBundle(ctx: DirectContext, r: Recipient): Promise<PrekeyBundle | undefined> {
  try {
    const wire = await ctx.api.claimPrekeyBundle(r.address, bytesToHex(r.deviceId));
    const signed = splitSignedPrekey(wire.signedPrekey);
    return {
      deviceId: r.deviceId,
      identityKey: r.identityKey,
      signingKey: r.signingKey,
      signedPrekey: {
        id: signed.id,
        publicKey: hexToBytes(signed.publicKey),
        signature: hexToBytes(signed.signature),
      },
      ...(wire.oneTimePrekey
        ? {
            oneTimePrekey: {
              id: prekeyIdFromHex(wire.oneTimePrekey.keyId),
              publicKey: hexToBytes(wire.oneTimePrekey.publicKey),
            },
          }
        : {}),
    };
  } catch (error) {
    // A device that has not published prekeys yet (it is still linking) cannot get this message.
    if (error instanceof ProtocolError && error.kind === 'not_found') return undefined;
    throw error;
  }
}

/** Seals `plaintext` for every device of `peer` and this account's other devices. */
export async function sealDirect(
  ctx: DirectContext,
  ws: Workspace,
  conversationId: string,
  peer: string,
  clientId: string,
  plaintext: Uint8Array,
): Promise<SealedEnvelope[]> {
  const self = ws.device.deviceId;
  const recipients = [
    ...devicesOf(await ctx.identities.current(peer), peer, self),
    ...devicesOf(await ctx.identities.current(ctx.me), ctx.me, self),
  ];
  const sessions = await ws.sessions(conversationId);
  const missing = new Set(devicesWithoutSession(sessions, recipients).map(bytesToHex));
  const ready: FanOutRecipient[] = [];
  let peerDevices = 0;
  for (const r of recipients) {
    const bundle = missing.has(bytesToHex(r.deviceId)) ? await claimBundle(ctx, r) : undefined;
    if (missing.has(bytesToHex(r.deviceId)) && !bundle) {
      ctx.logger.warn('direct: a recipient device has no prekeys yet', { device: bytesToHex(r.deviceId) });
      continue;
    }
    ready.push(bundle ? { ...r, bundle } : r);
    if (r.address === peer) peerDevices++;
  }
  if (peerDevices === 0) {
    // Retryable: the peer may link a device (or publish prekeys) later.
    throw new ProtocolError('unavailable', 'the recipient has no device that can receive messages yet');
  }
  const result = await fanOut({
    suite: ctx.crypto.suite,
    sender: { deviceId: hexToBytes(self), identityKey: ws.device.agreement },
    sessions,
    recipients: ready,
    conversationId: hexToBytes(conversationId),
    plaintext,
    now: ctx.now(),
  });
  ws.setSessions(conversationId, result.sessions);
  return result.envelopes.map((e) => ({
    conversationId,
    clientId,
    body: encodeBase64url(e.bytes),
    recipientDevice: bytesToHex(e.recipientDevice),
  }));
}

/**
 * Opens a ratchet envelope addressed to this device. The sender must be an active device of
 * `senderAddress`'s verified log (the relay names the address; the log decides the device).
 */
export async function openDirect(
  ctx: DirectContext,
  ws: Workspace,
  conversationId: string,
  senderAddress: string,
  body: Uint8Array,
): Promise<{ plaintext: Uint8Array; senderDevice: string }> {
  const prekeys = await ws.prekeys();
  if (!prekeys) throw new ProtocolError('internal', 'this device has no prekeys');
  const result = await receiveRatchet({
    suite: ctx.crypto.suite,
    sessions: await ws.sessions(conversationId),
    myDevice: { deviceId: hexToBytes(ws.device.deviceId), identityKey: ws.device.agreement },
    envelope: body,
    lookupSender: async (deviceId) => {
      const found = await ctx.identities.lookup(senderAddress, bytesToHex(deviceId));
      return found.status === 'active' ? { status: 'active', identityKey: found.agreementKey } : found;
    },
    prekeys: prekeyStoreOf(prekeys, ctx.now()),
    now: ctx.now(),
  });
  if (bytesToHex(result.conversationId) !== conversationId) {
    throw new ProtocolError('bad_request', 'the envelope names another conversation');
  }
  ws.setSessions(conversationId, result.sessions);
  if (result.usedOneTimePrekeyId !== null)
    ws.setPrekeys(consumeOneTimePrekey(prekeys, result.usedOneTimePrekeyId));
  return { plaintext: result.plaintext, senderDevice: bytesToHex(result.senderDevice) };
}
