import { describe, expect, test } from 'vitest';
import { createGarden, createWalk, saveGrades, updateGarden, type GardenInput } from './records.ts';
import { testContext, testDatabase } from './testing.ts';
import { ValidationError } from './writes.ts';

const ORG = '0a000000-0000-4000-8000-000000000011';
const jpeg = (n: number) => new Blob([new Uint8Array(n).fill(7)], { type: 'image/jpeg' });
const garden = (): GardenInput => ({
  corporation_id: ORG,
  title: 'Tuinaanpak Pesse',
  address: '',
  location: '(6.47908,52.72469)',
  neighbourhood_code: 'BU01185000',
  status: 'aangemeld',
  households: 3,
  tiles_removed_m2: 10.5,
  green_added_m2: 8,
  trees: 1,
  plants: 12,
  rain_barrels: 2,
  facade_garden: true,
  green_roof_m2: 0,
});

describe('garden writers', () => {
  test('a project with before and after photos is one transaction: record, photos, outbox', async () => {
    const db = testDatabase();
    const ctx = testContext(db);
    const id = await createGarden(ctx, garden(), [
      { kind: 'before', organisationId: ORG, blob: jpeg(100), width: 4, height: 3 },
      { kind: 'after', organisationId: ORG, blob: jpeg(200), width: 4, height: 3 },
    ]);
    expect(await db.garden_projects.get(id)).toMatchObject({ title: 'Tuinaanpak Pesse', trees: 1 });
    const attachments = await db.attachments.toArray();
    expect(attachments.map((a) => [a.kind, a.record_table, a.record_id])).toEqual([
      ['before', 'garden_projects', id],
      ['after', 'garden_projects', id],
    ]);
    expect(await db.photos.count()).toBe(2);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.table)).toEqual(['garden_projects', 'attachments', 'attachments']);
  });

  test('a refused change saves neither the values nor the photos', async () => {
    const db = testDatabase();
    const ctx = testContext(db);
    const id = await createGarden(ctx, garden());
    await expect(
      updateGarden(ctx, id, { trees: -1 }, [
        { kind: 'after', organisationId: ORG, blob: jpeg(50), width: 1, height: 1 },
      ]),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await db.garden_projects.get(id))?.trees).toBe(1);
    expect(await db.photos.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
  });

  test('a change before sending is folded into the unsent insert', async () => {
    const db = testDatabase();
    const ctx = testContext(db);
    const id = await createGarden(ctx, garden());
    await updateGarden(ctx, id, { status: 'gepland', trees: 4 });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.values).toMatchObject({ status: 'gepland', trees: 4 });
  });
});

describe('saveGrades', () => {
  test('grades each theme once per quarter: a second save changes the earlier grades', async () => {
    const db = testDatabase();
    const ctx = testContext(db);
    const base = { neighbourhood_code: 'BU01185000', year: 2026, quarter: 4, userId: 'me' };
    const first = await saveGrades(ctx, { ...base, grades: { schoon: 6, veilig: 7 } });
    const second = await saveGrades(ctx, { ...base, grades: { schoon: 8, groen: 5 } });
    expect(second[0]).toBe(first[0]);
    const rows = await db.neighbourhood_grades.toArray();
    expect(rows.map((r) => [r.theme, r.grade]).sort()).toEqual([
      ['groen', 5],
      ['schoon', 8],
      ['veilig', 7],
    ]);
    // Another quarter, or another person's grade on this device, is never changed.
    await db.neighbourhood_grades.update(first[1]!, { created_by: 'someone-else' });
    await saveGrades(ctx, { ...base, grades: { veilig: 9 } });
    await saveGrades(ctx, { ...base, quarter: 3, grades: { schoon: 2 } });
    const all = await db.neighbourhood_grades.toArray();
    expect(all).toHaveLength(5);
    expect(all.find((r) => r.id === first[1])?.grade).toBe(7);
  });

  test('a grade outside 1–10 saves nothing at all', async () => {
    const db = testDatabase();
    const ctx = testContext(db);
    await expect(
      saveGrades(ctx, {
        neighbourhood_code: 'BU01185000',
        year: 2026,
        quarter: 4,
        userId: 'me',
        grades: { schoon: 6, heel: 11 },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.neighbourhood_grades.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

test('createWalk plans the walk and its participants in one transaction', async () => {
  const db = testDatabase();
  const ctx = testContext(db);
  const id = await createWalk(
    ctx,
    {
      neighbourhood_code: 'BU01185000',
      title: 'Schouw Centrum',
      planned_for: '2026-12-01',
      notes: '',
    },
    [
      { organisation_id: ORG, people: 2 },
      { organisation_id: '0a000000-0000-4000-8000-000000000031', people: 1 },
    ],
  );
  expect(await db.walks.get(id)).toMatchObject({ status: 'gepland', title: 'Schouw Centrum' });
  expect((await db.walk_participants.where('walk_id').equals(id).toArray()).length).toBe(2);
  expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.table)).toEqual([
    'walks',
    'walk_participants',
    'walk_participants',
  ]);
});
