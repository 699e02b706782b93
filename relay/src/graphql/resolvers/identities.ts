// Device logs (verified entry by entry with @parley/crypto before they are stored) and prekeys.
import { z } from 'zod';
import {
  appendDeviceLogEntry,
  bytesToHex,
  type DeviceLogState,
  isCryptoError,
  verifyDeviceLog,
} from '../../deps/crypto';
import {
  Address,
  DEVICE_LOG_PAGE_MAX,
  DeviceLogEntryWire,
  hexBytes,
  Id16,
  ProtocolError,
} from '../../deps/protocol';
import { deviceTopic } from '../../pubsub/pubsub';
import type { DeviceRecord } from '../../store/store';
import { nonNegative } from '../args';
import type { Services } from '../context';
import type { Resolvers } from './types';

const MAX_ONE_TIME_PER_CALL = 200;

const DeviceLogArgs = z.object({ address: Address, fromSeq: nonNegative });
const PublishLogArgs = z.object({
  fromSeq: z.number().int().min(0),
  entries: z.array(DeviceLogEntryWire).min(1).max(DEVICE_LOG_PAGE_MAX),
});
const PublishPrekeysArgs = z.object({
  signedPrekey: z.string().min(1).max(2048).nullish(),
  oneTimePrekeys: z
    .array(z.object({ keyId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), publicKey: hexBytes(32) }))
    .max(MAX_ONE_TIME_PER_CALL),
});
const ClaimArgs = z.object({ address: Address, deviceId: Id16 });

/** CryptoError kinds from device-log verification, as wire kinds. */
function logRefusal(error: unknown, offset: number): ProtocolError {
  if (!isCryptoError(error)) return new ProtocolError('internal', 'device log verification failed');
  const at = error.index === undefined ? '' : ` (entry ${error.index - offset})`;
  switch (error.kind) {
    case 'forged_entry':
    case 'bad_signature':
      return new ProtocolError('bad_signature', `a device-log signature does not verify${at}`);
    case 'broken_chain':
      return new ProtocolError('conflict', `the entry does not extend the log${at}: ${error.message}`);
    default:
      return new ProtocolError('bad_request', `the device-log entry is refused${at}: ${error.message}`);
  }
}

function parseStored(entries: readonly string[]) {
  return entries.map((e) => DeviceLogEntryWire.parse(JSON.parse(e)));
}

async function storedState(s: Services, address: string, stored: readonly string[]) {
  if (stored.length === 0) return undefined;
  return verifyDeviceLog(s.suite, address, parseStored(stored), { now: s.clock.now() });
}

function deviceRows(state: DeviceLogState): DeviceRecord[] {
  return [
    ...state.devices.map((d) => ({
      deviceId: d.deviceId,
      signingKey: bytesToHex(d.signingKey),
      active: true,
    })),
    ...state.revoked.map((d) => ({
      deviceId: d.deviceId,
      signingKey: bytesToHex(d.signingKey),
      active: false,
    })),
  ];
}

export const identityResolvers: Resolvers = {
  Query: {
    deviceLog: async (_, args, ctx) => {
      ctx.requireSession();
      const { address, fromSeq } = DeviceLogArgs.parse(args);
      const all = await ctx.services.store.getDeviceLog(address);
      const page = all.slice(fromSeq, fromSeq + DEVICE_LOG_PAGE_MAX);
      return {
        address,
        fromSeq,
        entries: parseStored(page),
        hasMore: fromSeq + page.length < all.length,
      };
    },
  },
  Mutation: {
    publishDeviceLog: async (_, args, ctx) => {
      const session = ctx.requireSession();
      const { fromSeq, entries } = PublishLogArgs.parse(args);
      const s = ctx.services;
      const stored = await s.store.getDeviceLog(session.address);
      if (fromSeq !== stored.length)
        throw new ProtocolError('conflict', `the log has ${stored.length} entries`);
      let state: DeviceLogState | undefined;
      try {
        state = await storedState(s, session.address, stored);
        for (const entry of entries) {
          state = await appendDeviceLogEntry(s.suite, state, session.address, entry, { now: s.clock.now() });
        }
      } catch (error) {
        throw logRefusal(error, fromSeq);
      }
      if (state === undefined) throw new ProtocolError('bad_request', 'no entries');
      const json = entries.map((e) => JSON.stringify(DeviceLogEntryWire.parse(e)));
      await s.store.appendDeviceLog(session.address, fromSeq, json, deviceRows(state));
      // A device the log revokes loses its sessions at once, not when they expire.
      for (const d of state.revoked) {
        await s.store.revokeDeviceSessions(session.address, d.deviceId, s.clock.now());
        await s.pubsub.publish(deviceTopic(session.address, d.deviceId), { type: 'revoked' });
      }
      s.logger.info({ address: session.address, seq: state.seq }, 'device log appended');
      return { seq: state.seq, hash: bytesToHex(state.head) };
    },
    publishPrekeys: async (_, args, ctx) => {
      const session = ctx.requireSession();
      const a = PublishPrekeysArgs.parse(args);
      const device = await ctx.services.store.getDevice(session.address, session.deviceId);
      if (device === undefined || !device.active) {
        throw new ProtocolError('forbidden', 'publish a device log that links this device first');
      }
      await ctx.services.store.putPrekeys(
        session.address,
        session.deviceId,
        a.signedPrekey ?? undefined,
        a.oneTimePrekeys,
      );
      return true;
    },
    claimPrekeyBundle: async (_, args, ctx) => {
      ctx.requireSession();
      const { address, deviceId } = ClaimArgs.parse(args);
      const bundle = await ctx.services.store.claimPrekeyBundle(address, deviceId);
      if (bundle === undefined) throw new ProtocolError('not_found', 'no prekey bundle for this device');
      return { ...bundle, oneTimePrekey: bundle.oneTimePrekey ?? null };
    },
  },
};
