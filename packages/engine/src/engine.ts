// The Engine (EngineApi): the local-first core between the UI's Dexie database and the relay. It
// owns the database, the transport (urql over graphql-ws), the outbox, the crypto state and the
// status events. One engine per browser syncs (leader/leader-election.ts); the others write to the
// shared database and hand network work to it.
import { bytesToHex, type CryptoSuite, createSuite, systemRandom } from '@parley/crypto';
import { liveQuery } from 'dexie';
import { z } from 'zod';
import { loadDeviceKeys } from './account/device-keys';
import { revokeDevice } from './account/device-log';
import { signIn } from './account/sign-in';
import { checkedContent } from './content/outgoing';
import { Address, ProtocolError } from './deps/protocol';
import type { Eip1193Provider, EngineApi, EngineEvents, OutgoingContent, SignInRequest } from './engine-api';
import { DEFAULT_DATABASE, type EngineOptions, PREF_READ_RECEIPTS, PREF_TYPING } from './engine-options';
import { Emitter } from './events/emitter';
import { Identities } from './identity/identities';
import { runCommand } from './leader/commands';
import { LeaderElection } from './leader/leader-election';
import { discardEntry, enqueueHidden, enqueueMessage, retryEntry } from './outbox/enqueue';
import { type Clock, systemClock } from './ports/clock';
import { type Logger, silentLogger } from './ports/logger';
import { STATUS_KEY, type SyncStatus } from './read-model';
import { ParleyDatabase } from './store/database';
import { type KeyWrapper, openKeyWrapper, unwrappedKeyStore } from './store/key-wrap';
import { markReadUpTo } from './sync/effects';
import { ownHead } from './sync/own-head';
import { SyncRuntime } from './sync/sync-runtime';
import { createGraphqlTransport } from './transport/graphql-transport';
import { RelayApi } from './transport/relay-api';
import type { Transport } from './transport/transport';
import { TypingDebounce } from './typing-debounce';

const MemberPageResult = z.object({ hasMore: z.boolean(), next: z.string().optional() });

export class Engine implements EngineApi {
  readonly db: ParleyDatabase;
  private readonly events = new Emitter<EngineEvents>();
  private readonly clock: Clock;
  private readonly random: (n: number) => Uint8Array;
  private readonly logger: Logger;
  private readonly transport: Transport;
  private readonly api: RelayApi;
  private readonly election: LeaderElection;
  private readonly typing: TypingDebounce;
  private suite: CryptoSuite | undefined;
  private wrapper: KeyWrapper | undefined;
  private runtime: SyncRuntime | undefined;
  private runtimeJob: Promise<void> = Promise.resolve();
  private accountWatch: { unsubscribe(): void } | undefined;
  private stopRecording: (() => void) | undefined;
  private started = false;

  constructor(private readonly options: EngineOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? systemRandom;
    this.logger = options.logger ?? silentLogger;
    const name = options.databaseName ?? DEFAULT_DATABASE;
    this.db = new ParleyDatabase(name, { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange });
    this.transport = options.transport ?? this.realTransport();
    this.api = new RelayApi(this.transport);
    this.transport.onStatus((s) => {
      if (s.state === 'idle') this.events.emit('connection', { state: 'idle' });
    });
    this.election = new LeaderElection(
      options.locks,
      `parley-engine/${name}`,
      { becameLeader: () => this.becameLeader(), resigning: () => this.resign() },
      this.logger,
    );
    this.typing = new TypingDebounce(this.clock, (conversationId, active) =>
      this.signal(conversationId, active),
    );
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

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
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
    if (!this.started) return;
    this.started = false;
    this.typing.stop();
    await this.election.stop();
    await this.runtimeJob;
    await this.transport.close();
    this.db.close();
  }

  private ready(): { suite: CryptoSuite; wrapper: KeyWrapper } {
    if (!this.suite || !this.wrapper) throw new ProtocolError('unavailable', 'call start() first');
    return { suite: this.suite, wrapper: this.wrapper };
  }

  /** The leader writes its status where every tab's live query sees it (read-model syncStatus). */
  private recordStatus(): () => void {
    let status: SyncStatus = { connection: { state: 'connecting', attempt: 0 }, leader: true };
    const write = (next: SyncStatus) => {
      status = next;
      void this.db.sync.put({ key: STATUS_KEY, value: next }).catch(() => undefined);
    };
    write(status);
    const offConnection = this.events.on('connection', (connection) => write({ ...status, connection }));
    const offSync = this.events.on('sync', (sync) => write({ ...status, sync }));
    return () => {
      offConnection();
      offSync();
      write({ connection: { state: 'idle' }, leader: false });
    };
  }

