// Requests from tabs that do not sync, carried out by the syncing tab (DESIGN.md §1.4: other tabs
// only read Dexie and hand their writes to the leader). A follower adds a row to `commands` and
// watches it; the leader runs queued rows one at a time and writes the result or the error back.
// Sends do not come through here: they go through the shared outbox.
import { liveQuery } from 'dexie';
import { isErrorKind, ProtocolError } from '../deps/protocol';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { ParleyDatabase } from '../store/database';

export type CommandHandlers = Readonly<Record<string, (args: unknown) => Promise<unknown>>>;

/** Follower side: queue a command and wait for the leader's answer. */
export async function runCommand(
  db: ParleyDatabase,
  clock: Clock,
  kind: string,
  args: unknown,
  timeoutMs = 60_000,
): Promise<unknown> {
  const id = await db.commands.add({ kind, args, state: 'queued', createdAt: clock.now() });
  return new Promise((resolve, reject) => {
    let subscription: { unsubscribe(): void } | undefined;
    const finish = (fn: () => void) => {
      clock.clearTimeout(timer);
      queueMicrotask(() => subscription?.unsubscribe());
      void db.commands.delete(id);
      fn();
    };
    const timer = clock.setTimeout(
      () => finish(() => reject(new ProtocolError('unavailable', 'no syncing tab answered'))),
      timeoutMs,
    );
    subscription = liveQuery(() => db.commands.get(id)).subscribe({
      next: (row) => {
        if (!row || row.state === 'queued') return;
        if (row.state === 'done') finish(() => resolve(row.result));
        else {
          const kind = row.error?.kind;
          finish(() =>
            reject(new ProtocolError(isErrorKind(kind) ? kind : 'internal', row.error?.message ?? 'failed')),
          );
        }
      },
      error: (error: unknown) => finish(() => reject(error)),
    });
  });
}

/** Leader side: runs queued commands as they appear. */
export class CommandProcessor {
  private subscription: { unsubscribe(): void } | undefined;
  private busy: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: ParleyDatabase,
    private readonly handlers: CommandHandlers,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.subscription = liveQuery(() =>
      this.db.commands.where('state').equals('queued').primaryKeys(),
    ).subscribe({
      next: () => {
        this.busy = this.busy.then(() => this.drain());
      },
      error: (error: unknown) => this.logger.warn('commands: watch failed', { error: String(error) }),
    });
  }

  async stop(): Promise<void> {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    await this.busy;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const row = await this.db.commands.where('state').equals('queued').first();
      if (row?.id === undefined || !this.subscription) return;
      const handler = this.handlers[row.kind];
      try {
        if (!handler) throw new ProtocolError('bad_request', `unknown command ${row.kind}`);
        const result = await handler(row.args);
        await this.db.commands.update(row.id, { state: 'done', result });
      } catch (error) {
        const e = error instanceof ProtocolError ? error : new ProtocolError('internal', String(error));
        await this.db.commands.update(row.id, {
          state: 'failed',
          error: { kind: e.kind, message: e.message },
        });
      }
    }
  }
}
