import { describe, expect, test } from 'vitest';
import { createI18n, type Language, type LanguageStore } from './index.ts';
import { en } from './en.ts';
import * as audit from './areas/audit.ts';
import * as fieldwork from './areas/fieldwork.ts';
import * as neighbourhoods from './areas/neighbourhoods.ts';
import * as privacy from './areas/privacy.ts';
import { nl } from './nl.ts';
import { interpolate, parseLanguage, placeholdersOf } from './translate.ts';

function memoryStore(initial: string | null = null): LanguageStore & { saved: Language[] } {
  const saved: Language[] = [];
  return { saved, load: () => initial, save: (l) => void saved.push(l) };
}

describe('dictionaries', () => {
  test('English has every Dutch key and no others', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  test.each(Object.keys(nl) as (keyof typeof nl)[])('%s uses the same placeholders', (key) => {
    expect(placeholdersOf(en[key])).toEqual(placeholdersOf(nl[key]));
  });

  test('no area dictionary loses a key to another one', () => {
    const areas = { fieldwork, neighbourhoods, privacy, audit };
    const seen = new Map<string, string>();
    for (const [name, area] of Object.entries(areas)) {
      for (const [key, text] of Object.entries(area.nl)) {
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${name}`).toBeUndefined();
        seen.set(key, name);
        // A key the core dictionary defines again would override the area's text silently.
        expect(nl[key as keyof typeof nl], key).toBe(text);
        expect(en[key as keyof typeof en], key).toBe((area.en as Record<string, string>)[key]);
      }
    }
  });

  test('no message is empty or padded', () => {
    for (const text of [...Object.values(nl), ...Object.values(en)]) {
      expect(text.trim()).toBe(text);
      expect(text.length).toBeGreaterThan(0);
    }
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
    'sync.reason.rating_range',
    'sync.reason.feedback_needs_rating',
    'audit.field.rating',
  ] as const;
  const words = (text: string) => text.replace(/\{\w+\}/g, '');
  for (const key of rating) {
    expect(words(nl[key]), key).toMatch(/ster/i);
    expect(words(nl[key]), key).not.toMatch(/cijfer/i);
    expect(words(en[key]), key).toMatch(/star/i);
    expect(words(en[key]), key).not.toMatch(/rating|grade/i);
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
  test('starts in Dutch when nothing (or nonsense) is stored', () => {
    expect(createI18n(memoryStore()).language()).toBe('nl');
    expect(createI18n(memoryStore('fr')).language()).toBe('nl');
  });

  test('starts in the stored language', () => {
    const i18n = createI18n(memoryStore('en'));
    expect(i18n.language()).toBe('en');
    expect(i18n.t('auth.title')).toBe('Sign in');
  });

  test('switching language changes the texts and is stored', () => {
    const store = memoryStore();
    const i18n = createI18n(store);
    expect(i18n.t('home.signedInAs', { email: 'a@b.nl' })).toBe('Je bent ingelogd als a@b.nl.');
    i18n.setLanguage('en');
    expect(i18n.t('home.signedInAs', { email: 'a@b.nl' })).toBe('You are signed in as a@b.nl.');
    expect(store.saved).toEqual(['en']);
  });
});

test('parseLanguage accepts only languages the app speaks', () => {
  expect(parseLanguage('en')).toBe('en');
  expect(parseLanguage('EN')).toBeUndefined();
  expect(parseLanguage(null)).toBeUndefined();
});
