import { describe, expect, it } from 'vitest';
import { InProcessLockManager } from '../../test/support/in-process-lock-manager';
import { silentLogger } from '../ports/logger';
import { LeaderElection } from './leader-election';

function election(locks: InProcessLockManager, log: string[], name: string) {
  return new LeaderElection(
    locks,
    'parley-engine/test',
    {
      becameLeader: async () => {
        log.push(`${name} leads`);
      },
      resigning: async () => {
        log.push(`${name} resigns`);
      },
    },
    silentLogger,
  );
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('leader election over the Web Locks API', () => {
  it('elects one, and hands over when it stops', async () => {
    const locks = new InProcessLockManager();
    const log: string[] = [];
    const a = election(locks, log, 'a');
    const b = election(locks, log, 'b');
    a.start();
    b.start();
    await tick();
    expect([a.isLeader, b.isLeader]).toEqual([true, false]);
    await a.stop();
    await tick();
    expect([a.isLeader, b.isLeader]).toEqual([false, true]);
    expect(log).toEqual(['a leads', 'a resigns', 'b leads']);
    await b.stop();
    expect(locks.isHeld('parley-engine/test')).toBe(false);
  });

  it('leaves the queue when a waiting engine stops', async () => {
    const locks = new InProcessLockManager();
    const log: string[] = [];
    const a = election(locks, log, 'a');
    const b = election(locks, log, 'b');
    const c = election(locks, log, 'c');
    a.start();
    b.start();
    c.start();
    await tick();
    await b.stop();
    expect(locks.waiting('parley-engine/test')).toBe(1);
    await a.stop();
    await tick();
    expect(c.isLeader).toBe(true);
    expect(log).toEqual(['a leads', 'a resigns', 'c leads']);
    await c.stop();
  });
});
