// The Engine (EngineApi): the local-first core between the UI's Dexie database and the relay. It
// owns the database, the transport (urql over graphql-ws), the outbox, the crypto state and the
// status events. One engine per browser syncs (leader/leader-election.ts); the others write to the
// shared database and hand network work to it.
import { bytesToHex, type CryptoSuite, createSuite, systemRandom } from '@parley/crypto';
import { z } from 'zod';
import { loadDeviceKeys } from './account/device-keys';
import { revokeDevice } from './account/device-log';
import { resolveAddress } from './account/resolve-address';
import { signIn } from './account/sign-in';
import { ProtocolError } from './deps/protocol';
import type {
  Eip1193Provider,
  EngineApi,
  EngineEvents,
  OutgoingContent,
  PresenceView,
  SignInRequest,
} from './engine-api';
import { DEFAULT_DATABASE, type EngineOptions, PREF_READ_RECEIPTS, PREF_TYPING } from './engine-options';
import { Emitter } from './events/emitter';
import { Identities } from './identity/identities';
import { type SafetyNumberView, safetyNumberWith, setSafetyVerified } from './identity/safety';
import { runCommand } from './leader/commands';
import { LeaderElection } from './leader/leader-election';
import { RuntimeHost } from './leader/runtime-host';
import { type Composer, composeMessage, composeReceipt } from './outbox/compose';
import { discardEntry, retryEntry } from './outbox/enqueue';
import { type Clock, systemClock } from './ports/clock';
import { type Logger, silentLogger } from './ports/logger';
import { alwaysOnline, type Network } from './ports/network';
import { ParleyDatabase } from './store/database';
import { type KeyWrapper, openKeyWrapper, unwrappedKeyStore } from './store/key-wrap';
import { markReadUpTo } from './sync/effects';
import { PresenceBoard } from './sync/presence-board';
import { SyncRuntime } from './sync/sync-runtime';
import { createGraphqlTransport } from './transport/graphql-transport';
import { RelayApi } from './transport/relay-api';
import type { Transport } from './transport/transport';
import { TypingDebounce } from './typing-debounce';

/** Preference rows that are not chat data and survive signOut(). */
export const KEPT_ON_SIGN_OUT = ['wallet.builtin'] as const;

const MemberPageResult = z.object({ hasMore: z.boolean(), next: z.string().optional() });

export class Engine implements EngineApi {
  readonly db: ParleyDatabase;
  private readonly events = new Emitter<EngineEvents>();
  /** Other accounts' online status; kept across runtime restarts (sync/presence.ts feeds it). */
  private readonly presence = new PresenceBoard(this.events);
  private readonly network: Network;
  private readonly clock: Clock;
  private readonly random: (n: number) => Uint8Array;
  private readonly logger: Logger;
  private readonly transport: Transport;
  private readonly api: RelayApi;
  private readonly election: LeaderElection;
  private readonly typing: TypingDebounce;
  private suite: CryptoSuite | undefined;
  private wrapper: KeyWrapper | undefined;
  private readonly host: RuntimeHost;
  private starting: Promise<void> | undefined;
  private readonly composer: Composer;

  constructor(private readonly options: EngineOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? systemRandom;
    this.logger = options.logger ?? silentLogger;
    this.network = options.network ?? alwaysOnline;
    const name = options.databaseName ?? DEFAULT_DATABASE;
    this.db = new ParleyDatabase(name, { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange });
    this.transport = options.transport ?? this.realTransport();
    this.api = new RelayApi(this.transport);
    this.transport.onStatus((s) => {
      // Offline says more than idle: the socket closing meanwhile does not change what to show.
      if (s.state === 'idle' && this.network.onLine) this.events.emit('connection', { state: 'idle' });
    });
    this.election = new LeaderElection(
      options.locks,
      `parley-engine/${name}`,
      { becameLeader: async () => this.host.becameLeader(), resigning: () => this.host.resign() },
      this.logger,
    );
    this.typing = new TypingDebounce(this.clock, (conversationId, active) =>
      this.signal(conversationId, active),
    );
    this.composer = { db: this.db, random: this.random, now: () => this.clock.now() };
    this.host = new RuntimeHost(
      this.db,
      this.events,
      this.logger,
      () => this.createRuntime(),
      () => this.election.isLeader,
    );
  }

