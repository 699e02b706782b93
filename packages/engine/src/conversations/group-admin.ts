// An admin changing a group (docs/relay.md "Group control messages", docs/protocol.md §6.2):
// build the control on the current verified state, sign it with this device's key, derive the
// next epoch and seal it to the devices that need it, and send both in one groupControl call. The
// new epoch is stored only once the relay has accepted the control, in the same transaction as
// the group's new state.
import { bytesToHex, hexToBytes } from '@parley/crypto';
import type { Workspace } from '../crypto-state/crypto-state';
import {
  advanceEpoch,
  createEpoch,
  createGroupSession,
  currentEpoch,
  decodeEnvelope,
  decodeWrapEntries,
  type GroupMember,
  installEpoch,
  rotateEpoch,
  sealEpochWraps,
} from '../deps/crypto';
import {
  Address,
  encodeBase64url,
  type GroupControlWire,
  groupControlSigningInput,
  ProtocolError,
} from '../deps/protocol';
import { type GroupState, genesisState, rolesAfter, stateHashAfter } from './group-state';
import { fields, type Groups, type GroupsContext, memberDevices } from './groups';

function normalize(addresses: readonly string[]): string[] {
  const out = new Set<string>();
  for (const a of addresses) {
    const parsed = Address.safeParse(a.toLowerCase());
    if (!parsed.success) throw new ProtocolError('bad_request', `not an address: ${a.slice(0, 64)}`);
    out.add(parsed.data);
  }
  return [...out].sort();
}

/** Wrap envelopes as the relay takes them: one per recipient device, the part holding its entry. */
function wrapsFor(envelopes: readonly Uint8Array[]): Array<{ recipientDevice: string; body: string }> {
  const out: Array<{ recipientDevice: string; body: string }> = [];
  for (const bytes of envelopes) {
    const body = encodeBase64url(bytes);
    for (const entry of decodeWrapEntries(decodeEnvelope(bytes).ciphertext)) {
      out.push({ recipientDevice: bytesToHex(entry.recipientDevice), body });
    }
  }
  return out;
}

export async function createGroup(
  groups: Groups,
  ctx: GroupsContext,
  name: string,
  members: readonly string[],
): Promise<string> {
  const conversation = await ctx.api.createGroup();
  const genesis = genesisState(conversation.id, ctx.me);
  if (conversation.stateHash !== genesis.stateHash || conversation.createdBy !== ctx.me) {
    throw new ProtocolError('bad_request', 'the relay created the group with another genesis state');
  }
  await ctx.directory.store(conversation, name);
  await ctx.db.conversations.update(conversation.id, fields(genesis));
  const others = normalize(members).filter((m) => m !== ctx.me);
  if (others.length > 0) await groups.add(conversation.id, others);
  return conversation.id;
}

export function changeMembers(
  groups: Groups,
  ctx: GroupsContext,
  conversationId: string,
  action: 'add' | 'remove' | 'promote' | 'demote',
  addresses: readonly string[],
): Promise<void> {
  return ctx.crypto.exclusive(async (ws) => {
    const state = await groups.syncWithin(ws, conversationId);
    if (!state) throw new ProtocolError('not_found', 'no such active group');
    if (state.roles[ctx.me] !== 'admin')
      throw new ProtocolError('forbidden', 'only an admin may change the group');
    const targets = normalize(addresses).filter((t) => {
      const role = state.roles[t];
      if (action === 'add') return !role;
      if (action === 'promote') return role === 'member';
      // Removing or demoting: members other than me (an admin never demotes or removes itself
      // here, so a group cannot be left without the admin doing it).
      return t !== ctx.me && (action === 'remove' ? role !== undefined : role === 'admin');
    });
    if (targets.length === 0) return;
    await submitControl(ctx, ws, conversationId, state, action, targets);
  });
}

/**
 * Signs a control on `state`, derives the epoch it leads to and seals it to the devices that need
 * it, sends both in one groupControl call, and commits the new epoch and state with the section.
 * `add` advances the epoch (only the new devices get a wrap); `remove`, `promote`, `demote` and
 * `rotate` draw a fresh secret wrapped to every member device (docs/protocol.md §6.2). Call inside an exclusive section,
 * after syncWithin, as an admin.
 */
export async function submitControl(
  ctx: GroupsContext,
  ws: Workspace,
  conversationId: string,
  state: GroupState,
  action: 'add' | 'remove' | 'promote' | 'demote' | 'rotate',
  targets: readonly string[],
): Promise<void> {
  const body = {
    conversationId,
    action,
    targets: [...targets],
    prevStateHash: state.stateHash,
    signerAddress: ctx.me,
    signerDevice: ws.device.deviceId,
    issuedAt: ctx.now(),
  };
  const signature = bytesToHex(
    await ctx.crypto.suite.ed25519.sign(ws.device.signing.privateKey, groupControlSigningInput(body)),
  );
  const control: GroupControlWire = { ...body, signature };
  const stateHash = stateHashAfter(control);
  const roles = rolesAfter(state.roles, control);
  const now = ctx.now();
  const self = hexToBytes(ws.device.deviceId);
  const members = await memberDevices(ctx, roles);
  let session = await ws.group(conversationId);
  let recipients: GroupMember[];
  if (!session) {
    // The group's first epoch: a fresh secret for every member device.
    session = createGroupSession({
      selfDevice: self,
      epoch: createEpoch({
        random: ctx.random,
        conversationId: hexToBytes(conversationId),
        stateHash: hexToBytes(stateHash),
        members,
        now,
      }),
    });
    recipients = members;
  } else if (action === 'add') {
    const held = new Set(currentEpoch(session).members.map((m) => bytesToHex(m.deviceId)));
    const added = members.filter((m) => !held.has(bytesToHex(m.deviceId)));
    if (added.length === 0) throw new ProtocolError('not_found', 'the new members have no devices yet');
    installEpoch(
      session,
      advanceEpoch(currentEpoch(session), { stateHash: hexToBytes(stateHash), added, now }),
      now,
    );
    recipients = added;
  } else {
    // Removal, a role change, a device change or a scheduled rotation: a fresh secret, so no
    // device outside `members` (a removed member, a revoked device) can compute it, and the new
    // epoch is bound to the new state hash (roles are part of it).
    installEpoch(
      session,
      rotateEpoch(currentEpoch(session), {
        random: ctx.random,
        stateHash: hexToBytes(stateHash),
        members,
        now,
      }),
      now,
    );
    recipients = members;
  }
  const others = recipients.filter((m) => bytesToHex(m.deviceId) !== ws.device.deviceId);
  const envelopes =
    others.length === 0
      ? []
      : await sealEpochWraps(ctx.crypto.suite, {
          epoch: currentEpoch(session),
          recipients: others,
          admin: { deviceId: self, signingPrivateKey: ws.device.signing.privateKey },
        });
  const result = await ctx.api.groupControl(control, wrapsFor(envelopes));
  if (result.stateHash !== stateHash || result.index !== state.controlCount) {
    throw new ProtocolError('bad_request', 'the relay applied the control to another state');
  }
  ws.setGroup(conversationId, session);
  ws.stageConversation(conversationId, fields({ stateHash, controlCount: state.controlCount + 1, roles }));
  await ctx.crypto.commit(ws, [], async () => undefined);
}
