// The one door to chain-module.ts (ethers): a dynamic import, so nothing that imports this file
// pulls ethers into its chunk. Fetched the first time an RPC URL is set and something is looked up.
export type ChainModule = typeof import('./chain-module');

let loading: Promise<ChainModule> | undefined;

export function loadChain(): Promise<ChainModule> {
  loading ??= import('./chain-module').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