  private get runtime(): SyncRuntime | undefined {
    return this.host.current;
  }

  private realTransport(): Transport {
    if (!this.options.relayUrl)
      throw new ProtocolError('bad_request', 'an Engine needs relayUrl or a transport');
    return createGraphqlTransport({
      url: this.options.relayUrl,
      webSocketImpl: this.options.webSocketImpl,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      clock: this.clock,
      logger: this.logger,
      generateId: () => bytesToHex(this.random(16)),
      ...(this.options.idleCloseMs === undefined ? {} : { idleMs: this.options.idleCloseMs }),
    });
  }

  /** True while this engine is the one that syncs. */
  get isLeader(): boolean {
    return this.election.isLeader;
  }

  /** The running sync runtime of the leader (tests and diagnostics). */
  get sync(): SyncRuntime | undefined {
    return this.runtime;
  }

  /** Operations open on the relay connection (the leak test counts these). */
  get openOperations(): number {
    return this.transport.openOperations;
  }

  /** Listeners registered with on() for `type` (the leak test counts these too). */
  listenerCount(type: keyof EngineEvents): number {
    return this.events.listenerCount(type);
  }

  /** Loads the next page of a conversation's members from the relay into the local store. */
  async loadMembers(conversationId: string, after?: string): Promise<{ hasMore: boolean; next?: string }> {
    const page = await this.onLeader('loadMembers', { conversationId, after: after ?? null }, (r) =>
      r.directory.loadMembers(conversationId, after),
    );
    const parsed = MemberPageResult.safeParse(page);
    if (!parsed.success) throw new ProtocolError('internal', 'loadMembers returned no page');
    return parsed.data.next === undefined
      ? { hasMore: parsed.data.hasMore }
      : { hasMore: parsed.data.hasMore, next: parsed.data.next };
  }

  on<K extends keyof EngineEvents>(type: K, listener: (event: EngineEvents[K]) => void): () => void {
    return this.events.on(type, listener);
  }

  /** Idempotent; calls that need the keys wait for it (the UI may call signIn as start runs). */
  start(): Promise<void> {
    this.starting ??= this.open();
    return this.starting;
  }

  private async open(): Promise<void> {
    await this.db.open();
    this.suite = this.options.suite ?? (await createSuite({ random: this.random }));
    const subtle = this.options.subtle === undefined ? globalThis.crypto?.subtle : this.options.subtle;
    if (subtle) this.wrapper = await openKeyWrapper(this.db, subtle, this.random);
    else {
      this.logger.warn('engine: no WebCrypto here; private keys are stored unwrapped');
      this.wrapper = unwrappedKeyStore;
    }
    this.election.start();
  }

  async stop(): Promise<void> {
    const starting = this.starting;
    if (!starting) return;
    this.starting = undefined;
    await starting.catch(() => undefined);
    this.typing.stop();
    await this.election.stop();
    await this.host.settled();
    await this.transport.close();
    this.db.close();
  }

  private async ready(): Promise<{ suite: CryptoSuite; wrapper: KeyWrapper }> {
    if (!this.starting) throw new ProtocolError('unavailable', 'call start() first');
    await this.starting;
    if (!this.suite || !this.wrapper) throw new ProtocolError('unavailable', 'call start() first');
    return { suite: this.suite, wrapper: this.wrapper };
  }

