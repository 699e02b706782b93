import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../deps/protocol';
import { systemClock } from '../ports/clock';
import { silentLogger } from '../ports/logger';
import { ParleyDatabase } from '../store/database';
import { CommandProcessor, runCommand } from './commands';

describe('commands from tabs that do not sync', () => {
  it('are carried out by the leader, with their result or their error', async () => {
    const factory = new IDBFactory();
    const leader = new ParleyDatabase('cmd', { indexedDB: factory, IDBKeyRange });
    const follower = new ParleyDatabase('cmd', { indexedDB: factory, IDBKeyRange });
    const seen: unknown[] = [];
    const processor = new CommandProcessor(
      leader,
      {
        echo: async (args) => {
          seen.push(args);
          return { ok: args };
        },
        refuse: async () => {
          throw new ProtocolError('forbidden', 'not an admin');
        },
      },
      silentLogger,
    );
    processor.start();
    expect(await runCommand(follower, systemClock, 'echo', { n: 1 })).toEqual({ ok: { n: 1 } });
    await expect(runCommand(follower, systemClock, 'refuse', {})).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(runCommand(follower, systemClock, 'nope', {})).rejects.toMatchObject({
      kind: 'bad_request',
    });
    expect(seen).toEqual([{ n: 1 }]);
    // Answered commands do not pile up.
    await new Promise((r) => setTimeout(r, 20));
    expect(await follower.commands.count()).toBe(0);
    await processor.stop();
    leader.close();
    follower.close();
  });
});
