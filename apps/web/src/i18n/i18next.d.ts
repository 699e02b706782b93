// Types t('key') against the English resources, so a missing or misspelt key fails the build.
import 'i18next';
import type { en } from './resources/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
