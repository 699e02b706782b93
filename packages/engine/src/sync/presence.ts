// Online status for DMs, over the relay's ephemeral signal (docs/relay.md "signal", kind
// `presence`; published, never stored). `active: true` means "this device is online", `false`
// means "going offline now". While the sync loop is live, each device announces itself to its
// most recent DMs every PRESENCE_HEARTBEAT_MS, and once when a peer comes online (so the peer
// need not wait a heartbeat); a peer not heard from for PRESENCE_EXPIRE_MS is offline, last seen
// when it was last heard. An account is online while any of its devices is.
//
// Privacy (PREF_ONLINE_STATUS, reciprocal like WhatsApp's "last seen"): when it is off, this
// device never sends a presence signal and shows nobody else's either.
import { liveQuery } from 'dexie';
import { PREF_ONLINE_STATUS } from '../engine-options';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { ParleyDatabase } from '../store/database';
import type { RelayApi } from '../transport/relay-api';
import type { RelayEventOut } from '../transport/relay-schemas';
import type { PresenceBoard } from './presence-board';

export const PRESENCE_HEARTBEAT_MS = 60_000;
/** Two and a half heartbeats: one lost signal does not make a peer look offline. */
export const PRESENCE_EXPIRE_MS = 150_000;
/** DMs announced to, most recent first: bounds the signals per heartbeat. */
export const PRESENCE_MAX_DMS = 50;
/** Least time between two signals to one conversation outside the heartbeat. */
const REPLY_MIN_MS = 1_000;
/** How long stopping waits for the "offline" signals to go out. */
const GOODBYE_WAIT_MS = 1_000;

export interface PresenceDeps {
  readonly db: ParleyDatabase;
  readonly api: RelayApi;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly board: PresenceBoard;
  /** This account: its own devices' signals are not presence of someone else. */
  readonly me: string;
}

type SignalEvent = Extract<RelayEventOut, { __typename: 'SignalEvent' }>;

export class PresenceSignals {
  private enabled = true;
  private live = false;
  private heartbeat: unknown;
  private prefWatch: { unsubscribe(): void } | undefined;
  /** Online devices by account, each with its expiry timer. */
  private readonly online = new Map<string, Map<string, unknown>>();
  private readonly lastHeard = new Map<string, number>();
  /** When this device last signalled to each conversation. */
  private readonly lastSent = new Map<string, number>();

  constructor(private readonly d: PresenceDeps) {}

  /** Reads the privacy setting and follows it. */
  async start(): Promise<void> {
    this.enabled = (await this.d.db.preferences.get(PREF_ONLINE_STATUS))?.value !== false;
    this.prefWatch = liveQuery(() => this.d.db.preferences.get(PREF_ONLINE_STATUS)).subscribe({
      next: (row) => this.setEnabled(row?.value !== false),
      error: () => undefined,
    });
  }

  /** The sync loop is live: announce now, then every heartbeat. */
  goLive(): void {
    this.live = true;
    void this.announce();
    this.armHeartbeat();
  }

  /** A DM this account just joined or created: say hello now rather than at the next heartbeat. */
  joined(conversationId: string): void {
    if (this.live && this.enabled) void this.signal(conversationId, true);
  }

  /** The network is gone: nothing can be sent or heard until goLive(). */
  pause(): void {
    this.live = false;
    this.cancelHeartbeat();
  }

  /** Says "offline" to the DMs (waiting at most GOODBYE_WAIT_MS), then forgets everyone. */
  async stop(): Promise<void> {
    const wasLive = this.live;
    this.pause();
    this.prefWatch?.unsubscribe();
    this.prefWatch = undefined;
    if (wasLive && this.enabled) {
      let timer: unknown;
      await Promise.race([
        this.announce(false),
        new Promise<void>((resolve) => {
          timer = this.d.clock.setTimeout(resolve, GOODBYE_WAIT_MS);
        }),
      ]);
      this.d.clock.clearTimeout(timer);
    }
    // Nobody is heard from any more: whoever was online is last seen when last heard.
    for (const address of [...this.online.keys()]) this.goneOffline(address);
  }

