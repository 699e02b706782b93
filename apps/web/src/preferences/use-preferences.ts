// Live settings for React: re-renders when any tab changes a preference.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { useDatabase } from '../app/services';
import { LANGUAGE_MIRROR_KEY } from '../i18n/language-mirror';
import { THEME_MIRROR_KEY } from '../theme/theme';
import { DEFAULT_PREFERENCES, loadPreferences, type Preferences, savePreference } from './preferences';

export function usePreferences(): { preferences: Preferences; loaded: boolean } {
  const db = useDatabase();
  const preferences = useLiveQuery(() => loadPreferences(db), [db]);
  return { preferences: preferences ?? DEFAULT_PREFERENCES, loaded: preferences !== undefined };
}

export function useSavePreference(): <K extends keyof Preferences>(
  name: K,
  value: Preferences[K],
) => Promise<void> {
  const db = useDatabase();
  return useCallback(
    async (name, value) => {
      await savePreference(db, name, value);
      // Mirrors for the next first paint (theme.ts, language-mirror.ts).
      if (name === 'theme') localStorage.setItem(THEME_MIRROR_KEY, String(value));
      if (name === 'language') localStorage.setItem(LANGUAGE_MIRROR_KEY, String(value));
    },
    [db],
  );
}

/**
 * One setting as [value, set]. The new value shows at once (a controlled input must not snap
 * back while IndexedDB commits), then the stored value takes over once the live query sees it.
 */
export function usePreference<K extends keyof Preferences>(
  name: K,
): [Preferences[K], (value: Preferences[K]) => void] {
  const { preferences } = usePreferences();
  const save = useSavePreference();
  const stored = preferences[name];
  const [pending, setPending] = useState<{ readonly value: Preferences[K] } | undefined>();
  useEffect(() => {
    if (pending && Object.is(pending.value, stored)) setPending(undefined);
  }, [pending, stored]);
  const set = useCallback(
    (value: Preferences[K]) => {
      setPending({ value });
      save(name, value).catch((error: unknown) => {
        setPending(undefined);
        console.error('saving a setting failed', error);
      });
    },
    [name, save],
  );
  return [pending ? pending.value : stored, set];
}
