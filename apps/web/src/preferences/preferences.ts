// The person's settings, one row each in the engine's `preferences` table (DESIGN.md §6), so the
// engine reads the privacy switches from the same place (typing, read receipts, online status).
// Rows are parsed on read: a missing or malformed value falls back to its default.
import type { ParleyDatabase } from '../../../../packages/engine/src/store/database';
import type { PreferenceRow } from '../../../../packages/engine/src/store/schema';
import { isLanguage, type Language } from '../i18n/languages';

export type ThemePreference = 'light' | 'dark' | 'system';
export type LanguagePreference = Language | 'auto';

export interface Preferences {
  readonly theme: ThemePreference;
  readonly language: LanguagePreference;
  /** Show a system notification for new messages while Parley is in the background. */
  readonly notifications: boolean;
  readonly onlineStatus: boolean;
  readonly readReceipts: boolean;
  readonly typing: boolean;
}

/** The row key of each setting. The engine reads the privacy ones; keep these names stable. */
export const PREFERENCE_KEYS = {
  theme: 'theme',
  language: 'language',
  notifications: 'notifications',
  onlineStatus: 'privacy.onlineStatus',
  readReceipts: 'privacy.readReceipts',
  typing: 'privacy.typing',
} as const satisfies Record<keyof Preferences, string>;

export const DEFAULT_PREFERENCES: Preferences = {
  theme: 'system',
  language: 'auto',
  notifications: false,
  onlineStatus: true,
  readReceipts: true,
  typing: true,
};

const validators: { [K in keyof Preferences]: (value: unknown) => value is Preferences[K] } = {
  theme: (v): v is ThemePreference => v === 'light' || v === 'dark' || v === 'system',
  language: (v): v is LanguagePreference => v === 'auto' || isLanguage(v),
  notifications: (v): v is boolean => typeof v === 'boolean',
  onlineStatus: (v): v is boolean => typeof v === 'boolean',
  readReceipts: (v): v is boolean => typeof v === 'boolean',
  typing: (v): v is boolean => typeof v === 'boolean',
};

export function isPreferenceValue<K extends keyof Preferences>(
  name: K,
  value: unknown,
): value is Preferences[K] {
  return validators[name](value);
}

/** Builds the settings from stored rows; unknown rows are ignored, bad values use the default. */
export function readPreferences(rows: readonly PreferenceRow[]): Preferences {
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  const pick = <K extends keyof Preferences>(name: K): Preferences[K] => {
    const value = byKey.get(PREFERENCE_KEYS[name]);
    return isPreferenceValue(name, value) ? value : DEFAULT_PREFERENCES[name];
  };
  return {
    theme: pick('theme'),
    language: pick('language'),
    notifications: pick('notifications'),
    onlineStatus: pick('onlineStatus'),
    readReceipts: pick('readReceipts'),
    typing: pick('typing'),
  };
}

const ALL_KEYS: readonly string[] = Object.values(PREFERENCE_KEYS);

export async function loadPreferences(db: ParleyDatabase): Promise<Preferences> {
  return readPreferences(await db.preferences.where('key').anyOf(ALL_KEYS).toArray());
}

export async function savePreference<K extends keyof Preferences>(
  db: ParleyDatabase,
  name: K,
  value: Preferences[K],
): Promise<void> {
  if (!isPreferenceValue(name, value)) throw new TypeError(`invalid value for ${name}`);
  await db.preferences.put({ key: PREFERENCE_KEYS[name], value });
}
