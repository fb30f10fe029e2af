import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { Page } from '../../ui/index.ts';
import { useSession } from '../auth/index.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { walkPaths } from './paths.ts';
import { formatDay } from './format.ts';

/** The neighbourhood walks on this device, the newest date first. */
export function WalkListPage(): JSX.Element {
  const { device } = useSync();
  const { user } = useSession();
  const data = createLiveQuery(device, async ({ db }) => {
    const [walks, buurten, outbox, me] = await Promise.all([
      db.walks.toArray(),
      db.neighbourhoods.where('kind').equals('buurt').toArray(),
      db.outbox.where('table').equals('walks').toArray(),
      user() ? db.profiles.get(user()!.id) : undefined,
    ]);
    const buurt = new Map(buurten.map((b) => [b.code, b.name]));
    const unsent = new Set(outbox.filter((e) => e.status !== 'rejected').map((e) => e.record_id));
    const rows = walks
      .filter((w) => !w.deleted_at)
      .sort((a, b) => b.planned_for.localeCompare(a.planned_for))
      .slice(0, 200)
      .map((w) => ({
        ...w,
        buurtName: buurt.get(w.neighbourhood_code) ?? '',
        unsent: unsent.has(w.id),
      }));
    return { rows, role: me?.role };
  });

  return (
    <Page title={t('walk.list.title')}>
      <p>{t('walk.list.intro')}</p>
      <Show when={data()?.role && data()?.role !== 'huurder'}>
        <p>
          <A class="button button--primary" href={walkPaths.new}>
            {t('walk.list.new')}
          </A>
        </p>
      </Show>
      <Show when={data()?.rows.length} fallback={<p>{t('walk.list.empty')}</p>}>
        <ul class="cards">
          <For each={data()?.rows}>
            {(w) => (
              <li class="card">
                <A class="card__title" href={walkPaths.detail(w.id)}>
                  {w.title}
                </A>
                <span>
                  {w.buurtName} · {formatDay(w.planned_for)}
                </span>
                <span>
                  {t(`walk.status.${w.status}` as PlainKey)}
                  <Show when={w.unsent}>
                    {' · '}
                    <strong>{t('walk.onDevice')}</strong>
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
