// Builds the real engine for this browser. Loaded lazily (bootstrap.ts), so the engine's crypto
// and transport stay out of the initial bundle.
//
// TODO(engine integration): packages/engine does not export a factory yet. When it does, this
// becomes e.g.
//   const { createEngine } = await import('@parley/engine');
//   return createEngine({ db, relayUrl: location.origin, indexedDB, locks: navigator.locks, ... });
// Until then the stand-in fails every write with EngineUnavailableError, which the UI shows.
import type { EngineApi } from '../../../../packages/engine/src/engine-api';
import type { ParleyDatabase } from '../../../../packages/engine/src/store/database';
import { createUnavailableEngine } from '../engine/unavailable-engine';

export async function createEngine(_db: ParleyDatabase): Promise<EngineApi> {
  return createUnavailableEngine();
}
