// Which Ethereum RPC URLs Parley accepts. The RPC answers every on-chain question (ENS names, token
// symbols, receipts), so it must not be readable or rewritable on the way: https only. Plain http
// is allowed only to this machine (a local node such as anvil or a self-hosted geth).

export type RpcUrlProblem = 'empty' | 'invalid' | 'insecure' | 'credentials';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_URL_CHARS = 2048;

export type RpcUrlCheck =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly problem: RpcUrlProblem };

/** Checks what the person typed; on success `url` is the normalised URL to store. */
export function checkRpcUrl(input: string): RpcUrlCheck {
  const text = input.trim();
  if (text.length === 0) return { ok: false, problem: 'empty' };
  if (text.length > MAX_URL_CHARS) return { ok: false, problem: 'invalid' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'invalid' };
  if (url.hostname.length === 0) return { ok: false, problem: 'invalid' };
  // user:pass@ in a URL is sent in the clear to anything that logs URLs; providers put API keys
  // in the path instead.
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' };
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname))
    return { ok: false, problem: 'insecure' };
  url.hash = '';
  return { ok: true, url: url.toString() };
}

/** True for a URL checkRpcUrl accepts unchanged (used on stored rows). */
export function isRpcUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const check = checkRpcUrl(value);
  return check.ok && check.url === value;
}
