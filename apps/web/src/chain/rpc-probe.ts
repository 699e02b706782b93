// "Test connection" in Settings: one eth_chainId call with plain fetch (no ethers, so the settings
// screen stays light). Tells the person which chain the URL serves, so a Sepolia URL typed into
// the Ethereum row is caught before anything trusts it.

export type ProbeResult =
  | { readonly ok: true; readonly chainId: number }
  | {
      readonly ok: false;
      readonly problem: 'unreachable' | 'http' | 'bad_response' | 'rpc_error' | 'timeout';
    };

export interface ProbeOptions {
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_CHARS = 4096;

export async function probeChainId(url: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    if (!response.ok) return { ok: false, problem: 'http' };
    const text = await response.text();
    if (text.length > MAX_RESPONSE_CHARS) return { ok: false, problem: 'bad_response' };
    return parseChainIdResponse(text);
  } catch {
    return { ok: false, problem: timedOut ? 'timeout' : 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a JSON-RPC answer to eth_chainId: `{"result":"0x1"}`. */
export function parseChainIdResponse(text: string): ProbeResult {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'bad_response' };
  }
  if (typeof body !== 'object' || body === null) return { ok: false, problem: 'bad_response' };
  if ('error' in body && body.error !== undefined && body.error !== null)
    return { ok: false, problem: 'rpc_error' };
  const result = 'result' in body ? body.result : undefined;
  if (typeof result !== 'string' || !/^0x[0-9a-fA-F]{1,13}$/.test(result))
    return { ok: false, problem: 'bad_response' };
  const chainId = Number.parseInt(result.slice(2), 16);
  if (!Number.isSafeInteger(chainId) || chainId <= 0) return { ok: false, problem: 'bad_response' };
  return { ok: true, chainId };
}
