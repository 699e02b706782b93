// Everything the syncing tab runs while signed in: the crypto state, verified device logs, the
// outbox worker, the sync loop, group state, and the commands other tabs hand over. Created when
// this tab becomes the leader (or signs in while leader), stopped when it resigns.
import type { CryptoSuite } from '@parley/crypto';
import { liveQuery } from 'dexie';
import { z } from 'zod';
import type { DeviceSecrets } from '../account/device-keys';
import { maintainPrekeys } from '../account/prekeys';
import { Sessions } from '../account/session';
import { ConversationDirectory } from '../conversations/directory';
import { GroupRotation } from '../conversations/group-rotation';
import { Groups } from '../conversations/groups';
import { CryptoState } from '../crypto-state/crypto-state';
import { openDirect, sealDirect } from '../crypto-state/direct';
import { ProtocolError } from '../deps/protocol';
import type { EngineEvents } from '../engine-api';
import type { Emitter } from '../events/emitter';
import { Identities } from '../identity/identities';
import { CommandProcessor } from '../leader/commands';
import { composeReceipt } from '../outbox/compose';
import { OutboxWorker, type Sealer, unitFrom } from '../outbox/outbox-worker';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Network } from '../ports/network';
import type { ParleyDatabase } from '../store/database';
import type { KeyWrapper } from '../store/key-wrap';
import type { AccountRow } from '../store/schema';
import type { RelayApi } from '../transport/relay-api';
import type { Transport } from '../transport/transport';
import type { ApplyDeps, ApplyResult, Opener } from './apply';
import type { BackoffPolicy } from './backoff';
import { Connectivity } from './connectivity';
import { PresenceSignals } from './presence';
import type { PresenceBoard } from './presence-board';
import { SyncLoop } from './sync-loop';
import { TypingSignals } from './typing';

/** Delivery receipts wait this long for more to cover (see afterApply). */
export const RECEIPT_DELAY_MS = 250;

export interface RuntimeContext {
  readonly db: ParleyDatabase;
  readonly wrapper: KeyWrapper;
  readonly suite: CryptoSuite;
  readonly api: RelayApi;
  readonly transport: Transport;
  readonly clock: Clock;
  readonly random: (n: number) => Uint8Array;
  readonly logger: Logger;
  readonly events: Emitter<EngineEvents>;
  readonly account: AccountRow;
  readonly device: DeviceSecrets;
  readonly backoff?: BackoffPolicy | undefined;
  readonly network: Network;
  /** The Engine's presence board, fed while this runtime syncs. */
  readonly presence: PresenceBoard;
}

export class SyncRuntime {
  readonly identities: Identities;
  readonly directory: ConversationDirectory;
  readonly crypto: CryptoState;
  readonly outbox: OutboxWorker;
  readonly loop: SyncLoop;
  readonly groups: Groups;
  readonly typing: TypingSignals;
  readonly presence: PresenceSignals;
  readonly rotation: GroupRotation;
  readonly connectivity: Connectivity;
  private readonly sessions: Sessions;
  private readonly commands: CommandProcessor;
  private outboxWatch: { unsubscribe(): void } | undefined;
  private stopped = false;
  private readonly pendingReceipts = new Map<string, number>();
  private receiptTimer: unknown;
  private readonly me: { readonly address: string; readonly deviceId: string };

