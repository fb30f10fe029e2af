import { createSignal, type Accessor } from 'solid-js';
import { AREA_LOADERS, areaOf, type Area, type Dictionary } from './areas/index.ts';
import { nl as coreNl } from './nl.ts';
import {
  DEFAULT_LANGUAGE,
  interpolate,
  parseLanguage,
  type Language,
  type MessageKey,
  type Params,
  type ParamsFor,
  type PlainKey,
} from './translate.ts';

export { AREAS, type Area } from './areas/index.ts';
export {
  LANGUAGES,
  type Language,
  type MessageKey,
  type ParamsFor,
  type PlainKey,
} from './translate.ts';

/** Where the chosen language is kept between visits. */
export interface LanguageStore {
  load(): string | null;
  save(language: Language): void;
}

/** A dictionary: the core or an area. */
type Part = 'core' | Area;

/**
 * How each dictionary loads, per language. Dutch core is the one dictionary that is always
 * there (statically imported), so the default language renders without waiting.
 */
export type DictionaryLoaders = Record<Part, Partial<Record<Language, () => Promise<Dictionary>>>>;

const LOADERS: DictionaryLoaders = {
  core: { en: async () => (await import('./en.ts')).en },
  ...AREA_LOADERS,
};

export interface I18n {
  /** The language shown. It changes only once that language's texts are loaded. */
  language: Accessor<Language>;
  /**
   * Loads the texts of `next` (the core and every area in use), then switches. Rejects, and
   * stays in the current language, when they cannot be loaded. The last choice wins.
   */
  setLanguage(next: Language): Promise<void>;
  /** The text for `key` in the current language; reactive when read inside JSX or effects. */
  t(key: PlainKey): string;
  t<K extends MessageKey>(key: K, ...params: ParamsFor<K>): string;
  /**
   * Loads the areas' texts in the current language; a switch of language under way waits for
   * them in its language too, so no screen ever mixes languages.
   */
  loadAreas(areas: readonly Area[]): Promise<void>;
  /**
   * Whether `key` has a text loaded (Dutch, the fallback, counts): for keys made from data, such
   * as `audit.kind.<table>.<value>`, whose area the screen has loaded.
   */
  has(key: string): key is MessageKey;
  /**
   * Undefined when the stored language is Dutch: render at once. Otherwise settles once the
   * stored language is shown (or, if its texts cannot load, Dutch stays).
   */
  ready: Promise<void> | undefined;
}

/**
 * A language signal with its own store and loaders (tests pass in-memory ones). The texts of
 * each language are the dictionaries loaded so far, merged: core and areas have disjoint keys.
 */
export function createI18n(store: LanguageStore, loaders: DictionaryLoaders = LOADERS): I18n {
  const texts: Record<Language, Record<string, string>> = {
    nl: { ...coreNl },
    en: {},
  };
  const loaded: Record<Language, Set<Part>> = { nl: new Set(['core']), en: new Set() };
  const loading = new Map<string, Promise<void>>();
  /** The dictionaries in use: the core, and each area a screen has asked for. */
  const inUse = new Set<Part>(['core']);
  const [language, setLanguageSignal] = createSignal<Language>(DEFAULT_LANGUAGE);
  // Bumped after every load, so texts read before it (an area's, a moment early) update.
  const [revision, setRevision] = createSignal(0);
  /** The language shown (the signal's value, kept plainly for the async code below). */
  let shown: Language = DEFAULT_LANGUAGE;
  /** The language last asked for: the shown one, or one still loading. */
  let chosen: Language = DEFAULT_LANGUAGE;

  function load(lang: Language, part: Part): Promise<void> {
    const id = `${lang}:${part}`;
    let pending = loading.get(id);
    if (!pending) {
      const loader = loaders[part][lang];
      if (!loader) return Promise.reject(new Error(`no ${lang} texts for ${part}`));
      pending = loader().then(
        (dictionary) => {
          Object.assign(texts[lang], dictionary);
          loaded[lang].add(part);
          loading.delete(id);
          setRevision((r) => r + 1);
        },
        (error: unknown) => {
          // Not remembered: a later attempt (back online, say) tries again.
          loading.delete(id);
          throw error;
        },
      );
      loading.set(id, pending);
    }
    return pending;
  }

  /** Loads every dictionary in use for `lang`, including ones asked for while it loads. */
  async function complete(lang: Language): Promise<void> {
    for (;;) {
      const missing = [...inUse].filter((part) => !loaded[lang].has(part));
      if (!missing.length) return;
      await Promise.all(missing.map((part) => load(lang, part)));
    }
  }

  async function switchTo(next: Language, save: boolean): Promise<void> {
    chosen = next;
    try {
      await complete(next);
    } catch (error) {
      if (chosen === next) chosen = shown;
      throw error;
    }
    if (chosen !== next) return;
    shown = next;
    setLanguageSignal(next);
    if (save) store.save(next);
  }

  function lookup(key: string): string | undefined {
    revision();
    return texts[language()][key] ?? texts.nl[key];
  }

  const stored = parseLanguage(store.load());
  const ready =
    stored && stored !== DEFAULT_LANGUAGE
      ? switchTo(stored, false).catch((error: unknown) => {
          console.error(`Buurtpeil i18n: ${stored} texts did not load, showing Dutch`, error);
        })
      : undefined;

  const api: I18n = {
    language,
    setLanguage: (next) => switchTo(next, true),
    t(key: MessageKey, ...params: [Params?]) {
      const text = lookup(key);
      if (text !== undefined) return interpolate(text, params[0]);
      // A screen used an area without declaring it (lazyPage's areas): load it now and show
      // nothing until it is there, never the raw key. Reported, so tests notice the omission.
      const area = areaOf(key);
      console.error(`Buurtpeil i18n: "${key}" shown before its texts (${area ?? 'core'}) loaded`);
      if (area) void api.loadAreas([area]).catch(() => undefined);
      return '';
    },
    has(key: string): key is MessageKey {
      return lookup(key) !== undefined;
    },
    loadAreas(areas) {
      // In use from now on: a switch of language under way loads them too before it switches.
      for (const area of areas) inUse.add(area);
      return complete(language());
    },
    ready,
  };
  return api;
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
export const {
  language,
  setLanguage,
  t,
  loadAreas,
  has: hasText,
  ready: languageReady,
} = createI18n(browserStore);

/** A name stored in both languages (categories, themes): the one for the current language. */
export function localName(row: { name_nl: string; name_en: string }): string {
  return language() === 'en' ? row.name_en : row.name_nl;
}
