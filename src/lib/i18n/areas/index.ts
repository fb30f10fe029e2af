/**
 * The area dictionaries: texts of screens that are not part of the first screen, each loaded
 * with the route chunks that use it (`lazyPage(…, [area])`) and only in the language shown.
 * This module stays small, since the first screen's JavaScript carries it: prefixes and loaders,
 * no texts.
 */
import type { Language } from '../translate.ts';

export type Area = 'fieldwork' | 'neighbourhoods' | 'privacy' | 'audit';
export const AREAS: readonly Area[] = ['fieldwork', 'neighbourhoods', 'privacy', 'audit'];

/**
 * The key prefixes each area owns. Every key of an area starts with one of its prefixes, and no
 * core key starts with any (i18n.test.ts), so a key alone says which dictionary holds it. When
 * prefixes of two areas match, the longest wins: the audit log's words (`audit.field.…`) are an
 * area of their own within privacy's `audit.`.
 */
export const AREA_PREFIXES: Readonly<Record<Area, readonly string[]>> = {
  fieldwork: ['garden.', 'grade.', 'walk.', 'obs.filter.', 'obs.nearby.'],
  neighbourhoods: ['map.', 'buurt.', 'report.'],
  privacy: ['privacy.', 'a11y.', 'audit.', 'dsr.'],
  audit: [
    'audit.field.',
    'audit.kind.',
    'audit.value.',
    'audit.label.',
    'audit.who',
    'audit.raw',
    'audit.recordId',
    'audit.becomes',
  ],
};

/** The area a key belongs to, or undefined for a core key. */
export function areaOf(key: string): Area | undefined {
  let found: Area | undefined;
  let length = 0;
  for (const area of AREAS) {
    for (const prefix of AREA_PREFIXES[area]) {
      if (prefix.length > length && key.startsWith(prefix)) {
        found = area;
        length = prefix.length;
      }
    }
  }
  return found;
}

/** A dictionary as loaded: key → text. */
export type Dictionary = Readonly<Record<string, string>>;

/** Each area's dictionary per language, as its own chunk (the service worker precaches them). */
export const AREA_LOADERS: Readonly<Record<Area, Record<Language, () => Promise<Dictionary>>>> = {
  fieldwork: {
    nl: async () => (await import('./fieldwork.nl.ts')).nl,
    en: async () => (await import('./fieldwork.en.ts')).en,
  },
  neighbourhoods: {
    nl: async () => (await import('./neighbourhoods.nl.ts')).nl,
    en: async () => (await import('./neighbourhoods.en.ts')).en,
  },
  privacy: {
    nl: async () => (await import('./privacy.nl.ts')).nl,
    en: async () => (await import('./privacy.en.ts')).en,
  },
  audit: {
    nl: async () => (await import('./audit.nl.ts')).nl,
    en: async () => (await import('./audit.en.ts')).en,
  },
};