  constructor(private readonly ctx: RuntimeContext) {
    const { db, api, suite, clock, logger, events, account, device } = ctx;
    const now = () => clock.now();
    this.me = { address: account.address, deviceId: device.deviceId };
    this.identities = new Identities(db, api, suite, clock, events);
    this.directory = new ConversationDirectory(db, api, account.address);
    this.crypto = new CryptoState(db, ctx.wrapper, suite, device, now);
    this.sessions = new Sessions(db, api, ctx.wrapper, suite);
    const direct = {
      crypto: this.crypto,
      identities: this.identities,
      api,
      logger,
      me: account.address,
      now,
    };
    this.groups = new Groups({ ...direct, db, directory: this.directory, random: ctx.random, events });
    this.typing = new TypingSignals(api, clock, logger);
    this.presence = new PresenceSignals({ db, api, clock, logger, board: ctx.presence, me: account.address });
    this.rotation = new GroupRotation({
      groups: this.groups,
      ctx: { ...direct, db, directory: this.directory, random: ctx.random, events },
      clock,
      logger,
    });
    const sealer: Sealer = {
      seal: (ws, conversation, clientId, plaintext) => {
        if (conversation.kind === 'group') return this.groups.seal(ws, conversation, clientId, plaintext);
        if (!conversation.peer) throw new ProtocolError('internal', 'a DM without a peer');
        return sealDirect(direct, ws, conversation.id, conversation.peer, clientId, plaintext);
      },
    };
    const opener: Opener = {
      open: async (ws, conversation, envelope, body) => {
        // The kind byte (envelope layout, docs/protocol.md §7.1) picks the construction.
        if (body[1] === 1) {
          const opened = await openDirect(direct, ws, conversation.id, envelope.senderAddress, body);
          if (opened.senderDevice !== envelope.senderDevice) {
            throw new ProtocolError('bad_request', 'the envelope names another sender device than the relay');
          }
          return opened.plaintext;
        }
        if (body[1] === 2) return this.groups.open(ws, conversation, envelope, body);
        throw new ProtocolError('bad_request', 'an envelope of a kind that is not a message');
      },
    };
    this.outbox = new OutboxWorker({
      db,
      api,
      crypto: this.crypto,
      identities: this.identities,
      sealer,
      clock,
      unit: unitFrom(ctx.random),
      logger,
      renewSession: () => this.renewSession(),
      ...(ctx.backoff ? { backoff: ctx.backoff } : {}),
    });
    const apply: ApplyDeps = {
      db,
      crypto: this.crypto,
      opener,
      directory: this.directory,
      me: this.me,
      logger,
    };
    this.loop = new SyncLoop({
      api,
      apply,
      events,
      clock,
      unit: unitFrom(ctx.random),
      logger,
      ...(ctx.backoff ? { backoff: ctx.backoff } : {}),
      hooks: {
        afterApply: (result) => this.afterApply(result),
        onGroupEvent: (id) => this.groups.sync(id),
        onCreated: async (id) => {
          const row = await this.directory.ensure(id);
          if (row.kind === 'group') await this.groups.sync(id);
          else this.presence.joined(id);
        },
        onSignal: (e) => {
          this.typing.received(e);
          this.presence.received(e);
        },
        onLive: () => {
          this.outbox.wake();
          this.presence.goLive();
          void this.rotation.check();
        },
        renewSession: () => this.renewSession(),
        newRound: () => this.identities.newRound(),
      },
    });
    this.commands = new CommandProcessor(db, this.commandHandlers(), logger);
    this.connectivity = new Connectivity({
      network: ctx.network,
      events,
      pause: async () => {
        // Both stop synchronously here (their async part only waits for work in flight).
        const stopping = [this.loop.stop(), this.outbox.stop()];
        this.presence.pause();
        await Promise.all(stopping);
      },
      resume: () => {
        this.loop.start();
        this.outbox.start();
      },
    });
  }

