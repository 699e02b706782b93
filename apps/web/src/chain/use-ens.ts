// ENS names and avatars for the UI. Both return undefined when no Ethereum RPC URL is configured,
// while looking up, and when there is no verified name: callers keep showing the short address.

import { ENS_CHAIN_ID } from './rpc-settings';
import { useChainLookup } from './use-chain-lookup';
import { useRpcUrl } from './use-rpc-url';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

function keyFor(kind: string, url: string | undefined, address: string | undefined): string | undefined {
  return url !== undefined && address !== undefined && ADDRESS.test(address)
    ? `${kind}|${url}|${address.toLowerCase()}`
    : undefined;
}

/** The address's primary ENS name, verified by forward resolution. */
export function useEnsName(address: string | undefined): string | undefined {
  const url = useRpcUrl(ENS_CHAIN_ID);
  const lookup = useChainLookup(keyFor('ens-name', url, address), (chain) =>
    url !== undefined && address !== undefined
      ? chain.ensFor(url).lookupName(address)
      : Promise.resolve(undefined),
  );
  return lookup.state === 'done' ? lookup.value : undefined;
}

/** The https URL of the avatar of the address's verified ENS name. */
export function useEnsAvatar(address: string | undefined): string | undefined {
  const url = useRpcUrl(ENS_CHAIN_ID);
  const lookup = useChainLookup(keyFor('ens-avatar', url, address), (chain) =>
    url !== undefined && address !== undefined
      ? chain.ensFor(url).avatarUrl(address)
      : Promise.resolve(undefined),
  );
  return lookup.state === 'done' ? lookup.value : undefined;
}
