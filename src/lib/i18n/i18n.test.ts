import { describe, expect, test, vi } from 'vitest';
import { AREA_LOADERS, AREAS, areaOf, type Area, type Dictionary } from './areas/index.ts';
import * as auditEn from './areas/audit.en.ts';
import * as auditNl from './areas/audit.nl.ts';
import * as fieldworkEn from './areas/fieldwork.en.ts';
import * as fieldworkNl from './areas/fieldwork.nl.ts';
import * as neighbourhoodsEn from './areas/neighbourhoods.en.ts';
import * as neighbourhoodsNl from './areas/neighbourhoods.nl.ts';
import * as privacyEn from './areas/privacy.en.ts';
import * as privacyNl from './areas/privacy.nl.ts';
import { en } from './en.ts';
import {
  createI18n,
  type DictionaryLoaders,
  type Language,
  type LanguageStore,
  type MessageKey,
} from './index.ts';
import { nl } from './nl.ts';
import { interpolate, parseLanguage, placeholdersOf } from './translate.ts';

function memoryStore(initial: string | null = null): LanguageStore & { saved: Language[] } {
  const saved: Language[] = [];
  return { saved, load: () => initial, save: (l) => void saved.push(l) };
}

/** Every dictionary of the app, Dutch and English, by name. */
const DICTIONARIES: Record<'core' | Area, { nl: Dictionary; en: Dictionary }> = {
  core: { nl, en },
  fieldwork: { nl: fieldworkNl.nl, en: fieldworkEn.en },
  neighbourhoods: { nl: neighbourhoodsNl.nl, en: neighbourhoodsEn.en },
  privacy: { nl: privacyNl.nl, en: privacyEn.en },
  audit: { nl: auditNl.nl, en: auditEn.en },
};
const ALL_KEYS = Object.values(DICTIONARIES).flatMap((d) => Object.keys(d.nl)) as MessageKey[];

