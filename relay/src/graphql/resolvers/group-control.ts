// Group control messages: the relay checks the signer's device signature (key from its verified
// device log), that the signer is an admin, that the control applies to the current state, and
// then orders it (docs/relay.md "Group control messages").
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { hexToBytes } from '../../deps/crypto';
import {
  EnvelopeBody,
  type GroupControlWire,
  groupControlJson,
  groupControlSigningInput,
  groupStateHashInput,
  hexBytes,
  Id16,
  MAX_ACTIVE_DEVICES,
  ProtocolError,
  parseGroupControl,
} from '../../deps/protocol';
import { addressTopic, conversationTopic } from '../../pubsub/pubsub';
import type { MembershipChange, RelayStore } from '../../store/store';
import { first, nonNegative } from '../args';
import type { Services } from '../context';
import { requireMember } from '../membership';
import type { Resolvers } from './types';

const Wraps = z
  .array(z.object({ recipientDevice: Id16, body: EnvelopeBody }))
  .max(64 * MAX_ACTIVE_DEVICES)
  .refine((w) => new Set(w.map((x) => x.recipientDevice)).size === w.length, 'one wrap per device');
const ListArgs = z.object({ conversationId: Id16, fromIndex: nonNegative, first: first(200, 100) });
const StateHash = hexBytes(32);

async function membershipChange(store: RelayStore, c: GroupControlWire): Promise<MembershipChange> {
  const roles = await Promise.all(c.targets.map((t) => store.getMember(c.conversationId, t)));
  const missing = c.targets.filter((_, i) => roles[i] === undefined);
  switch (c.action) {
    case 'add':
      if (missing.length !== c.targets.length)
        throw new ProtocolError('conflict', 'a target is already a member');
      return { add: c.targets.map((address) => ({ address, role: 'member' })), remove: [], setRole: [] };
    case 'remove':
      if (missing.length > 0) throw new ProtocolError('conflict', 'a target is not a member');
      return { add: [], remove: c.targets, setRole: [] };
    case 'promote':
    case 'demote':
      if (missing.length > 0) throw new ProtocolError('conflict', 'a target is not a member');
      return {
        add: [],
        remove: [],
        setRole: c.targets.map((address) => ({ address, role: c.action === 'promote' ? 'admin' : 'member' })),
      };
    case 'rotate':
      return { add: [], remove: [], setRole: [] };
  }
}

async function assertAdminsRemain(store: RelayStore, c: GroupControlWire) {
  if (c.action !== 'remove' && c.action !== 'demote') return;
  const leaving = new Set(c.targets);
  let after: string | undefined;
  for (;;) {
    const page = await store.listMembers(c.conversationId, after, 500);
    if (page.items.some((m) => m.role === 'admin' && !leaving.has(m.address))) return;
    if (!page.hasMore) break;
    after = page.items.at(-1)?.address;
  }
  throw new ProtocolError('conflict', 'a group must keep at least one admin');
}

async function verifySigner(s: Services, c: GroupControlWire, sessionAddress: string) {
  if (c.signerAddress !== sessionAddress) throw new ProtocolError('forbidden', 'sign controls as yourself');
  const conv = await s.store.getConversation(c.conversationId);
  const member = await s.store.getMember(c.conversationId, c.signerAddress);
  if (conv === undefined || member === undefined)
    throw new ProtocolError('forbidden', 'not a member of this conversation');
  if (conv.kind !== 'group') throw new ProtocolError('bad_request', 'only groups take control messages');
  if (member.role !== 'admin') throw new ProtocolError('forbidden', 'only an admin may change the group');
  const device = await s.store.getDevice(c.signerAddress, c.signerDevice);
  if (device === undefined || !device.active)
    throw new ProtocolError('forbidden', 'the signer device is not active');
  const ok = await s.suite.ed25519.verify(
    hexToBytes(device.signingKey),
    groupControlSigningInput(c),
    hexToBytes(c.signature),
  );
  if (!ok) throw new ProtocolError('bad_signature', 'the control signature does not verify');
  if (conv.stateHash !== StateHash.parse(c.prevStateHash)) {
    throw new ProtocolError('conflict', 'the control applies to a state that is no longer current');
  }
}

export const groupControlResolvers: Resolvers = {
  Query: {
    groupControls: async (_, args, ctx) => {
      const session = ctx.requireSession();
      const a = ListArgs.parse(args);
      await requireMember(ctx.services.store, a.conversationId, session.address);
      const page = await ctx.services.store.listControls(
        a.conversationId,
        session.deviceId,
        a.fromIndex,
        a.first,
      );
      return { items: page.items.map((c) => ({ ...c, wrap: c.wrap ?? null })), hasMore: page.hasMore };
    },
  },
  Mutation: {
    groupControl: async (_, args, ctx) => {
      const session = ctx.requireSession();
      const s = ctx.services;
      const control = parseGroupControl(args.control);
      const wraps = Wraps.parse(args.wraps ?? []);
      await verifySigner(s, control, session.address);
      const change = await membershipChange(s.store, control);
      await assertAdminsRemain(s.store, control);
      const stateHash = createHash('sha256').update(groupStateHashInput(control)).digest('hex');
      const json = groupControlJson(control);
      const record = await s.store.applyControl({
        conversationId: control.conversationId,
        prevStateHash: control.prevStateHash,
        newStateHash: stateHash,
        control: json,
        change,
        wraps,
        serverTime: s.clock.now(),
      });
      const event = {
        type: 'control' as const,
        conversationId: control.conversationId,
        action: control.action,
        targets: control.targets,
        stateHash,
        index: record.index,
        control: json,
        wraps,
      };
      await s.pubsub.publish(conversationTopic(control.conversationId), event);
      // New members are not subscribed to the conversation yet: reach them by address.
      for (const a of change.add) await s.pubsub.publish(addressTopic(a.address), event);
      s.logger.info(
        { conversationId: control.conversationId, index: record.index, action: control.action },
        'group control',
      );
      return { ...record, wrap: wraps.find((w) => w.recipientDevice === session.deviceId)?.body ?? null };
    },
  },
};