  /** The runtime for the linked account, built when this tab leads. */
  private async createRuntime(): Promise<SyncRuntime | undefined> {
    const { suite, wrapper } = await this.ready();
    const account = await this.db.account.get('me');
    if (!account?.linked) return undefined;
    const device = await loadDeviceKeys(this.db, wrapper, account.deviceId);
    if (!device) return undefined;
    const runtime = new SyncRuntime({
      db: this.db,
      wrapper,
      suite,
      api: this.api,
      transport: this.transport,
      clock: this.clock,
      random: this.random,
      logger: this.logger,
      events: this.events,
      account,
      device,
      backoff: this.options.backoff,
      network: this.network,
      presence: this.presence,
    });
    // Who is typing reaches every listener as an event, whenever this tab's runtime was made.
    runtime.typing.onChange((conversationId, typing) =>
      this.events.emit('typing', { conversationId, typing }),
    );
    return runtime;
  }

  async signIn(request: SignInRequest): Promise<{ readonly address: string; readonly deviceId: string }> {
    const { suite, wrapper } = await this.ready();
    const identities =
      this.runtime?.identities ?? new Identities(this.db, this.api, suite, this.clock, this.events);
    const result = await signIn(
      {
        db: this.db,
        wrapper,
        suite,
        api: this.api,
        transport: this.transport,
        identities,
        now: () => this.clock.now(),
      },
      request,
    );
    if (this.election.isLeader && !this.runtime) await this.host.start();
    return { address: result.address, deviceId: result.deviceId };
  }

  async signOut(): Promise<void> {
    await this.host.stop();
    await this.api
      .signOut()
      .catch((error: unknown) => this.logger.info('engine: relay sign-out failed', { error: String(error) }));
    this.transport.setToken(undefined);
    const tables = this.db.tables.filter((t) => t.name !== 'keyring');
    await this.db.transaction('rw', tables, async () => {
      // The built-in wallet's encrypted keystore is the person's wallet, not chat data: losing it
      // would lose their funds, so it survives sign-out (they can delete it in Settings).
      const keep = await this.db.preferences.bulkGet([...KEPT_ON_SIGN_OUT]);
      for (const table of tables) await table.clear();
      await this.db.preferences.bulkPut(keep.filter((row) => row !== undefined));
    });
  }

  private resolve(addressOrEns: string): Promise<string> {
    return resolveAddress(addressOrEns, this.options.resolveName);
  }

  /** Runs on the leader: here if this tab syncs, through the commands table otherwise. */
  private async onLeader<T>(
    kind: string,
    args: object,
    here: (runtime: SyncRuntime) => Promise<T>,
  ): Promise<unknown> {
    await this.host.settled();
    if (this.runtime) return here(this.runtime);
    return runCommand(this.db, this.clock, kind, args);
  }

  async createDM(addressOrEns: string): Promise<string> {
    const peer = await this.resolve(addressOrEns);
    const id = await this.onLeader('createDM', { peer }, (r) => r.createDM(peer));
    if (typeof id !== 'string') throw new ProtocolError('internal', 'createDM returned no id');
    return id;
  }

  async createGroup(name: string, members: readonly string[]): Promise<string> {
    const resolved = await Promise.all(members.map((m) => this.resolve(m)));
    const id = await this.onLeader('createGroup', { name, members: resolved }, (r) =>
      r.groups.create(name, resolved),
    );
    if (typeof id !== 'string') throw new ProtocolError('internal', 'createGroup returned no id');
    return id;
  }

  async addMembers(conversationId: string, addresses: readonly string[]): Promise<void> {
    const resolved = await Promise.all(addresses.map((m) => this.resolve(m)));
    await this.onLeader('addMembers', { conversationId, addresses: resolved }, (r) =>
      r.groups.add(conversationId, resolved),
    );
  }

  async removeMembers(conversationId: string, addresses: readonly string[]): Promise<void> {
    const resolved = await Promise.all(addresses.map((m) => this.resolve(m)));
    await this.onLeader('removeMembers', { conversationId, addresses: resolved }, (r) =>
      r.groups.remove(conversationId, resolved),
    );
  }

