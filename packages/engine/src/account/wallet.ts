// The two things the engine asks of a wallet over EIP-1193: which account it is, and a
// personal_sign (EIP-191) of a human-readable text. Everything else a wallet does is the UI's.
import { Address, ProtocolError } from '../deps/protocol';
import type { Eip1193Provider } from '../engine-api';

const encoder = new TextEncoder();

function hexOf(bytes: Uint8Array): string {
  let out = '0x';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** The wallet's selected account, lowercase (eth_requestAccounts, EIP-1102). */
export async function walletAddress(provider: Eip1193Provider): Promise<string> {
  const accounts = await provider.request({ method: 'eth_requestAccounts' });
  const first = Array.isArray(accounts) ? accounts[0] : undefined;
  const parsed = Address.safeParse(typeof first === 'string' ? first.toLowerCase() : first);
  if (!parsed.success) throw new ProtocolError('bad_request', 'the wallet returned no account');
  return parsed.data;
}

/**
 * personal_sign of `message` by `address`. The text goes as 0x-hex of its UTF-8 bytes, the form
 * every wallet accepts (MetaMask shows it decoded). Returns the 65-byte signature as 0x-hex.
 */
export async function personalSign(
  provider: Eip1193Provider,
  message: string,
  address: string,
): Promise<string> {
  const signature = await provider.request({
    method: 'personal_sign',
    params: [hexOf(encoder.encode(message)), address],
  });
  if (typeof signature !== 'string' || !/^0x[0-9a-fA-F]{130}$/.test(signature)) {
    throw new ProtocolError('bad_signature', 'the wallet returned no signature');
  }
  return signature;
}
