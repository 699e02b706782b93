// Light, dark or follow the system. The choice is stored in the preferences table and mirrored
// to localStorage, which is synchronous, so the first paint already has the right colours.
import type { ThemePreference } from '../preferences/preferences';

export type ResolvedTheme = 'light' | 'dark';

export const THEME_MIRROR_KEY = 'parley.theme';

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): ResolvedTheme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

export function readThemeMirror(storage: Pick<Storage, 'getItem'>): ThemePreference {
  const value = storage.getItem(THEME_MIRROR_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Sets data-theme on <html> (CSS reads it) and the browser chrome's theme colour. */
export function applyTheme(doc: Document, theme: ResolvedTheme): void {
  doc.documentElement.dataset.theme = theme;
  doc.documentElement.style.colorScheme = theme;
  doc
    .querySelector('meta[name="theme-color"]')
    ?.setAttribute('content', theme === 'dark' ? '#14172b' : '#4338ca');
}
