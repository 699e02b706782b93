// Verified device logs of every account this device talks to, its own included (docs/protocol.md
// §4.5). A log is fetched from the relay, verified entry by entry from the state pinned last time
// (appendDeviceLogEntry checks each entry's previous-hash against that state, so a relay that
// rewrites or forks a log is caught), and only then stored. Nothing the relay says about devices is
// trusted before this.
import {
  appendDeviceLogEntry,
  bytesToHex,
  type CryptoSuite,
  type DeviceLogState,
  type DeviceRecord,
  deviceLogStateFromJson,
  deviceLogStateToJson,
  deviceStatus,
  findActiveDevice,
  findRevokedDevice,
} from '@parley/crypto';
import type { EngineEvents } from '../engine-api';
import type { Emitter } from '../events/emitter';
import type { Clock } from '../ports/clock';
import type { ParleyDatabase } from '../store/database';
import type { DeviceLogEntryRow, IdentityRow } from '../store/schema';
import type { RelayApi } from '../transport/relay-api';

export type DeviceLookup =
  | { readonly status: 'active'; readonly signingKey: Uint8Array; readonly agreementKey: Uint8Array }
  | { readonly status: 'revoked' }
  | { readonly status: 'unknown' };

function deviceSet(state: DeviceLogState | undefined): string {
  return (state?.devices ?? []).map((d) => d.deviceId).join(',');
}

export class Identities {
  private readonly cache = new Map<string, DeviceLogState>();
  private readonly inFlight = new Map<string, Promise<DeviceLogState | undefined>>();
  /** Addresses refreshed in the current round (see newRound). */
  private fresh = new Set<string>();

  constructor(
    private readonly db: ParleyDatabase,
    private readonly api: RelayApi,
    private readonly suite: CryptoSuite,
    private readonly clock: Clock,
    private readonly events: Emitter<EngineEvents>,
  ) {}

  /** Starts a new round: the next `current()` of each address asks the relay again. */
  newRound(): void {
    this.fresh = new Set();
  }

  /** Forgets the in-memory copies (another tab may have stored newer states meanwhile). */
  forget(): void {
    this.cache.clear();
    this.fresh = new Set();
  }

  /** The verified state stored for `address`, without asking the relay. */
  async stored(address: string): Promise<DeviceLogState | undefined> {
    const cached = this.cache.get(address);
    if (cached) return cached;
    const row = await this.db.identities.get(address);
    if (!row) return undefined;
    const state = deviceLogStateFromJson(row.state);
    this.cache.set(address, state);
    return state;
  }

  /** The state after asking the relay once in this round. */
  async current(address: string): Promise<DeviceLogState | undefined> {
    if (this.fresh.has(address)) return this.stored(address);
    return this.refresh(address);
  }

  /** Fetches entries after the pinned head, verifies them, stores the new state. */
  refresh(address: string): Promise<DeviceLogState | undefined> {
    const running = this.inFlight.get(address);
    if (running) return running;
    const job = this.fetchAndVerify(address).finally(() => this.inFlight.delete(address));
    this.inFlight.set(address, job);
    return job;
  }

  /**
   * A device's status in `address`'s log as verified in this round (one relay fetch per address
   * per round, so a device revoked while this one was offline is caught at catch-up).
   */
  async lookup(address: string, deviceId: string): Promise<DeviceLookup> {
    const state = await this.current(address);
    if (!state) return { status: 'unknown' };
    const active = findActiveDevice(state, deviceId);
    if (active) return { status: 'active', signingKey: active.signingKey, agreementKey: active.agreementKey };
    return { status: deviceStatus(state, deviceId) === 'revoked' ? 'revoked' : 'unknown' };
  }

  /** The signing key of a device this account ever linked (active or revoked), if any. */
  async signingKeyEver(address: string, deviceId: string): Promise<Uint8Array | undefined> {
    const state = await this.current(address);
    if (!state) return undefined;
    return (findActiveDevice(state, deviceId) ?? findRevokedDevice(state, deviceId))?.signingKey;
  }

  /** The account's active devices as verified in this round. */
  async activeDevices(address: string): Promise<readonly DeviceRecord[]> {
    return (await this.current(address))?.devices ?? [];
  }

  private async fetchAndVerify(address: string): Promise<DeviceLogState | undefined> {
    const before = await this.stored(address);
    let state = before;
    const added: DeviceLogEntryRow[] = [];
    let fromSeq = before ? before.seq + 1 : 0;
    for (;;) {
      const page = await this.api.deviceLog(address, fromSeq);
      if (page.address !== address || page.fromSeq !== fromSeq) break;
      for (const entry of page.entries) {
        // Throws CryptoError (forged_entry, broken_chain, ...): nothing is stored then.
        state = await appendDeviceLogEntry(this.suite, state, address, entry, { now: this.clock.now() });
        added.push(entry);
      }
      fromSeq += page.entries.length;
      if (!page.hasMore || page.entries.length === 0) break;
    }
    this.fresh.add(address);
    if (!state || added.length === 0) return state;
    await this.save(address, state, added, before);
    return state;
  }

  private async save(
    address: string,
    state: DeviceLogState,
    added: readonly DeviceLogEntryRow[],
    before: DeviceLogState | undefined,
  ): Promise<void> {
    const changed = before !== undefined && deviceSet(before) !== deviceSet(state);
    const now = this.clock.now();
    await this.db.transaction('rw', this.db.identities, async () => {
      const row = await this.db.identities.get(address);
      const next: IdentityRow = {
        address,
        entries: [...(row?.entries ?? []), ...added],
        pinnedSeq: state.seq,
        pinnedHash: bytesToHex(state.head),
        state: deviceLogStateToJson(state),
        verifiedAt: now,
        safetyVerified: changed ? false : (row?.safetyVerified ?? false),
        ...(changed
          ? { devicesChangedAt: now }
          : row?.devicesChangedAt === undefined
            ? {}
            : { devicesChangedAt: row.devicesChangedAt }),
      };
      await this.db.identities.put(next);
    });
    this.cache.set(address, state);
    if (changed) this.events.emit('devices-changed', { address });
  }
}
