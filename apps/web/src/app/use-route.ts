import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './route';

let cachedHash: string | undefined;
let cachedRoute: Route = { name: 'home' };

function snapshot(): Route {
  // Same object while the hash is unchanged, as useSyncExternalStore requires.
  if (window.location.hash !== cachedHash) {
    cachedHash = window.location.hash;
    cachedRoute = parseRoute(cachedHash);
  }
  return cachedRoute;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot);
}