  private async becameLeader(): Promise<void> {
    this.events.emit('leader', { leader: true });
    this.stopRecording = this.recordStatus();
    // Sync runs while an account is linked on this device; it starts when one appears.
    this.accountWatch = liveQuery(() => this.db.account.get('me')).subscribe({
      next: (account) => {
        if (account?.linked && !this.runtime) this.startRuntime();
      },
      error: (error: unknown) => this.logger.warn('engine: account watch failed', { error: String(error) }),
    });
  }

  private async resign(): Promise<void> {
    this.accountWatch?.unsubscribe();
    this.accountWatch = undefined;
    this.runtimeJob = this.runtimeJob.then(() => this.stopRuntime());
    await this.runtimeJob;
    this.stopRecording?.();
    this.stopRecording = undefined;
    this.events.emit('leader', { leader: false });
  }

  private startRuntime(): void {
    this.runtimeJob = this.runtimeJob.then(() =>
      this.createRuntime().catch((error: unknown) => {
        this.logger.error('engine: sync did not start', { error: String(error) });
        this.events.emit('error', { kind: 'sync', message: 'sync could not start' });
      }),
    );
  }

  private async createRuntime(): Promise<void> {
    {
      if (this.runtime || !this.election.isLeader) return;
      const { suite, wrapper } = this.ready();
      const account = await this.db.account.get('me');
      if (!account?.linked) return;
      const device = await loadDeviceKeys(this.db, wrapper, account.deviceId);
      if (!device) return;
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
      });
      this.runtime = runtime;
      await runtime.start();
    }
  }

  private async stopRuntime(): Promise<void> {
    const runtime = this.runtime;
    this.runtime = undefined;
    await runtime?.stop();
  }

  async signIn(request: SignInRequest): Promise<{ readonly address: string; readonly deviceId: string }> {
    const { suite, wrapper } = this.ready();
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
    if (this.election.isLeader && !this.runtime) this.startRuntime();
    await this.runtimeJob;
    return { address: result.address, deviceId: result.deviceId };
  }

  async signOut(): Promise<void> {
    this.runtimeJob = this.runtimeJob.then(() => this.stopRuntime());
    await this.runtimeJob;
    await this.api
      .signOut()
      .catch((error: unknown) => this.logger.info('engine: relay sign-out failed', { error: String(error) }));
    this.transport.setToken(undefined);
    const tables = this.db.tables.filter((t) => t.name !== 'keyring');
    await this.db.transaction('rw', tables, async () => {
      for (const table of tables) await table.clear();
    });
  }

  private async resolve(addressOrEns: string): Promise<string> {
    const lower = addressOrEns.trim().toLowerCase();
    if (Address.safeParse(lower).success) return lower;
    const resolved = lower.includes('.') ? await this.options.resolveName?.(lower) : undefined;
    const parsed = Address.safeParse(resolved?.toLowerCase());
    if (!parsed.success) throw new ProtocolError('not_found', `cannot resolve ${addressOrEns.slice(0, 64)}`);
    return parsed.data;
  }

  /** Runs on the leader: here if this tab syncs, through the commands table otherwise. */
  private async onLeader<T>(
    kind: string,
    args: object,
    here: (runtime: SyncRuntime) => Promise<T>,
  ): Promise<unknown> {
    await this.runtimeJob;
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

  async send(conversationId: string, content: OutgoingContent): Promise<string> {
    const account = await this.db.account.get('me');
    if (!account?.linked) throw new ProtocolError('unauthenticated', 'sign in first');
    const conversation = await this.db.conversations.get(conversationId);
    if (!conversation) throw new ProtocolError('not_found', 'no such conversation');
    if (conversation.active === false) throw new ProtocolError('forbidden', 'you are no longer a member');
    const head = await ownHead(this.db);
    if (!head) throw new ProtocolError('unauthenticated', 'this device is not linked');
    const now = this.clock.now();
    const full = checkedContent(content, {
      sentAt: now,
      deviceLogHead: head,
      groupStateHash: conversation.kind === 'group' ? conversation.stateHash : undefined,
    });
    const clientId = bytesToHex(this.random(16));
    await enqueueMessage(this.db, {
      clientId,
      conversationId,
      senderAddress: account.address,
      senderDevice: account.deviceId,
      content: full,
      now,
    });
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
    const head = await ownHead(this.db);
    const receipts = (await this.db.preferences.get(PREF_READ_RECEIPTS))?.value !== false;
    if (!head || !receipts) return;
    const content = checkedContent(
      { type: 'receipt', status: 'read', upToSeq: uptoSeq },
      {
        sentAt: this.clock.now(),
        deviceLogHead: head,
        groupStateHash: conversation.kind === 'group' ? conversation.stateHash : undefined,
      },
    );
    await enqueueHidden(this.db, {
      clientId: bytesToHex(this.random(16)),
      conversationId,
      content,
      now: this.clock.now(),
    });
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
    return this.runtime?.typing.onChange(listener) ?? (() => undefined);
  }

  async revokeDevice(deviceId: string, provider: Eip1193Provider): Promise<void> {
    const { suite } = this.ready();
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
}
