import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ParleyDatabase } from '../../../../packages/engine/src/store/database';
import { readRpcUrl, rpcPreferenceKey, saveRpcUrl } from './rpc-settings';

let db: ParleyDatabase | undefined;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
  db = undefined;
});

describe('RPC URL preferences', () => {
  it('stores one checked row per chain and removes it', async () => {
    db = new ParleyDatabase(`rpc-${Math.random()}`, { indexedDB, IDBKeyRange });
    expect(await readRpcUrl(db, 1)).toBeUndefined();
    await saveRpcUrl(db, 1, ' https://eth.example/key ');
    await saveRpcUrl(db, 8453, 'http://localhost:8545');
    expect(await db.preferences.get('chain.rpc.1')).toEqual({
      key: 'chain.rpc.1',
      value: 'https://eth.example/key',
    });
    expect(await readRpcUrl(db, 8453)).toBe('http://localhost:8545/');
    await saveRpcUrl(db, 1, undefined);
    expect(await readRpcUrl(db, 1)).toBeUndefined();
  });

  it('refuses an insecure URL and ignores a malformed stored row', async () => {
    db = new ParleyDatabase(`rpc-${Math.random()}`, { indexedDB, IDBKeyRange });
    await expect(saveRpcUrl(db, 1, 'http://eth.example')).rejects.toThrow(TypeError);
    await db.preferences.put({ key: rpcPreferenceKey(1), value: 'http://eth.example/' });
    expect(await readRpcUrl(db, 1)).toBeUndefined();
  });
});
