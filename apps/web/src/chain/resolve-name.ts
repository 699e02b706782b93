// The engine's `resolveName` port (packages/engine/src/engine-options.ts): "New conversation" by
// ENS name. Reads the Ethereum RPC URL from Settings on each call; with none set, a name resolves
// to nothing and the engine reports it as not found. ethers loads only when a name is resolved.
import type { ParleyDatabase } from '../../../../packages/engine/src/store/database';
import { loadChain } from './load-chain';
import { ENS_CHAIN_ID, readRpcUrl } from './rpc-settings';

export function createResolveName(
  db: Pick<ParleyDatabase, 'preferences'>,
): (name: string) => Promise<string | undefined> {
  return async (name) => {
    const url = await readRpcUrl(db, ENS_CHAIN_ID);
    if (url === undefined) return undefined;
    return (await loadChain()).ensFor(url).resolveName(name);
  };
}
