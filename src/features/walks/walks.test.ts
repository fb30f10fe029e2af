import { describe, expect, test } from 'vitest';
import { draftOf, withDraft } from '../../lib/drafts/index.ts';
import { blankWalk, checkWalk, isDate, type WalkForm } from './form.ts';
import { projectBuurt } from './map.ts';

const valid = (): WalkForm => ({
  title: 'Schouw Centrum',
  buurt: 'BU01185000',
  date: '2026-12-01',
  notes: '',
  participants: { a: '2', b: '' },
});

describe('checkWalk', () => {
  test('a complete form gives the participants with head counts (empty counts as one)', () => {
    expect(checkWalk(valid())).toEqual({
      errors: {},
      participants: [
        { organisation_id: 'a', people: 2 },
        { organisation_id: 'b', people: 1 },
      ],
    });
  });

  test('names every field that is wrong, as the database would refuse it', () => {
    const result = checkWalk({
      title: ' a ',
      buurt: '',
      date: '2026-02-30',
      notes: 'x'.repeat(4001),
      participants: { a: '101', b: '-1', c: '2,5' },
    });
    expect(result.participants).toBeUndefined();
    expect(result.errors).toEqual({
      title: 'walk.error.title',
      buurt: 'walk.error.buurt',
      date: 'walk.error.date',
      notes: 'walk.error.notes',
      people: { a: 'walk.error.people', b: 'walk.error.people', c: 'walk.error.people' },
    });
  });

  test('a walk needs at least one organisation', () => {
    expect(checkWalk({ ...valid(), participants: {} }).errors).toEqual({
      organisations: 'walk.error.organisations',
    });
  });
});

test('isDate accepts only real calendar dates', () => {
  expect(isDate('2026-12-01')).toBe(true);
  expect(isDate('2028-02-29')).toBe(true);
  expect(isDate('2026-02-29')).toBe(false);
  expect(isDate('01-12-2026')).toBe(false);
  expect(isDate('')).toBe(false);
});

describe('projectBuurt', () => {
  // 0.02° of longitude by 0.01° of latitude at 52.7° N: on the ground about 1.2 by 1 (not 2 by 1).
  const square: [number, number][][][] = [
    [
      [
        [6.47, 52.72],
        [6.49, 52.72],
        [6.49, 52.73],
        [6.47, 52.73],
        [6.47, 52.72],
      ],
    ],
  ];

  test('keeps the shape (longitude scaled by the latitude) and puts north up', () => {
    const map = projectBuurt(square, [{ lon: 6.48, lat: 52.725 }, undefined], 200, 10);
    // 180 px across for 0.02° × cos(52.725°); the same scale up and down for 0.01°.
    expect(map.height).toBeCloseTo(10 + 180 / (2 * Math.cos((52.725 * Math.PI) / 180)) + 10, 0);
    expect(map.path.startsWith('M10 ')).toBe(true); // south-west first
    expect(map.path.endsWith('Z')).toBe(true);
    expect(map.points[0]?.x).toBeCloseTo(100, 0);
    expect(map.points[0]?.y).toBeCloseTo(map.height / 2, 0);
    expect(map.points[1]).toBeUndefined();
    // The north-west corner is at the top left.
    expect(map.path).toContain('L190 10L10 10L');
  });

  test('a tall buurt is capped in height and centred across', () => {
    const tall: [number, number][][][] = [
      [
        [
          [6.47, 52.7],
          [6.471, 52.7],
          [6.471, 52.73],
          [6.47, 52.7],
        ],
      ],
    ];
    const map = projectBuurt(tall, [{ lon: 6.4705, lat: 52.715 }], 200, 10);
    expect(map.height).toBe(300);
    expect(map.points[0]?.x).toBeCloseTo(100, 0);
    expect(map.points[0]?.y).toBeCloseTo(150, 0);
  });

  test('an empty shape gives an empty map instead of failing', () => {
    expect(projectBuurt([], [undefined]).path).toBe('');
  });
});

describe('the walk form’s draft', () => {
  test('an untouched form keeps no draft: the own organisation walking along is not input', () => {
    expect(blankWalk('smederij').participants).toEqual({ smederij: '1' });
    expect(blankWalk().participants).toEqual({});
    expect(draftOf(blankWalk('smederij'), blankWalk('smederij'))).toBeUndefined();
  });

  test('what was typed comes back after a reload, taking an organisation off included', () => {
    const typed: WalkForm = {
      ...blankWalk('smederij'),
      title: 'Schouw Centrum',
      date: '2026-12-03',
      participants: { woonconcept: '2' },
    };
    const kept = JSON.parse(JSON.stringify(draftOf(blankWalk('smederij'), typed))) as unknown;
    expect(kept).toEqual({
      title: 'Schouw Centrum',
      date: '2026-12-03',
      participants: { woonconcept: '2' },
    });
    expect(withDraft(blankWalk('smederij'), kept)).toEqual({ values: typed, restored: true });
  });
});