  received(e: SignalEvent): void {
    if (e.kind !== 'presence' || e.fromAddress === this.d.me || !this.enabled) return;
    const now = this.d.clock.now();
    const devices = this.online.get(e.fromAddress) ?? new Map<string, unknown>();
    const wasOnline = devices.size > 0;
    const timer = devices.get(e.fromDevice);
    if (timer !== undefined) this.d.clock.clearTimeout(timer);
    devices.delete(e.fromDevice);
    if (e.active) {
      devices.set(
        e.fromDevice,
        this.d.clock.setTimeout(() => this.expire(e.fromAddress, e.fromDevice), PRESENCE_EXPIRE_MS),
      );
    }
    if (devices.size > 0) this.online.set(e.fromAddress, devices);
    else this.online.delete(e.fromAddress);
    this.lastHeard.set(e.fromAddress, now);
    this.d.board.set({ address: e.fromAddress, online: devices.size > 0, lastSeen: now });
    // The peer just came online and may not know about this device until the next heartbeat.
    if (e.active && !wasOnline) this.reply(e.conversationId, now);
  }

  private expire(address: string, device: string): void {
    const devices = this.online.get(address);
    if (!devices) return;
    devices.delete(device);
    if (devices.size === 0) this.goneOffline(address);
  }

  private goneOffline(address: string): void {
    for (const timer of this.online.get(address)?.values() ?? []) this.d.clock.clearTimeout(timer);
    this.online.delete(address);
    const lastSeen = this.lastHeard.get(address);
    this.d.board.set(
      lastSeen === undefined ? { address, online: false } : { address, online: false, lastSeen },
    );
  }

  private setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    if (enabled) {
      if (this.live) void this.announce();
      return;
    }
    // Off: stop showing others too (reciprocity), and forget what was heard.
    for (const devices of this.online.values())
      for (const timer of devices.values()) this.d.clock.clearTimeout(timer);
    this.online.clear();
    this.lastHeard.clear();
    this.d.board.clear();
  }

  private reply(conversationId: string, now: number): void {
    if (!this.live || !this.enabled) return;
    const last = this.lastSent.get(conversationId);
    if (last !== undefined && now - last < REPLY_MIN_MS) return;
    void this.signal(conversationId, true);
  }

  /** Signals to the most recent DMs (never when the setting is off). */
  private async announce(active = true): Promise<void> {
    if (!this.enabled) return;
    try {
      const dms = await this.d.db.conversations
        .orderBy('lastMessageAt')
        .reverse()
        .filter((c) => c.kind === 'dm' && c.active !== false)
        .limit(PRESENCE_MAX_DMS)
        .toArray();
      await Promise.all(dms.map((c) => this.signal(c.id, active)));
    } catch (error) {
      this.d.logger.debug('presence: announce failed', { error: String(error) });
    }
  }

  private async signal(conversationId: string, active: boolean): Promise<void> {
    // Checked again here: the setting may have gone off while the DMs were being listed.
    if (!this.enabled) return;
    this.lastSent.set(conversationId, this.d.clock.now());
    try {
      await this.d.api.signal(conversationId, 'presence', active);
    } catch (error) {
      this.d.logger.debug('presence: signal failed', { error: String(error) });
    }
  }

  private armHeartbeat(): void {
    this.cancelHeartbeat();
    this.heartbeat = this.d.clock.setTimeout(() => {
      this.heartbeat = undefined;
      if (!this.live) return;
      void this.announce();
      this.armHeartbeat();
    }, PRESENCE_HEARTBEAT_MS);
  }

  private cancelHeartbeat(): void {
    if (this.heartbeat !== undefined) this.d.clock.clearTimeout(this.heartbeat);
    this.heartbeat = undefined;
  }
}
