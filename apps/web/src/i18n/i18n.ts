// i18next with every UI string in resources/<language>.ts. English is the fallback and ships in
// the initial bundle; other languages are separate chunks, loaded before they are switched to
// (and precached by the service worker, so switching works offline).
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from './languages';
import { en } from './resources/en';
import type { Translation } from './resources/translation';

const loaders: Record<Exclude<Language, 'en'>, () => Promise<Translation>> = {
  es: async () => (await import('./resources/es')).es,
};

/** Makes sure `language`'s strings are loaded into i18next. */
export async function loadLanguage(instance: i18n, language: Language): Promise<void> {
  if (language === 'en' || instance.hasResourceBundle(language, 'translation')) return;
  instance.addResourceBundle(language, 'translation', await loaders[language]());
}

/** Loads `language`, then switches to it. */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  await loadLanguage(instance, language);
  await instance.changeLanguage(language);
}

export async function initI18n(language: Language): Promise<i18n> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = 'en';
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  await switchLanguage(i18next, language);
  return i18next;
}
