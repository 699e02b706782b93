// Groups (docs/protocol.md §6): verified control messages decide who is a member, epochs carry the
// group secret. Adding members advances the epoch (only the new devices get a wrap); removing one
// rotates it to a fresh secret wrapped to every remaining device, so a removed member cannot read
// anything sent afterwards. Every group message is signed by its sender device and opened only
// after the signature, the epoch and the replay window check out.
import { bytesToHex, hexToBytes } from '@parley/crypto';
import type { CryptoState, Workspace } from '../crypto-state/crypto-state';
import type { DirectContext } from '../crypto-state/direct';
import {
  advanceEpoch,
  createGroupSession,
  currentEpoch,
  decodeEnvelope,
  decodeGroupHeader,
  epochFromSecret,
  type GroupMember,
  type GroupSession,
  heldEpoch,
  installEpoch,
  openEpochWrap,
  openGroupMessage,
  sealGroupMessage,
  wipeGroupSession,
} from '../deps/crypto';
import {
  decodeBase64url,
  encodeBase64url,
  type GroupControlWire,
  MAX_ENVELOPE_BODY_BYTES,
  ProtocolError,
} from '../deps/protocol';
import type { EngineEvents } from '../engine-api';
import type { Emitter } from '../events/emitter';
import type { ParleyDatabase } from '../store/database';
import type { ConversationRow, SealedEnvelope } from '../store/schema';
import type { EnvelopeOut, GroupControlOut } from '../transport/relay-schemas';
import type { ConversationDirectory } from './directory';
import { changeMembers, createGroup } from './group-admin';
import { type GroupState, genesisState, type Roles, verifyControl } from './group-state';

export interface GroupsContext extends DirectContext {
  readonly db: ParleyDatabase;
  readonly directory: ConversationDirectory;
  readonly random: (n: number) => Uint8Array;
  readonly events: Emitter<EngineEvents>;
}

const CONTROL_PAGE = 100;

export function stateOf(row: ConversationRow): GroupState {
  if (row.stateHash === undefined || row.verifiedMembers === undefined)
    return genesisState(row.id, row.createdBy ?? '');
  return { stateHash: row.stateHash, controlCount: row.controlCount ?? 0, roles: row.verifiedMembers };
}

/** Every active device of every member, from the verified device logs. */
export async function memberDevices(ctx: DirectContext, roles: Roles): Promise<GroupMember[]> {
  const out: GroupMember[] = [];
  for (const address of Object.keys(roles).sort()) {
    for (const d of await ctx.identities.activeDevices(address)) {
      out.push({ deviceId: hexToBytes(d.deviceId), signingKey: d.signingKey, agreementKey: d.agreementKey });
    }
  }
  return out;
}

export class Groups {
  constructor(private readonly ctx: GroupsContext) {}

  private get crypto(): CryptoState {
    return this.ctx.crypto;
  }

  /** Applies every control message this device has not applied yet. */
  sync(conversationId: string): Promise<void> {
    return this.crypto.exclusive(async (ws) => {
      await this.syncWithin(ws, conversationId);
      await this.crypto.commit(ws, [], async () => undefined);
    });
  }

  /**
   * Brings the group's verified state and epochs up to date inside a section. The changes are
   * staged on the workspace and written with it. Returns the state reached.
   */
  async syncWithin(ws: Workspace, conversationId: string): Promise<GroupState | undefined> {
    const row = await this.ctx.directory.ensure(conversationId);
    if (row.kind !== 'group' || row.active === false) return undefined;
    let state = stateOf(row);
    let session = await ws.group(conversationId);
    const start = state.controlCount;
    for (;;) {
      let page: { items: GroupControlOut[]; hasMore: boolean };
      try {
        page = await this.ctx.api.groupControls(conversationId, state.controlCount, CONTROL_PAGE);
      } catch (error) {
        // No longer a member: the relay will not even list the controls.
        if (error instanceof ProtocolError && error.kind === 'forbidden')
          return this.leave(ws, row.id, state, session);
        throw error;
      }
      for (const item of page.items) {
        const { control, next } = await verifyControl(
          this.crypto.suite,
          this.ctx.identities,
          conversationId,
          state,
          item,
        );
        if (control.action === 'remove' && control.targets.includes(this.ctx.me)) {
          return this.leave(ws, row.id, next, session);
        }
        session = await this.applyEpoch(ws, conversationId, session, control, next, item);
        state = next;
      }
      if (!page.hasMore || page.items.length === 0) break;
    }
    if (session) ws.setGroup(conversationId, session);
    if (state.controlCount !== start || row.stateHash === undefined)
      ws.stageConversation(conversationId, fields(state));
    return state;
  }

