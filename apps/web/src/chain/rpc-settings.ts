// The RPC URL for each chain, one preferences row each (`chain.rpc.<chainId>`, next to the other
// settings in the engine's preferences table). No row means "no RPC": the app then shows short
// addresses and marks on-chain claims "not verified", and nothing is ever sent to a chain.

import type { ParleyDatabase } from '../../../../packages/engine/src/store/database';
import { type ChainInfo, KNOWN_CHAINS, MAINNET } from '../../../../packages/trade/src/assets/known-tokens';
import { checkRpcUrl, isRpcUrl } from './rpc-url';

/** ENS lives on Ethereum mainnet: its RPC row also enables names and avatars. */
export const ENS_CHAIN_ID = MAINNET;

/** The chains an RPC URL can be set for: the ones Parley knows tokens and Seaport for. */
export const RPC_CHAINS: readonly ChainInfo[] = KNOWN_CHAINS;

export const RPC_KEY_PREFIX = 'chain.rpc.';

export function rpcPreferenceKey(chainId: number): string {
  return `${RPC_KEY_PREFIX}${chainId}`;
}

export function chainName(chainId: number): string | undefined {
  return KNOWN_CHAINS.find((c) => c.chainId === chainId)?.name;
}

type PreferencesTable = Pick<ParleyDatabase, 'preferences'>;

/** The stored URL, or undefined when none is set or the row is malformed. */
export async function readRpcUrl(db: PreferencesTable, chainId: number): Promise<string | undefined> {
  const row = await db.preferences.get(rpcPreferenceKey(chainId));
  return isRpcUrl(row?.value) ? row.value : undefined;
}

/** Stores a checked URL, or removes the row when `input` is undefined. */
export async function saveRpcUrl(
  db: PreferencesTable,
  chainId: number,
  input: string | undefined,
): Promise<void> {
  if (input === undefined) {
    await db.preferences.delete(rpcPreferenceKey(chainId));
    return;
  }
  const check = checkRpcUrl(input);
  if (!check.ok) throw new TypeError(`invalid RPC URL (${check.problem})`);
  await db.preferences.put({ key: rpcPreferenceKey(chainId), value: check.url });
}
