import type { nl } from './nl.ts';

/** The languages the app speaks; Dutch first. */
export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];
export const DEFAULT_LANGUAGE: Language = 'nl';

export type MessageKey = keyof typeof nl;
/** A dictionary: every Dutch key, nothing more. */
export type Messages = { readonly [K in MessageKey]: string };

/** The `{name}` placeholders in a message, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/**
 * The arguments `t(key, …)` takes after the key: nothing for a plain message, an object with
 * exactly the message's placeholders otherwise (checked against the Dutch text).
 */
export type ParamsFor<K extends MessageKey> = [Placeholders<(typeof nl)[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<(typeof nl)[K]>, string | number>];

/** Keys of messages without placeholders: these can be chosen at runtime (error codes, tiles). */
export type PlainKey = {
  [K in MessageKey]: [Placeholders<(typeof nl)[K]>] extends [never] ? K : never;
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

/** Looks a message up and fills it in. */
export function translate(messages: Messages, key: MessageKey, params?: Params): string {
  return interpolate(messages[key], params);
}

/** The placeholder names of a message, sorted: both languages must use the same ones. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** A stored or requested language, if it is one we speak. */
export function parseLanguage(value: string | null | undefined): Language | undefined {
  return LANGUAGES.find((l) => l === value);
}
