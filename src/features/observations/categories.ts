import type { SyncDatabase } from '../../sync/db.ts';

/**
 * The categories this person used last (newest first, at most `limit`), so a practised user finds
 * theirs at the top of the list; only ones still offered to them.
 */
export async function recentCategories(
  db: SyncDatabase,
  userId: string | undefined,
  limit = 3,
): Promise<Awaited<ReturnType<typeof categoryTree>>[number]['items']> {
  if (!userId) return [];
  const [groups, mine] = await Promise.all([
    categoryTree(db, userId),
    db.observations
      .orderBy('observed_at')
      .reverse()
      .filter((o) => o.created_by === userId && !o.deleted_at)
      .limit(50)
      .toArray(),
  ]);
  const offered = new Map(groups.flatMap((g) => g.items).map((c) => [c.code, c]));
  const recent = [];
  for (const code of new Set(mine.map((o) => o.category_code))) {
    const c = offered.get(code);
    if (c) recent.push(c);
    if (recent.length === limit) break;
  }
  return recent;
}

/**
 * The two-level category tree (theme → categories) in display order. Tenants may not log or see
 * sensitive categories (care signals, nuisance between neighbours): the server refuses them, so
 * they are never offered.
 */
export async function categoryTree(db: SyncDatabase, userId: string | undefined) {
  const [all, me] = await Promise.all([
    db.observation_categories.toArray(),
    userId ? db.profiles.get(userId) : undefined,
  ]);
  const tenant = me?.role === 'huurder';
  const offered = all.filter((c) => !(tenant && c.sensitive));
  return offered
    .filter((c) => !c.parent_code)
    .sort((a, b) => a.sort - b.sort)
    .map((theme) => ({
      theme,
      items: offered.filter((c) => c.parent_code === theme.code).sort((a, b) => a.sort - b.sort),
    }))
    .filter((group) => group.items.length > 0);
}
