import { describe, expect, it } from 'vitest';
import type { EngineApi, EngineEvents } from '../../../../packages/engine/src/engine-api';
import { Emitter } from '../../../../packages/engine/src/events/emitter';
import { createLazyEngine } from './lazy-engine';

function fakeEngine() {
  const emitter = new Emitter<EngineEvents>();
  const calls: string[] = [];
  const unused = async (): Promise<never> => {
    throw new Error('not used by this test');
  };
  const engine: EngineApi = {
    start: unused,
    stop: unused,
    signIn: unused,
    signOut: unused,
    createDM: unused,
    createGroup: unused,
    addMembers: unused,
    removeMembers: unused,
    setRole: unused,
    retry: unused,
    discard: unused,
    markRead: unused,
    revokeDevice: unused,
    safetyNumber: unused,
    setSafetyVerified: unused,
    refreshDevices: unused,
    onPresence: () => () => undefined,
    on: (type, listener) => emitter.on(type, listener),
    send: async (id, content) => {
      calls.push(`send ${id} ${content.type}`);
      return 'client-1';
    },
    setTyping: (id, typing) => {
      calls.push(`typing ${id} ${typing}`);
    },
  };
  return { engine, emitter, calls };
}

function deferred<T>() {
  let resolve: (v: T) => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('lazy engine', () => {
  it('queues calls until the engine has loaded, then forwards them', async () => {
    const { engine, calls } = fakeEngine();
    const d = deferred<EngineApi>();
    const lazy = createLazyEngine(() => d.promise);
    const sent = lazy.send('conv', { type: 'text', body: 'hi' });
    expect(calls).toEqual([]);
    d.resolve(engine);
    expect(await sent).toBe('client-1');
    expect(calls).toEqual(['send conv text']);
  });

  it('attaches early listeners when the engine arrives, and detaches them on request', async () => {
    const { engine, emitter } = fakeEngine();
    const d = deferred<EngineApi>();
    const lazy = createLazyEngine(() => d.promise);
    const seen: string[] = [];
    const off = lazy.on('connection', (c) => seen.push(c.state));
    d.resolve(engine);
    await lazy.loaded;
    emitter.emit('connection', { state: 'online' });
    off();
    emitter.emit('connection', { state: 'offline' });
    expect(seen).toEqual(['online']);
    expect(emitter.listenerCount('connection')).toBe(0);
  });

  it('a listener removed before the engine loads is never attached', async () => {
    const { engine, emitter } = fakeEngine();
    const lazy = createLazyEngine(async () => engine);
    const off = lazy.on('sync', () => undefined);
    off();
    await lazy.loaded;
    expect(emitter.listenerCount('sync')).toBe(0);
  });

  it('drops typing signals before the engine exists, forwards them after', async () => {
    const { engine, calls } = fakeEngine();
    const d = deferred<EngineApi>();
    const lazy = createLazyEngine(() => d.promise);
    lazy.setTyping('c', true);
    d.resolve(engine);
    await lazy.loaded;
    lazy.setTyping('c', false);
    expect(calls).toEqual(['typing c false']);
  });

  it('rejects every call with the load error when the engine fails to load', async () => {
    const lazy = createLazyEngine(async () => {
      throw new Error('chunk failed');
    });
    await expect(lazy.createDM('vitalik.eth')).rejects.toThrow('chunk failed');
  });
});
