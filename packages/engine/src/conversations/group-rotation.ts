// Rotating a group's epoch to a fresh secret without a membership change (DESIGN.md §4 "Groups",
// docs/protocol.md §6.2 and §6.6):
// - scheduled: the epoch is 7 days old or has carried 10,000 messages on this device
//   (crypto's needsRotation, ROTATION_MAX_AGE_MS / ROTATION_MAX_MESSAGES);
// - devices: the epoch's member devices are no longer the members' active devices, because a
//   member linked a device (it gets the new secret, so it can read and send from now on) or
//   revoked one (it cannot compute the new secret).
// Only an admin may sign a `rotate` control (the relay refuses anyone else's), so a non-admin
// never tries: it receives the admin's rotation as a wrap. Two admins rotating at once is safe:
// the relay orders the controls and refuses the second as a `conflict`; the loser syncs, sees a
// fresh epoch, and has nothing left to do.
import { bytesToHex, epochNeedsRotation } from '@parley/crypto';
import type { DirectContext } from '../crypto-state/direct';
import { currentEpoch, type GroupSession } from '../deps/crypto';
import { ProtocolError } from '../deps/protocol';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { ConversationRow } from '../store/schema';
import { submitControl } from './group-admin';
import type { Roles } from './group-state';
import { type Groups, type GroupsContext, memberDevices } from './groups';

/** How often the leader looks for groups whose epoch is due. */
export const ROTATION_CHECK_MS = 60 * 60_000;

export type RotationReason = 'scheduled' | 'devices';

/** Why the group's current epoch should be replaced now, if it should. */
export async function rotationReason(
  ctx: DirectContext,
  session: GroupSession,
  roles: Roles,
  now: number,
): Promise<RotationReason | undefined> {
  const epoch = currentEpoch(session);
  if (epochNeedsRotation(epoch, now)) return 'scheduled';
  const held = new Set(epoch.members.map((m) => bytesToHex(m.deviceId)));
  const active = (await memberDevices(ctx, roles)).map((m) => bytesToHex(m.deviceId));
  if (active.length !== held.size || active.some((d) => !held.has(d))) return 'devices';
  return undefined;
}

/** As an admin, rotates the group's epoch if it is due; returns why it rotated, if it did. */
export function rotateIfDue(
  groups: Groups,
  ctx: GroupsContext,
  conversationId: string,
): Promise<RotationReason | undefined> {
  return ctx.crypto.exclusive(async (ws) => {
    const state = await groups.syncWithin(ws, conversationId);
    const session = state ? await ws.group(conversationId) : undefined;
    const reason =
      state && session && state.roles[ctx.me] === 'admin'
        ? await rotationReason(ctx, session, state.roles, ctx.now())
        : undefined;
    if (!state || !reason) {
      // Keep what syncing the controls brought.
      await ctx.crypto.commit(ws, [], async () => undefined);
      return undefined;
    }
    await submitControl(ctx, ws, conversationId, state, 'rotate', []);
    return reason;
  });
}

export interface GroupRotationDeps {
  readonly groups: Groups;
  readonly ctx: GroupsContext;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** When the leader checks: on going live, every ROTATION_CHECK_MS, and when devices change. */
export class GroupRotation {
  private stopped = true;
  private timer: unknown;
  private offDevices: (() => void) | undefined;
  private job: Promise<void> = Promise.resolve();

  constructor(private readonly d: GroupRotationDeps) {}

  start(): void {
    this.stopped = false;
    // Emitted when a verified device log's device set changed, this account's own included.
    this.offDevices = this.d.ctx.events.on('devices-changed', ({ address }) =>
      this.check((c) => c.verifiedMembers?.[address] !== undefined),
    );
    this.arm();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.offDevices?.();
    this.offDevices = undefined;
    if (this.timer !== undefined) this.d.clock.clearTimeout(this.timer);
    this.timer = undefined;
    await this.job;
  }

  /** Resolves when every queued check has run (tests). */
  async settled(): Promise<void> {
    let last: Promise<void> | undefined;
    while (last !== this.job) {
      last = this.job;
      await last;
    }
  }

  /** Checks every group this account administers (or those `which` picks). */
  check(which: (c: ConversationRow) => boolean = () => true): Promise<void> {
    this.job = this.job.then(() => this.run(which));
    return this.job;
  }

  private arm(): void {
    this.timer = this.d.clock.setTimeout(() => {
      this.timer = undefined;
      if (this.stopped) return;
      void this.check();
      this.arm();
    }, ROTATION_CHECK_MS);
  }

  private async run(which: (c: ConversationRow) => boolean): Promise<void> {
    if (this.stopped) return;
    const me = this.d.ctx.me;
    const candidates = await this.d.ctx.db.conversations
      .filter(
        (c) => c.kind === 'group' && c.active !== false && c.verifiedMembers?.[me] === 'admin' && which(c),
      )
      .toArray();
    for (const c of candidates) {
      if (this.stopped) return;
      await this.rotate(c.id, 1);
    }
  }

  private async rotate(conversationId: string, retries: number): Promise<void> {
    try {
      const reason = await rotateIfDue(this.d.groups, this.d.ctx, conversationId);
      if (reason) this.d.logger.info('groups: rotated the epoch', { conversationId, reason });
    } catch (error) {
      // Another admin's control got there first: sync and look again (usually nothing is left).
      if (error instanceof ProtocolError && error.kind === 'conflict' && retries > 0 && !this.stopped)
        return this.rotate(conversationId, retries - 1);
      this.d.logger.warn('groups: rotation failed', { conversationId, error: String(error) });
    }
  }
}
