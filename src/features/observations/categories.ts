import type { SyncDatabase } from '../../sync/db.ts';

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
