import { A, useLocation } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { Page } from '../../ui/index.ts';
import { useSession } from '../auth/index.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { formatMeasure } from './form.ts';
import { gardenPaths } from './paths.ts';

/** The garden projects on this device, newest first, with what is still to be sent. */
export function GardenListPage(): JSX.Element {
  const { device } = useSync();
  const { user } = useSession();
  const location = useLocation<{ saved?: boolean } | undefined>();
  const data = createLiveQuery(device, async ({ db }) => {
    const [gardens, buurten, orgs, outbox, me] = await Promise.all([
      db.garden_projects.toArray(),
      db.neighbourhoods.where('kind').equals('buurt').toArray(),
      db.organisations.toArray(),
      db.outbox.where('table').equals('garden_projects').toArray(),
      user() ? db.profiles.get(user()!.id) : undefined,
    ]);
    const buurt = new Map(buurten.map((b) => [b.code, b.name]));
    const org = new Map(orgs.map((o) => [o.id, o.name]));
    const unsent = new Set(outbox.filter((e) => e.status !== 'rejected').map((e) => e.record_id));
    const rows = gardens
      .filter((g) => !g.deleted_at)
      .sort((a, b) => b.created_at.localeCompare(a.created_at))
      .slice(0, 200)
      .map((g) => ({
        ...g,
        buurtName: buurt.get(g.neighbourhood_code) ?? '',
        corporationName: org.get(g.corporation_id) ?? '',
        unsent: unsent.has(g.id),
      }));
    return { rows, role: me?.role };
  });

  return (
    <Page title={t('garden.list.title')}>
      <Show when={location.state?.saved}>
        <p class="notice" role="status">
          {t('garden.list.saved')}
        </p>
      </Show>
      <Show when={data()?.role && data()?.role !== 'huurder'}>
        <p>
          <A class="button button--primary" href={gardenPaths.new}>
            {t('garden.list.new')}
          </A>
        </p>
      </Show>
      <Show when={data()?.rows.length} fallback={<p>{t('garden.list.empty')}</p>}>
        <ul class="cards">
          <For each={data()?.rows}>
            {(g) => (
              <li class="card">
                <A class="card__title" href={gardenPaths.detail(g.id)}>
                  {g.title}
                </A>
                <span>
                  {[g.address, g.buurtName, g.corporationName].filter(Boolean).join(' · ')}
                </span>
                <span>
                  {t('garden.list.measures', {
                    tiles: formatMeasure(g.tiles_removed_m2) || '0',
                    green: formatMeasure(g.green_added_m2) || '0',
                    trees: g.trees,
                  })}
                </span>
                <span>
                  {t(`garden.status.${g.status}` as PlainKey)}
                  <Show when={g.unsent}>
                    {' · '}
                    <strong>{t('garden.list.onDevice')}</strong>
                  </Show>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Page>
  );
}
