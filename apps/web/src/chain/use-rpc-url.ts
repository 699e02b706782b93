// The configured RPC URL of a chain, live across tabs. `undefined` while loading and when none is
// set, so callers that only enhance (ENS names, metadata) treat both alike.
import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../app/services';
import { readRpcUrl } from './rpc-settings';

export function useRpcUrl(chainId: number): string | undefined {
  const db = useDatabase();
  return useLiveQuery(() => readRpcUrl(db, chainId), [db, chainId]);
}
