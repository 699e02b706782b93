// Stands in for the engine until packages/engine exports its factory (see engine-setup.ts).
// Reads still work (the UI reads Dexie directly); every write fails with a clear, typed error
// the UI shows, rather than pretending to succeed.
import type { EngineApi } from '../../../../packages/engine/src/engine-api';

export class EngineUnavailableError extends Error {
  readonly kind = 'engine_unavailable';
  constructor() {
    super('The chat engine is not part of this build yet.');
    this.name = 'EngineUnavailableError';
  }
}

export function createUnavailableEngine(): EngineApi {
  const fail = async (): Promise<never> => {
    throw new EngineUnavailableError();
  };
  return {
    start: async () => undefined,
    stop: async () => undefined,
    on: () => () => undefined,
    signIn: fail,
    signOut: fail,
    createDM: fail,
    createGroup: fail,
    addMembers: fail,
    removeMembers: fail,
    send: fail,
    retry: fail,
    discard: fail,
    markRead: fail,
    setTyping: () => undefined,
    revokeDevice: fail,
  };
}