  async setRole(conversationId: string, address: string, role: 'admin' | 'member'): Promise<void> {
    const resolved = await this.resolve(address);
    await this.onLeader('setRole', { conversationId, address: resolved, role }, (r) =>
      r.groups.setRole(conversationId, resolved, role),
    );
  }

  async send(conversationId: string, content: OutgoingContent): Promise<string> {
    const clientId = await composeMessage(this.composer, conversationId, content);
    this.runtime?.outbox.wake();
    return clientId;
  }

  async retry(clientId: string): Promise<void> {
    if (await retryEntry(this.db, clientId, this.clock.now())) this.runtime?.outbox.wake();
  }

  async discard(clientId: string): Promise<void> {
    await discardEntry(this.db, clientId);
  }

  async markRead(conversationId: string, uptoSeq: number): Promise<void> {
    const conversation = await this.db.conversations.get(conversationId);
    if (!conversation || uptoSeq <= conversation.readSeq) return;
    await this.db.transaction('rw', this.db.conversations, this.db.messages, () =>
      markReadUpTo(this.db, conversationId, uptoSeq),
    );
    if ((await this.db.preferences.get(PREF_READ_RECEIPTS))?.value === false) return;
    await composeReceipt(this.composer, conversationId, 'read', uptoSeq);
    this.runtime?.outbox.wake();
  }

  setTyping(conversationId: string, typing: boolean): void {
    void this.db.preferences.get(PREF_TYPING).then(
      (pref) => {
        if (pref?.value === false) return;
        this.typing.set(conversationId, typing);
      },
      () => undefined,
    );
  }

  private async signal(conversationId: string, active: boolean): Promise<void> {
    await this.onLeader('signal', { conversationId, active }, (r) =>
      r.typing.send(conversationId, active),
    ).catch((error: unknown) => this.logger.debug('engine: typing signal failed', { error: String(error) }));
  }

  /** Who is typing in a conversation (live, leader only; followers see nothing). */
  onTyping(listener: (conversationId: string, typing: readonly string[]) => void): () => void {
    return this.events.on('typing', (e) => listener(e.conversationId, e.typing));
  }

  /** Fetches and verifies my own device log again (a device linked elsewhere then shows). */
  async refreshDevices(): Promise<void> {
    const account = await this.db.account.get('me');
    if (!account) throw new ProtocolError('unauthenticated', 'sign in first');
    await this.onLeader('refreshDevices', {}, async (r) => {
      await r.identities.refresh(account.address);
      return null;
    });
  }

  /**
   * DM peers' online status: `listener` gets what is known now, then every change. Nothing while
   * the online-status privacy setting is off (this device neither sends nor shows it). Fed by the
   * syncing tab; other tabs of the browser see nothing (like onTyping).
   */
  onPresence(listener: (presence: PresenceView) => void): () => void {
    for (const view of this.presence.all()) listener(view);
    return this.events.on('presence', listener);
  }

  async revokeDevice(deviceId: string, provider: Eip1193Provider): Promise<void> {
    const { suite } = await this.ready();
    const account = await this.db.account.get('me');
    if (!account) throw new ProtocolError('unauthenticated', 'sign in first');
    const identities =
      this.runtime?.identities ?? new Identities(this.db, this.api, suite, this.clock, this.events);
    await revokeDevice(
      { suite, api: this.api, identities, now: () => this.clock.now() },
      provider,
      account.address,
      deviceId,
    );
  }

  async safetyNumber(peer: string): Promise<SafetyNumberView> {
    const address = peer.toLowerCase();
    // The leader refreshes the peer's log first, so a device linked meanwhile is in the number.
    await this.runtime?.identities.current(address);
    return safetyNumberWith(this.db, address);
  }

  async setSafetyVerified(peer: string, verified: boolean): Promise<void> {
    await setSafetyVerified(this.db, peer.toLowerCase(), verified);
  }
}
