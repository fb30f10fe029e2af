import { localName } from '../../lib/i18n/index.ts';
import type { SyncDatabase } from '../../sync/db.ts';

/** A walk with what belongs to it, as the detail and summary pages show it. */
export async function loadWalk(db: SyncDatabase, id: string, userId: string | undefined) {
  const walk = await db.walks.get(id);
  if (!walk || walk.deleted_at) return null;
  const [buurt, participants, organisations, observations, categories, me, outbox] =
    await Promise.all([
      db.neighbourhoods.get(walk.neighbourhood_code),
      db.walk_participants.where('walk_id').equals(id).toArray(),
      db.organisations.toArray(),
      db.observations.where('walk_id').equals(id).toArray(),
      db.observation_categories.toArray(),
      userId ? db.profiles.get(userId) : undefined,
      db.outbox.where('[table+record_id]').equals(['walks', id]).count(),
    ]);
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  const category = new Map(categories.map((c) => [c.code, localName(c)]));
  const found = observations
    .filter((o) => !o.deleted_at)
    .sort((a, b) => a.observed_at.localeCompare(b.observed_at));
  const photos = await Promise.all(
    found.map((o) =>
      db.attachments
        .where('[record_table+record_id]')
        .equals(['observations', o.id])
        .filter((a) => !a.deleted_at)
        .toArray(),
    ),
  );
  return {
    walk,
    buurtName: buurt?.name ?? walk.neighbourhood_code,
    participants: participants
      .filter((p) => !p.deleted_at)
      .map((p) => ({ ...p, name: orgName.get(p.organisation_id) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    observations: found.map((o, i) => ({
      ...o,
      categoryName: category.get(o.category_code) ?? o.category_code,
      photos: photos[i] ?? [],
    })),
    role: me?.role,
    unsent: outbox > 0,
  };
}