  async start(): Promise<void> {
    const { db, clock } = this.ctx;
    this.identities.forget();
    const token = await this.sessions.load(clock.now());
    if (token) this.ctx.transport.setToken(token);
    else await this.renewSession();
    await this.crypto
      .exclusive(() =>
        maintainPrekeys({
          db,
          wrapper: this.ctx.wrapper,
          suite: this.ctx.suite,
          api: this.ctx.api,
          device: this.ctx.device,
          now: clock.now(),
        }),
      )
      .catch((error: unknown) =>
        this.ctx.logger.warn('prekeys: maintenance failed', { error: String(error) }),
      );
    await this.presence.start();
    this.rotation.start();
    // Starts the loop and the outbox, unless the platform says there is no network.
    this.connectivity.start();
    this.commands.start();
    // Another tab's send lands in the shared outbox: wake the worker.
    this.outboxWatch = liveQuery(() => db.outbox.where('state').equals('queued').count()).subscribe({
      next: () => this.outbox.wake(),
      error: () => undefined,
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.receiptTimer !== undefined) this.ctx.clock.clearTimeout(this.receiptTimer);
    this.receiptTimer = undefined;
    this.outboxWatch?.unsubscribe();
    this.outboxWatch = undefined;
    await this.connectivity.stop();
    // While the socket is still there: tell the DMs this device goes offline.
    await this.presence.stop();
    await this.rotation.stop();
    this.typing.stop();
    await this.commands.stop();
    await this.loop.stop();
    await this.outbox.stop();
  }

  async renewSession(): Promise<void> {
    const account = await this.ctx.db.account.get('me');
    if (!account?.relayDomain) throw new ProtocolError('unauthenticated', 'sign in again');
    const session = await this.sessions.renew(account.address, account.relayDomain, this.ctx.device);
    await this.sessions.store(session, account.relayDomain);
    this.ctx.transport.setToken(session.token);
  }

  /**
   * Delivery receipts for what came from others: one per conversation, covering the highest seq,
   * sent RECEIPT_DELAY_MS after the last page or event that brought something (a catch-up of many
   * pages sends one receipt, not one per page).
   */
  private afterApply(result: ApplyResult): void {
    for (const [conversationId, upToSeq] of result.received) {
      this.pendingReceipts.set(
        conversationId,
        Math.max(this.pendingReceipts.get(conversationId) ?? 0, upToSeq),
      );
    }
    if (this.receiptTimer !== undefined) this.ctx.clock.clearTimeout(this.receiptTimer);
    if (this.pendingReceipts.size === 0) {
      this.outbox.wake();
      return;
    }
    this.receiptTimer = this.ctx.clock.setTimeout(() => {
      this.receiptTimer = undefined;
      void this.sendReceipts();
    }, RECEIPT_DELAY_MS);
  }

  private async sendReceipts(): Promise<void> {
    const due = [...this.pendingReceipts];
    this.pendingReceipts.clear();
    const composer = { db: this.ctx.db, random: this.ctx.random, now: () => this.ctx.clock.now() };
    for (const [conversationId, upToSeq] of due) {
      if (this.stopped) return;
      try {
        await composeReceipt(composer, conversationId, 'delivered', upToSeq);
      } catch (error) {
        this.ctx.logger.warn('sync: could not queue a receipt', { error: String(error) });
      }
    }
    this.outbox.wake();
  }

  async createDM(peer: string): Promise<string> {
    const conversation = await this.ctx.api.createDm(peer);
    await this.directory.store(conversation);
    this.presence.joined(conversation.id);
    return conversation.id;
  }

  private commandHandlers() {
    return {
      createDM: async (args: unknown) => this.createDM(PeerArgs.parse(args).peer),
      createGroup: async (args: unknown) => {
        const a = GroupArgs.parse(args);
        return this.groups.create(a.name, a.members);
      },
      addMembers: async (args: unknown) => {
        const a = MembersArgs.parse(args);
        return this.groups.add(a.conversationId, a.addresses);
      },
      removeMembers: async (args: unknown) => {
        const a = MembersArgs.parse(args);
        return this.groups.remove(a.conversationId, a.addresses);
      },
      setRole: async (args: unknown) => {
        const a = RoleArgs.parse(args);
        return this.groups.setRole(a.conversationId, a.address, a.role);
      },
      loadMembers: async (args: unknown) => {
        const a = LoadMembersArgs.parse(args);
        return this.directory.loadMembers(a.conversationId, a.after ?? undefined);
      },
      signal: async (args: unknown) => {
        const a = SignalArgs.parse(args);
        return this.typing.send(a.conversationId, a.active);
      },
      // Re-reads my own device log (the settings' device list), so a device linked elsewhere shows.
      refreshDevices: async () => {
        await this.identities.refresh(this.ctx.account.address);
        return null;
      },
    };
  }
}

// Arguments of commands from other tabs: this database is shared, so they are parsed too.
const PeerArgs = z.object({ peer: z.string() });
const GroupArgs = z.object({ name: z.string(), members: z.array(z.string()) });
const MembersArgs = z.object({ conversationId: z.string(), addresses: z.array(z.string()) });
const RoleArgs = z.object({
  conversationId: z.string(),
  address: z.string(),
  role: z.enum(['admin', 'member']),
});
const SignalArgs = z.object({ conversationId: z.string(), active: z.boolean() });
const LoadMembersArgs = z.object({ conversationId: z.string(), after: z.string().nullable() });
