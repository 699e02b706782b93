// Sign-in with Ethereum (EIP-4361) through the siwe library. The relay issues the message (so
// domain, URI, chain id, nonce and times are its own) and on sign-in checks every field of it
// again, the signature, and the time window; the nonce is consumed last, atomically.
import { getAddress } from 'ethers';
import { SiweMessage } from 'siwe';
import { ProtocolError } from '../deps/protocol';

export const DEVICE_RESOURCE_PREFIX = 'urn:parley:device:';
const STATEMENT = 'Sign in to Parley. This signature lets this device use the relay; it moves no funds.';

export interface SiweParams {
  readonly domain: string;
  readonly uri: string;
  readonly chainId: number;
}

export function buildSiweMessage(
  p: SiweParams,
  address: string,
  deviceId: string,
  nonce: string,
  issuedAt: number,
  expiresAt: number,
): string {
  return new SiweMessage({
    domain: p.domain,
    address: getAddress(address),
    statement: STATEMENT,
    uri: p.uri,
    version: '1',
    chainId: p.chainId,
    nonce,
    issuedAt: new Date(issuedAt).toISOString(),
    expirationTime: new Date(expiresAt).toISOString(),
    resources: [`${DEVICE_RESOURCE_PREFIX}${deviceId}`],
  }).prepareMessage();
}

export interface VerifiedSignIn {
  readonly address: string;
  readonly deviceId: string;
  readonly nonce: string;
}

function parse(message: string): SiweMessage {
  try {
    return new SiweMessage(message);
  } catch {
    throw new ProtocolError('bad_request', 'not an EIP-4361 message');
  }
}

/** Checks everything but the nonce's freshness (the caller consumes it). */
export async function verifySiwe(
  p: SiweParams,
  message: string,
  signature: string,
  now: number,
): Promise<VerifiedSignIn> {
  const siwe = parse(message);
  if (siwe.domain !== p.domain)
    throw new ProtocolError('bad_request', 'the sign-in message is for another domain');
  if (siwe.uri !== p.uri) throw new ProtocolError('bad_request', 'the sign-in message is for another URI');
  if (siwe.chainId !== p.chainId)
    throw new ProtocolError('bad_request', 'the sign-in message is for another chain');
  if (siwe.version !== '1') throw new ProtocolError('bad_request', 'unsupported EIP-4361 version');
  if (siwe.expirationTime === undefined || siwe.issuedAt === undefined) {
    throw new ProtocolError('bad_request', 'the sign-in message has no issued-at or expiration time');
  }
  const devices = (siwe.resources ?? []).filter((r) => r.startsWith(DEVICE_RESOURCE_PREFIX));
  const deviceId = devices[0]?.slice(DEVICE_RESOURCE_PREFIX.length);
  if (devices.length !== 1 || deviceId === undefined || !/^[0-9a-f]{32}$/.test(deviceId)) {
    throw new ProtocolError('bad_request', 'the sign-in message names no device');
  }
  const result = await siwe.verify(
    { signature, domain: p.domain, time: new Date(now).toISOString() },
    { suppressExceptions: true },
  );
  if (!result.success) {
    const type = result.error?.type ?? '';
    if (type === 'Expired message.') throw new ProtocolError('expired', 'the sign-in message has expired');
    if (type === 'Message is not valid yet.')
      throw new ProtocolError('bad_request', 'the sign-in message is not valid yet');
    throw new ProtocolError('bad_signature', 'the signature does not match the sign-in message');
  }
  return { address: siwe.address.toLowerCase(), deviceId, nonce: siwe.nonce };
}
