// createDM and the group calls take an address or an ENS name. Names are resolved through the
// `resolveName` port (the app wires it to a provider); the result is checked like any address.
import { Address, ProtocolError } from '../deps/protocol';

export async function resolveAddress(
  addressOrEns: string,
  resolveName: ((name: string) => Promise<string | undefined>) | undefined,
): Promise<string> {
  const lower = addressOrEns.trim().toLowerCase();
  if (Address.safeParse(lower).success) return lower;
  const resolved = lower.includes('.') ? await resolveName?.(lower) : undefined;
  const parsed = Address.safeParse(resolved?.toLowerCase());
  if (!parsed.success) throw new ProtocolError('not_found', `cannot resolve ${addressOrEns.slice(0, 64)}`);
  return parsed.data;
}