  private async applyEpoch(
    ws: Workspace,
    conversationId: string,
    session: GroupSession | undefined,
    control: GroupControlWire,
    next: GroupState,
    item: GroupControlOut,
  ): Promise<GroupSession | undefined> {
    const now = this.ctx.now();
    const id = hexToBytes(conversationId);
    if (item.wrap) {
      const signerKey = await this.ctx.identities.signingKeyEver(control.signerAddress, control.signerDevice);
      const wrap = await openEpochWrap(this.crypto.suite, {
        envelope: decodeBase64url(item.wrap, MAX_ENVELOPE_BODY_BYTES),
        conversationId: id,
        self: {
          deviceId: hexToBytes(ws.device.deviceId),
          agreementPrivateKey: ws.device.agreement.privateKey,
        },
        // Only the device that signed the control may sign its wraps.
        signingKeyOf: (d) => (bytesToHex(d) === control.signerDevice ? signerKey : undefined),
      });
      if (wrap && bytesToHex(wrap.stateHash) === next.stateHash) {
        const epoch = epochFromSecret({
          conversationId: id,
          epoch: wrap.epoch,
          epochSecret: wrap.epochSecret,
          stateHash: wrap.stateHash,
          members: await memberDevices(this.ctx, next.roles),
          now,
        });
        if (!session) return createGroupSession({ selfDevice: hexToBytes(ws.device.deviceId), epoch });
        if (epoch.epoch > currentEpoch(session).epoch) installEpoch(session, epoch, now);
        return session;
      }
    }
    if (control.action === 'add' && session) {
      // An advance: every member computes the next secret itself (docs/protocol.md §6.2).
      const added: GroupMember[] = [];
      for (const t of control.targets) added.push(...(await memberDevices(this.ctx, { [t]: 'member' })));
      if (added.length === 0) return session;
      installEpoch(
        session,
        advanceEpoch(currentEpoch(session), { stateHash: hexToBytes(next.stateHash), added, now }),
        now,
      );
    }
    return session;
  }

  /** This account is no longer a member: drop the group key, keep the history. */
  private leave(
    ws: Workspace,
    conversationId: string,
    state: GroupState,
    session: GroupSession | undefined,
  ): GroupState {
    if (session) wipeGroupSession(session);
    ws.dropGroup(conversationId);
    ws.stageConversation(conversationId, { ...fields(state), active: false });
    return state;
  }

  async seal(
    ws: Workspace,
    conversation: ConversationRow,
    clientId: string,
    plaintext: Uint8Array,
  ): Promise<SealedEnvelope[]> {
    let session = await ws.group(conversation.id);
    if (!session) {
      await this.syncWithin(ws, conversation.id);
      session = await ws.group(conversation.id);
    }
    if (!session) throw new ProtocolError('unavailable', 'this device does not have the group key yet');
    const sealed = await sealGroupMessage(
      this.crypto.suite,
      session,
      ws.device.signing.privateKey,
      plaintext,
    );
    ws.setGroup(conversation.id, session);
    return [{ conversationId: conversation.id, clientId, body: encodeBase64url(sealed.envelope) }];
  }

  async open(
    ws: Workspace,
    conversation: ConversationRow,
    e: EnvelopeOut,
    body: Uint8Array,
  ): Promise<Uint8Array> {
    // The device must belong to the address the relay names, and not be revoked.
    const sender = await this.ctx.identities.lookup(e.senderAddress, e.senderDevice);
    if (sender.status === 'revoked') throw new ProtocolError('forbidden', 'the sender device is revoked');
    if (sender.status !== 'active')
      throw new ProtocolError('forbidden', 'the sender device is not in its account log');
    let session = await ws.group(conversation.id);
    const { epoch } = decodeGroupHeader(decodeEnvelope(body).kindHeader);
    if (!session || !heldEpoch(session, epoch)) {
      // A control or wrap we have not applied yet: apply it, then try.
      await this.syncWithin(ws, conversation.id);
      session = await ws.group(conversation.id);
    }
    if (!session) throw new ProtocolError('forbidden', 'this device holds no key for the group');
    const opened = await openGroupMessage(this.crypto.suite, session, body, { now: this.ctx.now() });
    if (bytesToHex(opened.senderDevice) !== e.senderDevice)
      throw new ProtocolError('bad_request', 'sender device mismatch');
    ws.setGroup(conversation.id, session);
    return opened.plaintext;
  }

  create(name: string, members: readonly string[]): Promise<string> {
    return createGroup(this, this.ctx, name, members);
  }

  add(conversationId: string, addresses: readonly string[]): Promise<void> {
    return changeMembers(this, this.ctx, conversationId, 'add', addresses);
  }

  remove(conversationId: string, addresses: readonly string[]): Promise<void> {
    return changeMembers(this, this.ctx, conversationId, 'remove', addresses);
  }

  setRole(conversationId: string, address: string, role: 'admin' | 'member'): Promise<void> {
    return changeMembers(this, this.ctx, conversationId, role === 'admin' ? 'promote' : 'demote', [address]);
  }
}

export function fields(state: GroupState) {
  return { stateHash: state.stateHash, controlCount: state.controlCount, verifiedMembers: state.roles };
}
