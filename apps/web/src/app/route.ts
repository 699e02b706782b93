// The app's few screens live in the URL hash (#/c/<id>, #/settings), so every screen has a link,
// the back button works, and the service worker only ever serves one document.

export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'conversation'; readonly id: string }
  | { readonly name: 'settings' };

const CONVERSATION_ID = /^[0-9a-f]{32}$/;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/settings') return { name: 'settings' };
  const m = /^\/c\/([^/]+)$/.exec(path);
  if (m?.[1] && CONVERSATION_ID.test(m[1])) return { name: 'conversation', id: m[1] };
  return { name: 'home' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'settings':
      return '#/settings';
    case 'conversation':
      return `#/c/${route.id}`;
  }
}
