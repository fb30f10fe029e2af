import { describe, expect, test } from 'vitest';
import { testDatabase } from '../../sync/testing.ts';
import { categoryTree } from './categories.ts';

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
