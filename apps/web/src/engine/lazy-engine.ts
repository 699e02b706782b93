// An EngineApi that exists from the first render while the real engine (crypto, transport:
// heavy code) loads in the background. Calls made before it has loaded wait for it; listeners
// registered early are attached once it arrives. This keeps the engine out of the initial bundle.
import type { EngineApi, EngineEvents } from '../../../../packages/engine/src/engine-api';

type AnyListener = (event: never) => void;

export function createLazyEngine(
  load: () => Promise<EngineApi>,
): EngineApi & { readonly loaded: Promise<EngineApi> } {
  let engine: EngineApi | undefined;
  // Each early listener, with the function that detaches it from the real engine once attached.
  const pending = new Map<{ type: keyof EngineEvents; listener: AnyListener }, (() => void) | undefined>();

  const loaded = load().then((real) => {
    engine = real;
    for (const [entry] of pending) {
      pending.set(entry, real.on(entry.type, entry.listener as (e: EngineEvents[typeof entry.type]) => void));
    }
    return real;
  });
  // An unhandled rejection here would be noise: every caller awaits `loaded` and sees the error.
  loaded.catch(() => undefined);

  const call = async <T>(fn: (e: EngineApi) => Promise<T>): Promise<T> => fn(engine ?? (await loaded));

  return {
    loaded,
    start: () => call((e) => e.start()),
    stop: () => call((e) => e.stop()),
    on(type, listener) {
      const entry = { type, listener: listener as AnyListener };
      pending.set(entry, engine?.on(type, listener));
      return () => {
        pending.get(entry)?.();
        pending.delete(entry);
      };
    },
    signIn: (request) => call((e) => e.signIn(request)),
    signOut: () => call((e) => e.signOut()),
    createDM: (who) => call((e) => e.createDM(who)),
    createGroup: (name, members) => call((e) => e.createGroup(name, members)),
    addMembers: (id, addresses) => call((e) => e.addMembers(id, addresses)),
    removeMembers: (id, addresses) => call((e) => e.removeMembers(id, addresses)),
    setRole: (id, address, role) => call((e) => e.setRole(id, address, role)),
    send: (id, content) => call((e) => e.send(id, content)),
    retry: (clientId) => call((e) => e.retry(clientId)),
    discard: (clientId) => call((e) => e.discard(clientId)),
    markRead: (id, upto) => call((e) => e.markRead(id, upto)),
    // Typing is ephemeral: before the engine exists there is nobody to tell.
    setTyping: (id, typing) => engine?.setTyping(id, typing),
    revokeDevice: (deviceId, provider) => call((e) => e.revokeDevice(deviceId, provider)),
    safetyNumber: (peer) => call((e) => e.safetyNumber(peer)),
    setSafetyVerified: (peer, verified) => call((e) => e.setSafetyVerified(peer, verified)),
    refreshDevices: () => call((e) => e.refreshDevices()),
    onPresence(listener) {
      if (engine) return engine.onPresence(listener);
      let off: (() => void) | undefined;
      let cancelled = false;
      void loaded.then((real) => {
        if (!cancelled) off = real.onPresence(listener);
      });
      return () => {
        cancelled = true;
        off?.();
      };
    },
  };
}
