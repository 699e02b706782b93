// Says what a signature request is for, so the app can explain it before the wallet asks.
// The text being signed is the authority: a hint from the engine (EngineApi's onPrompt) is only
// used when the text itself says nothing recognisable.

export type SignaturePurpose = 'sign-in' | 'link-device' | 'revoke-device' | 'typed-data' | 'unknown';

// EIP-4361 (SIWE): the first line is "<domain> wants you to sign in with your Ethereum account:".
const SIWE_FIRST_LINE = / wants you to sign in with your Ethereum account:$/;
// The device-log text (docs/protocol.md §4.1): a title line, then fields such as "Action: link device".
const DEVICE_LOG_TITLE = 'Parley device log';

export function classifySignature(
  request: { readonly method: 'personal_sign' | 'eth_signTypedData_v4'; readonly text: string },
  hint?: 'sign-in' | 'link-device',
): SignaturePurpose {
  if (request.method === 'eth_signTypedData_v4') return 'typed-data';
  const lines = request.text.split('\n');
  if (SIWE_FIRST_LINE.test(lines[0] ?? '')) return 'sign-in';
  if (lines[0] === DEVICE_LOG_TITLE) {
    if (lines.includes('Action: link device')) return 'link-device';
    if (lines.includes('Action: revoke device')) return 'revoke-device';
  }
  return hint ?? 'unknown';
}
