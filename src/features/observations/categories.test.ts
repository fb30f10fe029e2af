import { describe, expect, test } from 'vitest';
import { testDatabase } from '../../sync/testing.ts';
import { categoryTree, recentCategories } from './categories.ts';

const cat = (code: string, parent: string | null, sensitive = false, sort = 0) => ({
  code,
  parent_code: parent,
  theme: 'sociaal',
  name_nl: code,
  name_en: code,
  icon: '',
  sensitive,
  positive: false,
  sort,
});

async function seeded(role: string) {
  const db = testDatabase();
  await db.observation_categories.bulkPut([
    cat('sociaal', null),
    cat('sociaal.zorgsignaal', 'sociaal', true, 2),
    cat('sociaal.ontmoeting', 'sociaal', false, 1),
    cat('zorg', null),
    cat('zorg.alleen_gevoelig', 'zorg', true),
  ] as never);
  await db.profiles.put({ id: 'me', role } as never);
  return db;
}

describe('category tree', () => {
  test('tenants are never offered sensitive categories, nor a theme left empty by that', async () => {
    const tree = await categoryTree(await seeded('huurder'), 'me');
    expect(tree.map((g) => [g.theme.code, g.items.map((c) => c.code)])).toEqual([
      ['sociaal', ['sociaal.ontmoeting']],
    ]);
  });

  test('professionals get every category, in display order', async () => {
    const tree = await categoryTree(await seeded('smederij'), 'me');
    expect(tree.map((g) => [g.theme.code, g.items.map((c) => c.code)])).toEqual([
      ['sociaal', ['sociaal.ontmoeting', 'sociaal.zorgsignaal']],
      ['zorg', ['zorg.alleen_gevoelig']],
    ]);
  });
});

describe('recently used categories', () => {
  test('the person’s own last ones first, each once, only ones still offered to them', async () => {
    const db = await seeded('huurder');
    const obs = (
      id: string,
      code: string,
      at: string,
      by = 'me',
      deleted_at: string | null = null,
    ) => ({ id, category_code: code, observed_at: at, created_by: by, deleted_at }) as never;
    await db.observations.bulkPut([
      obs('1', 'sociaal.ontmoeting', '2026-11-01T10:00:00Z'),
      obs('2', 'sociaal.zorgsignaal', '2026-11-02T10:00:00Z'), // sensitive: not for a tenant
      obs('3', 'sociaal.ontmoeting', '2026-11-03T10:00:00Z'),
      obs('4', 'sociaal.ontmoeting', '2026-11-04T10:00:00Z', 'someone else'),
    ]);
    expect((await recentCategories(db, 'me')).map((c) => c.code)).toEqual(['sociaal.ontmoeting']);
    expect(await recentCategories(db, undefined)).toEqual([]);
  });

  test('newest first, at most the limit', async () => {
    const db = await seeded('smederij');
    await db.observations.bulkPut(
      [
        ['a', 'sociaal.ontmoeting', '2026-11-01'],
        ['b', 'zorg.alleen_gevoelig', '2026-11-03'],
        ['c', 'sociaal.zorgsignaal', '2026-11-02'],
      ].map(
        ([id, code, at]) =>
          ({
            id,
            category_code: code,
            observed_at: at,
            created_by: 'me',
            deleted_at: null,
          }) as never,
      ),
    );
    expect((await recentCategories(db, 'me', 2)).map((c) => c.code)).toEqual([
      'zorg.alleen_gevoelig',
      'sociaal.zorgsignaal',
    ]);
  });
});
