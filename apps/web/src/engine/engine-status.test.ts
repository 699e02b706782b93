import { describe, expect, it } from 'vitest';
import type { EngineEvents } from '../../../../packages/engine/src/engine-api';
import { Emitter } from '../../../../packages/engine/src/events/emitter';
import { bannerFor, createEngineStatus, type OnlineSource } from './engine-status';

class FakeOnline extends EventTarget implements OnlineSource {
  onLine = true;
  set(online: boolean) {
    this.onLine = online;
    this.dispatchEvent(new Event(online ? 'online' : 'offline'));
  }
}

const base = { browserOnline: true, connection: undefined, connectionAt: 0, sync: undefined } as const;

describe('connection banner', () => {
  it('shows nothing while connecting, online or idle', () => {
    expect(bannerFor(base)).toEqual({ kind: 'none' });
    expect(bannerFor({ ...base, connection: { state: 'connecting', attempt: 1 } })).toEqual({ kind: 'none' });
    expect(bannerFor({ ...base, connection: { state: 'online' } })).toEqual({ kind: 'none' });
    expect(bannerFor({ ...base, connection: { state: 'idle' } })).toEqual({ kind: 'none' });
  });

  it('puts offline first, then reconnecting with its deadline, then catch-up progress', () => {
    const sync = { done: 3, total: 10 };
    expect(bannerFor({ ...base, browserOnline: false, sync })).toEqual({ kind: 'offline' });
    expect(bannerFor({ ...base, connection: { state: 'offline' }, sync })).toEqual({ kind: 'offline' });
    expect(
      bannerFor({
        ...base,
        connection: { state: 'reconnecting', attempt: 2, retryInMs: 4000 },
        connectionAt: 1000,
        sync,
      }),
    ).toEqual({ kind: 'reconnecting', attempt: 2, retryAt: 5000 });
    expect(bannerFor({ ...base, connection: { state: 'online' }, sync })).toEqual({
      kind: 'catching-up',
      done: 3,
      total: 10,
    });
    expect(bannerFor({ ...base, sync: { done: true } })).toEqual({ kind: 'none' });
    expect(bannerFor({ ...base, sync: { done: 10, total: 10 } })).toEqual({ kind: 'none' });
  });

  it('follows engine events and the browser online flag, notifying only on visible changes', () => {
    const emitter = new Emitter<EngineEvents>();
    const online = new FakeOnline();
    const status = createEngineStatus(emitter, online, () => 100);
    let notified = 0;
    status.subscribe(() => notified++);
    emitter.emit('connection', { state: 'online' });
    expect(notified).toBe(0);
    emitter.emit('sync', { done: 1, total: 4 });
    expect(status.banner()).toEqual({ kind: 'catching-up', done: 1, total: 4 });
    online.set(false);
    expect(status.banner()).toEqual({ kind: 'offline' });
    online.set(true);
    emitter.emit('connection', { state: 'reconnecting', attempt: 1, retryInMs: 900 });
    expect(status.banner()).toEqual({ kind: 'reconnecting', attempt: 1, retryAt: 1000 });
    expect(notified).toBe(4);
    status.dispose();
    expect(emitter.listenerCount('connection')).toBe(0);
    online.set(false);
    expect(status.banner()).toEqual({ kind: 'reconnecting', attempt: 1, retryAt: 1000 });
  });
});
