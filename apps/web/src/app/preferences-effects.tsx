// Applies the stored theme and language whenever they change (in this tab or another one).
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/i18n';
import { LANGUAGE_MIRROR_KEY } from '../i18n/language-mirror';
import { pickLanguage } from '../i18n/languages';
import { usePreferences } from '../preferences/use-preferences';
import { applyTheme, resolveTheme, THEME_MIRROR_KEY } from '../theme/theme';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribeDark(listener: () => void): () => void {
  const q = darkQuery();
  q.addEventListener('change', listener);
  return () => q.removeEventListener('change', listener);
}

export function PreferencesEffects(): null {
  const { preferences, loaded } = usePreferences();
  const { i18n } = useTranslation();
  const systemDark = useSyncExternalStore(subscribeDark, () => darkQuery().matches);

  useEffect(() => {
    if (!loaded) return;
    applyTheme(document, resolveTheme(preferences.theme, systemDark));
    localStorage.setItem(THEME_MIRROR_KEY, preferences.theme);
  }, [loaded, preferences.theme, systemDark]);

  useEffect(() => {
    if (!loaded) return;
    const language =
      preferences.language === 'auto' ? pickLanguage(navigator.languages) : preferences.language;
    localStorage.setItem(LANGUAGE_MIRROR_KEY, preferences.language);
    if (i18n.language !== language) void switchLanguage(i18n, language);
  }, [loaded, preferences.language, i18n]);

  return null;
}
