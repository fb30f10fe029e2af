import { describe, expect, test } from 'vitest';
import { SCHEMA_VERSIONS } from './db.ts';
import { addGardenFeedback, createGarden, type GardenInput } from './records.ts';
import { testContext, testDatabase } from './testing.ts';
import { validateRecord } from './validate.ts';
import { ValidationError } from './writes.ts';

const garden: GardenInput = {
  corporation_id: '0a000000-0000-4000-8000-000000000011',
  title: 'Tuinaanpak Krakeel',
  address: '',
  location: '(6.47908,52.72469)',
  neighbourhood_code: 'BU01185000',
  status: 'gepland',
  households: 3,
  tiles_removed_m2: 0,
  green_added_m2: 0,
  trees: 0,
  plants: 0,
  rain_barrels: 0,
  facade_garden: false,
  green_roof_m2: 0,
};

describe('addGardenFeedback', () => {
  test('saves the reaction and its outbox entry together, text trimmed, nothing else', async () => {
    const db = testDatabase();
    const ctx = testContext(db);
    const project = await createGarden(ctx, garden);
    const id = await addGardenFeedback(ctx, {
      garden_project_id: project,
      kind: 'feedback',
      body: '  Mooi geworden!  ',
      thumb: 1,
      rating: 4,
    });
    expect(await db.garden_project_events.get(id)).toMatchObject({
      garden_project_id: project,
      kind: 'feedback',
      body: 'Mooi geworden!',
      thumb: 1,
      rating: 4,
      deleted_at: null,
    });
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.table, e.op, e.record_id])).toEqual([
      ['garden_projects', 'insert', project],
      ['garden_project_events', 'insert', id],
    ]);
    // The server stamps the author, role and organisation: the device never sends them.
    expect(Object.keys(outbox[1]!.values).sort()).toEqual([
      'body',
      'garden_project_id',
      'kind',
      'rating',
      'thumb',
    ]);
  });

  test('a grade alone or a thumb alone is enough feedback', async () => {
    const ctx = testContext(testDatabase());
    await addGardenFeedback(ctx, { garden_project_id: 'p', kind: 'feedback', body: '', rating: 2 });
    await addGardenFeedback(ctx, { garden_project_id: 'p', kind: 'feedback', body: '', thumb: -1 });
    expect(await ctx.db.garden_project_events.count()).toBe(2);
  });

  test.each([
    [{ body: '' }, 'feedback_needs_rating'],
    [{ body: '', rating: 6 }, 'rating_range'],
    [{ body: '', rating: 0 }, 'rating_range'],
    [{ body: '', rating: 2.5 }, 'rating_range'],
    [{ body: 'x'.repeat(2001), thumb: 1 as const }, 'body_too_long'],
  ])('refuses %j before anything is written (%s)', async (bad, key) => {
    const db = testDatabase();
    const ctx = testContext(db);
    const attempt = addGardenFeedback(ctx, { garden_project_id: 'p', kind: 'feedback', ...bad });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ errors: [expect.objectContaining({ key })] });
    expect(await db.garden_project_events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  test('2000 characters are allowed; a comment needs words', () => {
    const ok = { garden_project_id: 'p', kind: 'feedback', thumb: 1, body: 'x'.repeat(2000) };
    expect(validateRecord('garden_project_events', ok, 'insert')).toEqual([]);
    expect(
      validateRecord(
        'garden_project_events',
        { garden_project_id: 'p', kind: 'comment', body: ' ' },
        'insert',
      ),
    ).toEqual([{ field: 'body', key: 'comment_empty' }]);
    expect(
      validateRecord(
        'garden_project_events',
        { garden_project_id: 'p', kind: 'x', thumb: 2 },
        'insert',
      ).map((e) => e.key),
    ).toEqual(['event_kind', 'thumb_value']);
  });

  test('the table arrives in a new schema version; released versions stay as they were', () => {
    expect(SCHEMA_VERSIONS[1]).not.toHaveProperty('garden_project_events');
    expect(SCHEMA_VERSIONS[2]).toEqual({ garden_project_events: 'id, garden_project_id' });
  });
});
