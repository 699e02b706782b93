// The Origin allowlist for /graphql over HTTP and at the WebSocket upgrade. Browsers always send
// Origin on cross-origin fetches and on every WebSocket; a request without one is not from a
// browser page (a CLI, a Node engine) and cannot carry a victim's ambient credentials anyway.
export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  return origin === undefined || allowed.includes(origin);
}
