import type { nl as audit } from './areas/audit.nl.ts';
import type { nl as fieldwork } from './areas/fieldwork.nl.ts';
import type { nl as neighbourhoods } from './areas/neighbourhoods.nl.ts';
import type { nl as privacy } from './areas/privacy.nl.ts';
import type { nl as core } from './nl.ts';

/** The languages the app speaks; Dutch first. */
export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];
export const DEFAULT_LANGUAGE: Language = 'nl';

/**
 * Every Dutch text, core and areas, as one type: lookups are typed whichever dictionary holds
 * the key. (Types only: this loads none of the texts.)
 */
type Dutch = typeof core & typeof fieldwork & typeof neighbourhoods & typeof privacy & typeof audit;

/** The Dutch dictionaries by name: the core and the areas. */
interface Dictionaries {
  core: typeof core;
  fieldwork: typeof fieldwork;
  neighbourhoods: typeof neighbourhoods;
  privacy: typeof privacy;
  audit: typeof audit;
}
/** Keys that two dictionaries both define (the type above would merge their texts to never). */
type Clashes = {
  [N in keyof Dictionaries]: {
    [M in Exclude<keyof Dictionaries, N>]: keyof Dictionaries[N] & keyof Dictionaries[M];
  }[Exclude<keyof Dictionaries, N>];
}[keyof Dictionaries];
/** Does not compile while a key is in two dictionaries; the error names the key. */
export const NO_KEY_CLASH: [Clashes] extends [never] ? true : Clashes = true;

export type MessageKey = keyof Dutch;
/** A translation of one Dutch dictionary: exactly its keys, nothing more. */
export type Translation<D> = { readonly [K in keyof D]: string };

/** The `{name}` placeholders in a message, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/**
 * The arguments `t(key, …)` takes after the key: nothing for a plain message, an object with
 * exactly the message's placeholders otherwise (checked against the Dutch text).
 */
export type ParamsFor<K extends MessageKey> = [Placeholders<Dutch[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<Dutch[K]>, string | number>];

/** Keys of messages without placeholders: these can be chosen at runtime (error codes, tiles). */
export type PlainKey = {
  [K in MessageKey]: [Placeholders<Dutch[K]>] extends [never] ? K : never;
}[MessageKey];

export type Params = Readonly<Record<string, string | number>>;

/**
 * Fills `{name}` placeholders. An unknown placeholder stays visible rather than turning into
 * "undefined", so a missing value shows up in review instead of misleading a reader.
 */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}

/** The placeholder names of a message, sorted: both languages must use the same ones. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** A stored or requested language, if it is one we speak. */
export function parseLanguage(value: string | null | undefined): Language | undefined {
  return LANGUAGES.find((l) => l === value);
}
