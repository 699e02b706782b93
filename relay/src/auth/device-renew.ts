// Session renewal with a device key: after the first wallet sign-in, a device whose Ed25519
// signing key is active in its verified device log signs a single-use relay challenge, so the
// wallet does not pop up again. Signed bytes (docs/relay.md "Renewing a session"):
//   utf8("parley/v1/relay/renew\n" + domain + "\n" + address + "\n" + deviceId + "\n" + challenge)
export const RENEW_LABEL = 'parley/v1/relay/renew';

export function renewSigningInput(
  domain: string,
  address: string,
  deviceId: string,
  challenge: string,
): Uint8Array {
  return new TextEncoder().encode(`${RENEW_LABEL}\n${domain}\n${address}\n${deviceId}\n${challenge}`);
}
