import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
// the German texts as a string for JSON.parse: parsed much faster than the same ~90 KB as a JavaScript object literal
import deText from './de.json?raw';

export type Language = 'de' | 'en';

const de = JSON.parse(deText) as Record<string, unknown>;

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('dz-lang') : null;

// German is the source and ships with the first download; English (about 100 KB) is fetched when first chosen
void i18n.use(initReactI18next).init({
  resources: { de: { translation: de } },
  lng: 'de',
  fallbackLng: 'de',
  partialBundledLanguages: true,
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.language;

/** Switches the language, loading its texts first when they are not there yet. */
export async function setLanguage(lng: Language): Promise<void> {
  if (lng === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const en = await import('./en.json');
    i18n.addResourceBundle('en', 'translation', en.default);
  }
  await i18n.changeLanguage(lng);
}

/** Settles when the language chosen on this device is ready (the app renders after it, without a German flash). */
export const languageReady: Promise<void> =
  stored === 'en' ? setLanguage('en').catch(() => undefined) : Promise.resolve();

export default i18n;
