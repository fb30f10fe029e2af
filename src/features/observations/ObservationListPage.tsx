import { A, useLocation } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { Page } from '../../ui/index.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { observationPaths } from './paths.ts';

interface Row {
  id: string;
  category: string;
  description: string;
  buurt: string;
  status: string;
  observedAt: string;
  unsent: boolean;
}

/** The observations on this device, newest first, with what is still to be sent. */
export function ObservationListPage(): JSX.Element {
  const { device } = useSync();
  const location = useLocation<{ saved?: boolean } | undefined>();
  const rows = createLiveQuery(device, async ({ db }): Promise<Row[]> => {
    const [observations, categories, buurten, outbox] = await Promise.all([
      db.observations.orderBy('observed_at').reverse().limit(200).toArray(),
      db.observation_categories.toArray(),
      db.neighbourhoods.toArray(),
      db.outbox.where('table').equals('observations').toArray(),
    ]);
    const category = new Map(categories.map((c) => [c.code, c.name_nl]));
    const buurt = new Map(buurten.map((b) => [b.code, b.name]));
    const unsent = new Set(outbox.filter((e) => e.status !== 'rejected').map((e) => e.record_id));
    return observations
      .filter((o) => !o.deleted_at)
      .map((o) => ({
        id: o.id,
        category: category.get(o.category_code) ?? o.category_code,
        description: o.description,
        buurt: buurt.get(o.neighbourhood_code) ?? '',
        status: o.status,
        observedAt: new Date(o.observed_at).toLocaleDateString('nl-NL'),
        unsent: unsent.has(o.id),
      }));
  });

  return (
    <Page title={t('obs.list.title')}>
      <Show when={location.state?.saved}>
        <p class="notice" role="status">
          {t('obs.list.saved')}
        </p>
      </Show>
      <p>
        <A class="button button--primary" href={observationPaths.new}>
          {t('obs.list.new')}
        </A>
      </p>
      <Show when={rows()?.length} fallback={<p>{t('obs.list.empty')}</p>}>
        <ul class="cards">
          <For each={rows()}>
            {(row) => (
              <li class="card">
                <A class="card__title" href={observationPaths.detail(row.id)}>
                  {row.category}
                </A>
                <Show when={row.description}>
                  <span class="card__text">{row.description}</span>
                </Show>
                <span>
                  {row.buurt} · {row.observedAt}
                </span>
                <span>
                  {t(`obs.status.${row.status}` as PlainKey)}
                  <Show when={row.unsent}>
                    {' · '}
                    <strong>{t('obs.list.onDevice')}</strong>
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
