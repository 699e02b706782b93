// Relay sessions (docs/relay.md "Signing in", "Renewing a session"). The first sign-in on a device
// is SIWE: the relay builds the EIP-4361 message (`challenge`), the wallet signs it, `signIn`
// returns an opaque token. Later sessions are renewed with the device's Ed25519 key alone, so the
// wallet is not asked again. The token is stored wrapped, like the device keys.
import type { CryptoSuite } from '@parley/crypto';
import { bytesToHex } from '@parley/crypto';
import { ProtocolError } from '../deps/protocol';
import type { Eip1193Provider } from '../engine-api';
import type { ParleyDatabase } from '../store/database';
import type { KeyWrapper } from '../store/key-wrap';
import type { RelayApi } from '../transport/relay-api';
import type { SessionOut } from '../transport/relay-schemas';
import type { DeviceSecrets } from './device-keys';
import { personalSign } from './wallet';

export const TOKEN_PURPOSE = 'parley/v1/engine/session-token';
/** The label of the renewal signature (relay/src/auth/device-renew.ts, docs/relay.md). */
export const RENEW_LABEL = 'parley/v1/relay/renew';
const DEVICE_RESOURCE = 'urn:parley:device:';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The bytes a device signs to renew its session: the relay checks exactly these. */
export function renewSigningInput(
  domain: string,
  address: string,
  deviceId: string,
  challenge: string,
): Uint8Array {
  return encoder.encode(`${RENEW_LABEL}\n${domain}\n${address}\n${deviceId}\n${challenge}`);
}

/** The domain on the first line of an EIP-4361 message ("<domain> wants you to sign in ..."). */
export function siweDomain(message: string): string {
  const first = message.split('\n', 1)[0] ?? '';
  const match = /^(\S+) wants you to sign in with your Ethereum account:$/.exec(first);
  if (!match?.[1])
    throw new ProtocolError('bad_request', 'the relay sent a sign-in message that is not EIP-4361');
  return match[1];
}

/**
 * Refuses a sign-in message that is not for this account and device before the wallet sees it: a
 * relay that swapped either would get a session for something else.
 */
export function checkSiweMessage(message: string, address: string, deviceId: string): void {
  const lines = message.split('\n');
  if ((lines[1] ?? '').toLowerCase() !== address) {
    throw new ProtocolError('bad_request', 'the sign-in message names another account');
  }
  if (!lines.includes(`- ${DEVICE_RESOURCE}${deviceId}`)) {
    throw new ProtocolError('bad_request', 'the sign-in message names another device');
  }
  siweDomain(message);
}

export class Sessions {
  constructor(
    private readonly db: ParleyDatabase,
    private readonly api: RelayApi,
    private readonly wrapper: KeyWrapper,
    private readonly suite: CryptoSuite,
  ) {}

  /** SIWE: one wallet prompt. Returns the session and the relay's SIWE domain. */
  async signInWithWallet(
    provider: Eip1193Provider,
    address: string,
    deviceId: string,
  ): Promise<{ session: SessionOut; domain: string }> {
    const { message } = await this.api.challenge(address, deviceId);
    checkSiweMessage(message, address, deviceId);
    const signature = await personalSign(provider, message, address);
    const session = await this.api.signIn(message, signature);
    if (session.address !== address || session.deviceId !== deviceId) {
      throw new ProtocolError('bad_request', 'the relay issued a session for someone else');
    }
    return { session, domain: siweDomain(message) };
  }

  /** A new session signed by the device key; no wallet prompt. */
  async renew(address: string, domain: string, device: DeviceSecrets): Promise<SessionOut> {
    const { challenge } = await this.api.deviceChallenge(address, device.deviceId);
    const input = renewSigningInput(domain, address, device.deviceId, challenge);
    const signature = bytesToHex(await this.suite.ed25519.sign(device.signing.privateKey, input));
    const session = await this.api.renewSession(address, device.deviceId, challenge, signature);
    if (session.address !== address || session.deviceId !== device.deviceId) {
      throw new ProtocolError('bad_request', 'the relay issued a session for someone else');
    }
    return session;
  }

  async store(session: SessionOut, domain: string): Promise<void> {
    const sessionToken = await this.wrapper.wrap(encoder.encode(session.token), TOKEN_PURPOSE);
    await this.db.account.update('me', {
      sessionToken,
      sessionExpiresAt: session.expiresAt,
      relayDomain: domain,
    });
  }

  /** The stored token if it has not expired by `now`. */
  async load(now: number): Promise<string | undefined> {
    const account = await this.db.account.get('me');
    if (!account?.sessionToken || (account.sessionExpiresAt ?? 0) <= now) return undefined;
    return decoder.decode(await this.wrapper.unwrap(account.sessionToken, TOKEN_PURPOSE));
  }
}
