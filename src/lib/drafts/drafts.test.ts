import { describe, expect, test } from 'vitest';
import { draftOf, withDraft } from './index.ts';

const place = { point: { lon: 6.47908, lat: 52.72469 }, accuracy: null, buurt: 'BU01185000' };

interface Walk extends Record<string, unknown> {
  title: string;
  date: string;
  participants: Record<string, string>;
}
const blankWalk = (): Walk => ({ title: '', date: '', participants: { smederij: '1' } });

describe('draftOf: what a draft keeps', () => {
  test('nothing when nothing differs from the start, so there is no draft to keep', () => {
    expect(draftOf(blankWalk(), blankWalk())).toBeUndefined();
    // Equal by value, not by identity: a copy of the start is not a change.
    expect(draftOf(blankWalk(), { ...blankWalk(), participants: { smederij: '1' } })).toBe(
      undefined,
    );
  });

  test('only the fields that differ, objects compared by value', () => {
    const now = { ...blankWalk(), title: 'Schouw Centrum', participants: { smederij: '2' } };
    expect(draftOf(blankWalk(), now)).toEqual({
      title: 'Schouw Centrum',
      participants: { smederij: '2' },
    });
  });

  test('a field typed and emptied again is no change', () => {
    expect(draftOf({ title: 'Tuin', notes: '' }, { title: 'Tuin', notes: '' })).toBeUndefined();
  });

  test('an optional object filled in is a change', () => {
    expect(draftOf({ title: '', place: undefined }, { title: '', place })).toEqual({ place });
  });
});

describe('withDraft: a kept draft put back', () => {
  test('no draft: the start values, nothing restored', () => {
    expect(withDraft(blankWalk(), undefined)).toEqual({ values: blankWalk(), restored: false });
    expect(withDraft(blankWalk(), null)).toEqual({ values: blankWalk(), restored: false });
  });

  test('the draft round-trips: start + draftOf(start, now) gives now', () => {
    const now = { title: 'Schouw', date: '2026-12-03', participants: {} };
    const kept = JSON.parse(JSON.stringify(draftOf(blankWalk(), now))) as unknown;
    expect(withDraft(blankWalk(), kept)).toEqual({ values: now, restored: true });
  });

  test('laid over a record that changed meanwhile, it keeps the other changes', () => {
    const shown = { title: 'Tuinaanpak Krakeel', trees: '2', plants: '10' };
    // This person changed the plants; a colleague changed the trees since.
    const draft = draftOf(shown, { ...shown, plants: '40' });
    const now = { ...shown, trees: '3' };
    expect(withDraft(now, draft)).toEqual({
      values: { title: 'Tuinaanpak Krakeel', trees: '3', plants: '40' },
      restored: true,
    });
  });

  test('a draft equal to the start restores nothing (no notice for nothing)', () => {
    expect(withDraft(blankWalk(), { title: '', participants: { smederij: '1' } }).restored).toBe(
      false,
    );
  });

  test('fields the form does not have, or values of another kind, are left out', () => {
    const { values, restored } = withDraft(
      { title: '', facade: false, place: undefined as typeof place | undefined },
      { title: 42, facade: 'yes', place: 'here', measures: { trees: '2' }, extra: 'x' },
    );
    expect(values).toEqual({ title: '', facade: false, place: undefined });
    expect(restored).toBe(false);
    expect(withDraft({ title: '', place: undefined }, { place }).values.place).toEqual(place);
  });

  test('a damaged draft (not an object) is ignored', () => {
    for (const bad of ['text', 7, [1, 2], true])
      expect(withDraft(blankWalk(), bad)).toEqual({ values: blankWalk(), restored: false });
  });
});
