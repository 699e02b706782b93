import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ParleyDatabase } from '../../../../packages/engine/src/store/database';
import {
  DEFAULT_PREFERENCES,
  loadPreferences,
  PREFERENCE_KEYS,
  readPreferences,
  savePreference,
} from './preferences';

let db: ParleyDatabase | undefined;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
  db = undefined;
});

function open(): ParleyDatabase {
  db = new ParleyDatabase(`prefs-${Math.random()}`, { indexedDB, IDBKeyRange });
  return db;
}

describe('preferences', () => {
  it('defaults to system theme, browser language, no notifications and every privacy switch on', async () => {
    expect(await loadPreferences(open())).toEqual({
      theme: 'system',
      language: 'auto',
      notifications: false,
      onlineStatus: true,
      readReceipts: true,
      typing: true,
    });
  });

  it('stores each setting as its own row and reads it back', async () => {
    const d = open();
    await savePreference(d, 'theme', 'dark');
    await savePreference(d, 'language', 'es');
    await savePreference(d, 'readReceipts', false);
    await savePreference(d, 'typing', false);
    expect(await d.preferences.get('privacy.readReceipts')).toEqual({
      key: 'privacy.readReceipts',
      value: false,
    });
    expect(await loadPreferences(d)).toEqual({
      ...DEFAULT_PREFERENCES,
      theme: 'dark',
      language: 'es',
      readReceipts: false,
      typing: false,
    });
  });

  it('refuses to store a value of the wrong shape', async () => {
    const d = open();
    await expect(savePreference(d, 'theme', 'neon' as 'dark')).rejects.toThrow(TypeError);
    await expect(savePreference(d, 'language', 'fr' as 'es')).rejects.toThrow(TypeError);
    await expect(savePreference(d, 'typing', 'no' as unknown as boolean)).rejects.toThrow(TypeError);
    expect(await d.preferences.count()).toBe(0);
  });

  it('falls back to the default for a malformed stored row and ignores unknown rows', () => {
    const prefs = readPreferences([
      { key: PREFERENCE_KEYS.theme, value: 42 },
      { key: PREFERENCE_KEYS.onlineStatus, value: false },
      { key: PREFERENCE_KEYS.language, value: 'xx' },
      { key: 'wallet.builtin', value: { anything: true } },
    ]);
    expect(prefs).toEqual({ ...DEFAULT_PREFERENCES, onlineStatus: false });
  });
});
