// NFT metadata (ERC-721 tokenURI / ERC-1155 uri JSON) made safe to show. The URI comes from a
// contract anyone can deploy, so: only https (ipfs:// and ar:// go through an https gateway) or an
// inline data: JSON; a size cap and a deadline on the fetch; JSON parsed as data, never run; only
// name, description and image are kept, cleaned as plain text; and the image must itself be https
// or an inline raster image. No SVG data URIs: an <img> would not run their scripts, but nothing
// here needs them. Fetching metadata tells its host (or the gateway) that someone looked at it.
import { ChainError } from './chain-error';
import { displayText } from './display-text';
import { fetchableUrl, fetchLimited } from './limited-fetch';

export interface TokenMetadata {
  readonly name?: string;
  readonly description?: string;
  /** An https URL or a data:image/(png|jpeg|gif|webp) URL, ready for <img src>. */
  readonly image?: string;
}

export interface MetadataOptions {
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  /** Base of an https IPFS gateway, ending in /ipfs/. */
  readonly ipfsGateway?: string;
  readonly allowHttpHosts?: readonly string[];
}

export const DEFAULT_IPFS_GATEWAY = 'https://ipfs.io/ipfs/';
const ARWEAVE_GATEWAY = 'https://arweave.net/';
export const MAX_METADATA_BYTES = 256 * 1024;
const METADATA_TIMEOUT_MS = 8_000;
const MAX_IMAGE_DATA_CHARS = 256 * 1024;
const MAX_NAME_CHARS = 120;
const MAX_DESCRIPTION_CHARS = 600;

/** An https URL to fetch for `uri` (ipfs:// and ar:// through gateways), or undefined. */
export function httpsUrlOf(uri: string, options: MetadataOptions = {}): string | undefined {
  const text = uri.trim();
  const ipfs = /^ipfs:\/\/(?:ipfs\/)?([A-Za-z0-9]{16,100}(?:\/[^\s?#]*)?)$/.exec(text);
  if (ipfs?.[1]) return `${options.ipfsGateway ?? DEFAULT_IPFS_GATEWAY}${ipfs[1]}`;
  const ar = /^ar:\/\/([A-Za-z0-9_-]{43}(?:\/[^\s?#]*)?)$/.exec(text);
  if (ar?.[1]) return `${ARWEAVE_GATEWAY}${ar[1]}`;
  return fetchableUrl(text, options.allowHttpHosts)?.toString();
}

/** Reads a data: URI's bytes when its media type is one of `types`. */
export function dataUriBytes(uri: string, types: readonly string[]): Uint8Array | undefined {
  const match = /^data:([^,]*?),(.*)$/s.exec(uri.trim());
  if (!match) return undefined;
  const params = (match[1] ?? '').toLowerCase().split(';');
  if (!types.includes(params[0] ?? '')) return undefined;
  const payload = match[2] ?? '';
  try {
    if (params.includes('base64'))
      return Uint8Array.from(atob(payload.replace(/\s/g, '')), (c) => c.charCodeAt(0));
    return new TextEncoder().encode(safeDecodeUri(payload));
  } catch {
    return undefined;
  }
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The image field as something <img> may load, or undefined. */
export function safeImageUrl(value: unknown, options: MetadataOptions = {}): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$/i.test(text))
    return text.length <= MAX_IMAGE_DATA_CHARS ? text : undefined;
  if (/^data:/i.test(text)) return undefined;
  const url = httpsUrlOf(text, options);
  return url !== undefined && url.length <= 2048 ? url : undefined;
}

/** Keeps the fields Parley shows from a metadata JSON object. */
export function parseMetadata(json: unknown, options: MetadataOptions = {}): TokenMetadata {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
  const record = json as Record<string, unknown>;
  const name = displayText(record.name, MAX_NAME_CHARS);
  const description = displayText(record.description, MAX_DESCRIPTION_CHARS);
  const image = safeImageUrl(record.image ?? record.image_url, options);
  return {
    ...(name === undefined ? {} : { name }),
    ...(description === undefined ? {} : { description }),
    ...(image === undefined ? {} : { image }),
  };
}

/** Fetches (or decodes) and parses the metadata behind a token URI. */
export async function fetchTokenMetadata(uri: string, options: MetadataOptions = {}): Promise<TokenMetadata> {
  const maxBytes = options.maxBytes ?? MAX_METADATA_BYTES;
  let bytes: Uint8Array | undefined;
  if (/^data:/i.test(uri.trim())) {
    bytes = dataUriBytes(uri, ['application/json', 'text/plain', '']);
    if (!bytes) throw new ChainError('refused', 'unsupported data URI');
    if (bytes.byteLength > maxBytes) throw new ChainError('too_large', 'metadata too large');
  } else {
    const url = httpsUrlOf(uri, options);
    if (!url) throw new ChainError('refused', 'metadata URI is not https, ipfs or ar');
    bytes = await fetchLimited(url, {
      maxBytes,
      timeoutMs: options.timeoutMs ?? METADATA_TIMEOUT_MS,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.allowHttpHosts ? { allowHttpHosts: options.allowHttpHosts } : {}),
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ChainError('bad_response', 'metadata is not JSON');
  }
  return parseMetadata(json, options);
}
