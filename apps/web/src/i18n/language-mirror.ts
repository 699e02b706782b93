// The language choice mirrored to localStorage so the first render speaks it (the preferences
// table is asynchronous). The table stays the source of truth.
import type { LanguagePreference } from '../preferences/preferences';
import { isLanguage } from './languages';

export const LANGUAGE_MIRROR_KEY = 'parley.language';

export function readLanguageMirror(storage: Pick<Storage, 'getItem'>): LanguagePreference {
  const value = storage.getItem(LANGUAGE_MIRROR_KEY);
  return isLanguage(value) ? value : 'auto';
}
