// Puts rows straight into the app's IndexedDB (the engine's Dexie database), the way the engine
// would after sign-in and sync, so the chat screens can be tested before the engine lands.
// Call it after the app has opened the database (it creates the schema), then reload.
import type { Page } from '@playwright/test';
import type {
  AccountRow,
  ConversationRow,
  MessageRow,
  PreferenceRow,
} from '../../packages/engine/src/store/schema';

export interface SeedData {
  readonly account?: readonly AccountRow[];
  readonly conversations?: readonly ConversationRow[];
  readonly messages?: readonly MessageRow[];
  readonly preferences?: readonly PreferenceRow[];
}

export const DATABASE_NAME = 'parley';

export async function seedDatabase(page: Page, data: SeedData): Promise<void> {
  await page.evaluate(
    async ({ name, data }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const stores = Object.entries(data).filter(([, rows]) => Array.isArray(rows) && rows.length > 0);
      if (stores.length === 0) return;
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(
          stores.map(([store]) => store),
          'readwrite',
        );
        for (const [store, rows] of stores)
          for (const row of rows as unknown[]) tx.objectStore(store).put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { name: DATABASE_NAME, data },
  );
}

/** Reads every row of one store (for asserting what the app wrote). */
export async function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    async ({ name, store }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return rows as T[];
    },
    { name: DATABASE_NAME, store },
  );
}
