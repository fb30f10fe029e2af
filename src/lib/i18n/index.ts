import { createSignal, type Accessor } from 'solid-js';
import { en } from './en.ts';
import { nl } from './nl.ts';
import {
  DEFAULT_LANGUAGE,
  parseLanguage,
  translate,
  type Language,
  type MessageKey,
  type Messages,
  type Params,
  type ParamsFor,
  type PlainKey,
} from './translate.ts';

export {
  LANGUAGES,
  type Language,
  type MessageKey,
  type ParamsFor,
  type PlainKey,
} from './translate.ts';

const dictionaries: Record<Language, Messages> = { nl, en };

/** Where the chosen language is kept between visits. */
export interface LanguageStore {
  load(): string | null;
  save(language: Language): void;
}

export interface I18n {
  language: Accessor<Language>;
  setLanguage(language: Language): void;
  /** The text for `key` in the current language; reactive when read inside JSX or effects. */
  t(key: PlainKey): string;
  t<K extends MessageKey>(key: K, ...params: ParamsFor<K>): string;
}

/** Creates a language signal with its own store (tests pass an in-memory one). */
export function createI18n(store: LanguageStore): I18n {
  const [language, setLanguageSignal] = createSignal<Language>(
    parseLanguage(store.load()) ?? DEFAULT_LANGUAGE,
  );
  return {
    language,
    setLanguage(next) {
      setLanguageSignal(next);
      store.save(next);
    },
    t(key: MessageKey, ...params: [Params?]) {
      return translate(dictionaries[language()], key, params[0]);
    },
  };
}

const STORAGE_KEY = 'buurtpeil.language';

/**
 * localStorage can be missing (Node) or throw (some private modes, storage disabled by policy);
 * the language choice is a convenience, so failing to keep it must never break the app.
 */
const browserStore: LanguageStore = {
  load() {
    try {
      return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  },
  save(language) {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, language);
    } catch {
      // Not kept: the next visit starts in Dutch again.
    }
  },
};

/** The app's one language setting: a page has a single UI language. */
export const { language, setLanguage, t } = createI18n(browserStore);

/** A name stored in both languages (categories, themes): the one for the current language. */
export function localName(row: { name_nl: string; name_en: string }): string {
  return language() === 'en' ? row.name_en : row.name_nl;
}