/** A load that finishes when the test says so. */
function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The real dictionaries, each load held until `release(lang, part)` (or all at once). */
function heldLoaders() {
  const gates = new Map<string, ReturnType<typeof deferred>>();
  const gate = (id: string) => {
    let g = gates.get(id);
    if (!g) gates.set(id, (g = deferred()));
    return g;
  };
  const calls: string[] = [];
  const loader = (lang: Language, part: 'core' | Area) => async () => {
    calls.push(`${lang}:${part}`);
    await gate(`${lang}:${part}`).promise;
    return DICTIONARIES[part][lang];
  };
  const loaders: DictionaryLoaders = {
    core: { en: loader('en', 'core') },
    fieldwork: { nl: loader('nl', 'fieldwork'), en: loader('en', 'fieldwork') },
    neighbourhoods: { nl: loader('nl', 'neighbourhoods'), en: loader('en', 'neighbourhoods') },
    privacy: { nl: loader('nl', 'privacy'), en: loader('en', 'privacy') },
    audit: { nl: loader('nl', 'audit'), en: loader('en', 'audit') },
  };
  return {
    loaders,
    calls,
    release: (id: string) => gate(id).resolve(),
    /** Fails the load; a later attempt waits for a new release. */
    fail: (id: string) => {
      gate(id).reject(new Error(`${id} unreachable`));
      gates.delete(id);
    },
  };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('dictionaries', () => {
  test.each(Object.entries(DICTIONARIES))(
    '%s: English has every Dutch key and no others',
    (_, d) => {
      expect(Object.keys(d.en).sort()).toEqual(Object.keys(d.nl).sort());
    },
  );

  test.each(ALL_KEYS)('%s uses the same placeholders', (key) => {
    const d = DICTIONARIES[areaOf(key) ?? 'core'];
    expect(placeholdersOf(d.en[key]!)).toEqual(placeholdersOf(d.nl[key]!));
  });

  test('no key is in two dictionaries', () => {
    const seen = new Map<string, string>();
    for (const [name, d] of Object.entries(DICTIONARIES)) {
      for (const key of Object.keys(d.nl)) {
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${name}`).toBeUndefined();
        seen.set(key, name);
      }
    }
  });

  test("each key says its dictionary: an area's keys carry its prefixes, core keys none", () => {
    for (const [name, d] of Object.entries(DICTIONARIES)) {
      for (const key of Object.keys(d.nl)) {
        expect(areaOf(key) ?? 'core', key).toBe(name);
      }
    }
  });

  test('no message is empty or padded', () => {
    for (const d of Object.values(DICTIONARIES)) {
      for (const text of [...Object.values(d.nl), ...Object.values(d.en)]) {
        expect(text.trim()).toBe(text);
        expect(text.length).toBeGreaterThan(0);
      }
    }
  });

  test.each(AREAS)('the %s loaders load that area in each language', async (area) => {
    expect(await AREA_LOADERS[area].nl()).toEqual(DICTIONARIES[area].nl);
    expect(await AREA_LOADERS[area].en()).toEqual(DICTIONARIES[area].en);
  });
});

test('the 1–5 rating of tenant feedback has one name: stars (the 1–10 grade is a "cijfer")', () => {
  const rating = [
    'obs.feedback.rating',
    'obs.feedback.noRating',
    'obs.event.rating',
    'garden.feedback.intro',
    'garden.feedback.missing',
    'garden.reaction.rating',
    'garden.reactions.average',
    'garden.reactions.noAverage',
    'buurt.feedback.rating',
    'buurt.feedback.gardens.average',
    'sync.reason.rating_range',
    'sync.reason.feedback_needs_rating',
    'audit.field.rating',
  ] as const;
  const words = (text: string | undefined) => (text ?? '').replace(/\{\w+\}/g, '');
  for (const key of rating) {
    const d = DICTIONARIES[areaOf(key) ?? 'core'];
    expect(words(d.nl[key]), key).toMatch(/ster/i);
    expect(words(d.nl[key]), key).not.toMatch(/cijfer/i);
    expect(words(d.en[key]), key).toMatch(/star/i);
    expect(words(d.en[key]), key).not.toMatch(/rating|grade/i);
  }
});

describe('interpolate', () => {
  test('fills every occurrence of each placeholder', () => {
    expect(interpolate('{a} en {b} en {a}', { a: 'x', b: 2 })).toBe('x en 2 en x');
  });

  test('leaves a placeholder without a value visible', () => {
    expect(interpolate('Hallo {naam}', {})).toBe('Hallo {naam}');
  });

  test('does not read inherited properties as values', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });

  test('inserts values literally, without re-reading them as placeholders', () => {
    expect(interpolate('{a}', { a: '{b}', b: 'nee' })).toBe('{b}');
  });
});

describe('createI18n', () => {
  test('starts in Dutch at once when nothing (or nonsense) is stored', () => {
    for (const stored of [null, 'fr', 'nl']) {
      const i18n = createI18n(memoryStore(stored), heldLoaders().loaders);
      expect(i18n.ready).toBeUndefined();
      expect(i18n.language()).toBe('nl');
      expect(i18n.t('auth.title')).toBe('Inloggen');
    }
  });

  test('with English stored, shows English once its texts are there, never a mix', async () => {
    const held = heldLoaders();
    const i18n = createI18n(memoryStore('en'), held.loaders);
    expect(i18n.language()).toBe('nl');
    held.release('en:core');
    await i18n.ready;
    expect(i18n.language()).toBe('en');
    expect(i18n.t('auth.title')).toBe('Sign in');
  });

  test('English that cannot load leaves Dutch, and the stored choice as it was', async () => {
    const held = heldLoaders();
    const store = memoryStore('en');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const i18n = createI18n(store, held.loaders);
    held.fail('en:core');
    await i18n.ready;
    expect(i18n.language()).toBe('nl');
    expect(i18n.t('auth.title')).toBe('Inloggen');
    expect(store.saved).toEqual([]);
    error.mockRestore();
  });

  test('switching loads the texts first, then changes them all at once, and stores the choice', async () => {
    const held = heldLoaders();
    const store = memoryStore();
    const i18n = createI18n(store, held.loaders);
    expect(i18n.t('home.signedInAs', { email: 'a@b.nl' })).toBe('Je bent ingelogd als a@b.nl.');
    const switched = i18n.setLanguage('en');
    await settle();
    expect(i18n.language()).toBe('nl');
    expect(store.saved).toEqual([]);
    held.release('en:core');
    await switched;
    expect(i18n.t('home.signedInAs', { email: 'a@b.nl' })).toBe('You are signed in as a@b.nl.');
    expect(store.saved).toEqual(['en']);
    // Back to Dutch needs nothing loaded.
    await i18n.setLanguage('nl');
    expect(i18n.t('auth.title')).toBe('Inloggen');
  });

  test('a switch that cannot load rejects and keeps the language', async () => {
    const held = heldLoaders();
    const store = memoryStore();
    const i18n = createI18n(store, held.loaders);
    const switched = i18n.setLanguage('en');
    held.fail('en:core');
    await expect(switched).rejects.toThrow('en:core unreachable');
    expect(i18n.language()).toBe('nl');
    expect(store.saved).toEqual([]);
    // Later (back online, say) it tries again.
    const again = i18n.setLanguage('en');
    held.release('en:core');
    await again;
    expect(i18n.language()).toBe('en');
    expect(held.calls).toEqual(['en:core', 'en:core']);
  });

  test('English loads only when chosen, and an area only in the language shown', async () => {
    const held = heldLoaders();
    const i18n = createI18n(memoryStore(), held.loaders);
    const areas = i18n.loadAreas(['neighbourhoods']);
    held.release('nl:neighbourhoods');
    await areas;
    expect(held.calls).toEqual(['nl:neighbourhoods']);
    expect(i18n.t('map.title')).toBe(neighbourhoodsNl.nl['map.title']);
  });

  test('an area key is never shown raw: empty until its texts are there, then the text', async () => {
    const held = heldLoaders();
    const i18n = createI18n(memoryStore(), held.loaders);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A screen that forgot to declare its area: reported, and the area loads.
    expect(i18n.t('privacy.title')).toBe('');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('privacy.title'));
    expect(held.calls).toEqual(['nl:privacy']);
    held.release('nl:privacy');
    await settle();
    expect(i18n.t('privacy.title')).toBe(privacyNl.nl['privacy.title']);
    error.mockRestore();
  });

  test('switching while on an area screen waits for that area in the new language too', async () => {
    const held = heldLoaders();
    const i18n = createI18n(memoryStore(), held.loaders);
    held.release('nl:fieldwork');
    await i18n.loadAreas(['fieldwork']);
    const switched = i18n.setLanguage('en');
    held.release('en:core');
    await settle();
    // The core is there, the area not yet: still Dutch, so no screen mixes languages.
    expect(i18n.language()).toBe('nl');
    held.release('en:fieldwork');
    await switched;
    expect(i18n.t('garden.list.title')).toBe(fieldworkEn.en['garden.list.title']);
    expect(i18n.t('auth.title')).toBe('Sign in');
  });

  test('an area asked for during a switch holds the switch until it is there in English too', async () => {
    const held = heldLoaders();
    const i18n = createI18n(memoryStore(), held.loaders);
    const switched = i18n.setLanguage('en');
    await settle();
    const areas = i18n.loadAreas(['privacy']);
    held.release('en:core');
    held.release('nl:privacy');
    // The screen can show in Dutch; the switch waits for English privacy texts.
    await areas;
    expect(i18n.t('privacy.title')).toBe(privacyNl.nl['privacy.title']);
    await settle();
    expect(i18n.language()).toBe('nl');
    held.release('en:privacy');
    await switched;
    expect(i18n.language()).toBe('en');
    expect(i18n.t('privacy.title')).toBe(privacyEn.en['privacy.title']);
  });

  test('after a switch that failed, screens load their areas in the language shown only', async () => {
    const held = heldLoaders();
    const i18n = createI18n(memoryStore(), held.loaders);
    const switched = i18n.setLanguage('en');
    held.fail('en:core');
    await expect(switched).rejects.toThrow();
    const areas = i18n.loadAreas(['fieldwork']);
    held.release('nl:fieldwork');
    await areas;
    expect(held.calls).toEqual(['en:core', 'nl:fieldwork']);
  });

  test('the last choice wins when switches overlap', async () => {
    const held = heldLoaders();
    const store = memoryStore();
    const i18n = createI18n(store, held.loaders);
    const toEnglish = i18n.setLanguage('en');
    const toDutch = i18n.setLanguage('nl');
    await toDutch;
    held.release('en:core');
    await toEnglish;
    expect(i18n.language()).toBe('nl');
    expect(store.saved).toEqual(['nl']);
  });

  test('with every dictionary loaded, each key shows its own text in both languages', async () => {
    const i18n = createI18n(memoryStore());
    await i18n.loadAreas(AREAS);
    const text = (key: MessageKey) => (i18n.t as (k: MessageKey) => string)(key);
    for (const key of ALL_KEYS) {
      expect(text(key), key).toBe(DICTIONARIES[areaOf(key) ?? 'core'].nl[key]);
    }
    await i18n.setLanguage('en');
    for (const key of ALL_KEYS) {
      expect(text(key), key).toBe(DICTIONARIES[areaOf(key) ?? 'core'].en[key]);
    }
  });
});

test('parseLanguage accepts only languages the app speaks', () => {
  expect(parseLanguage('en')).toBe('en');
  expect(parseLanguage('EN')).toBeUndefined();
  expect(parseLanguage(null)).toBeUndefined();
});
