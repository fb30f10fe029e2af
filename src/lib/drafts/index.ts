/**
 * Form drafts as data: what a draft keeps of a form, and how a kept draft is put back. Storing it
 * is the platform's job (`platform/drafts.ts`); this part is pure so it can be tested alone.
 *
 * A draft holds only the fields that differ from where the form started. For a new record that
 * is what the person filled in; for a saved record it is what they changed, so putting the draft
 * back over the record as it is now keeps a colleague's change to another field (arrived with a
 * sync meanwhile) instead of silently setting it back.
 */

/** A form's values: plain JSON data, one entry per field. */
export type FormValues = object;
type Fields = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The JSON kind of a value: arrays and null apart from other objects. */
function kind(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * What a draft keeps: the fields of `now` that differ from `start` (compared as JSON), or
 * undefined when nothing differs (then there is nothing to keep).
 */
export function draftOf<T extends FormValues>(start: T, now: T): Partial<T> | undefined {
  const changed = Object.fromEntries(
    Object.entries(now).filter(([field, value]) => !same(value, (start as Fields)[field])),
  ) as Partial<T>;
  return Object.keys(changed).length ? changed : undefined;
}

/**
 * The form's start values with a kept draft laid over them. Only fields the form has are taken,
 * and only with the kind of value the form expects (an optional field, undefined at the start,
 * takes an object): a draft from an older version of the form, or a damaged one, never breaks
 * the form. `restored` says whether the draft changed anything.
 */
export function withDraft<T extends FormValues>(
  start: T,
  draft: unknown,
): { values: T; restored: boolean } {
  const values: Fields = { ...(start as Fields) };
  let restored = false;
  if (draft && typeof draft === 'object' && !Array.isArray(draft)) {
    for (const [field, value] of Object.entries(draft as Fields)) {
      if (!Object.hasOwn(start, field) || value === undefined) continue;
      const expected = (start as Fields)[field];
      const fits =
        expected === undefined ? kind(value) === 'object' : kind(value) === kind(expected);
      if (!fits || same(value, expected)) continue;
      values[field] = value;
      restored = true;
    }
  }
  return { values: values as T, restored };
}
