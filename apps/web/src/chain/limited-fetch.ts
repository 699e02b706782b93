// Fetching something a stranger pointed us at (token metadata, avatar records): GET only, no
// cookies, no referrer, a deadline, and a byte cap enforced while reading, so a server that
// streams forever or sends a 2 GB "JSON" costs at most `maxBytes`.
import { ChainError } from './chain-error';

export interface LimitedFetchOptions {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
  /** Hosts that may be fetched over plain http (tests only: a loopback server). */
  readonly allowHttpHosts?: readonly string[];
}

/** Whether `url` may be fetched at all: https, or http to an explicitly allowed host. */
export function fetchableUrl(url: string, allowHttpHosts: readonly string[] = []): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:' && allowHttpHosts.includes(parsed.hostname)) return parsed;
  return undefined;
}

export async function fetchLimited(url: string, options: LimitedFetchOptions): Promise<Uint8Array> {
  const target = fetchableUrl(url, options.allowHttpHosts);
  if (!target) throw new ChainError('refused', 'only https URLs are fetched');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await (options.fetch ?? globalThis.fetch)(target.toString(), {
      method: 'GET',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
      signal: controller.signal,
    });
    // A redirect must not take us off https either.
    if (response.url && !fetchableUrl(response.url, options.allowHttpHosts))
      throw new ChainError('refused', 'redirected off https');
    if (!response.ok) throw new ChainError('unreachable', `HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > options.maxBytes) throw new ChainError('too_large', 'response too large');
    return await readCapped(response, options.maxBytes, controller);
  } catch (error) {
    if (error instanceof ChainError) throw error;
    throw new ChainError('unreachable', controller.signal.aborted ? 'timed out' : 'fetch failed');
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(
  response: Response,
  maxBytes: number,
  controller: AbortController,
): Promise<Uint8Array> {
  const body = response.body;
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      controller.abort();
      throw new ChainError('too_large', 'response too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
