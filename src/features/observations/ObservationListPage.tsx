import { A, useLocation, useSearchParams } from '@solidjs/router';
import { createResource, For, Show, type JSX } from 'solid-js';
import { t, type PlainKey, localName } from '../../lib/i18n/index.ts';
import { Page } from '../../ui/index.ts';
import { useSession } from '../auth/index.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { categoryTree } from './categories.ts';
import { buurtenOf, matchesFilter, type ObservationFilter } from './filters.ts';
import './filters.css';
import { observationPaths } from './paths.ts';

const STATUSES = ['nieuw', 'in_behandeling', 'opgelost', 'gesloten'] as const;

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
/** The newest this many are shown; the filters find older ones. */
const LIST_LIMIT = 200;

export function ObservationListPage(): JSX.Element {
  const { device } = useSync();
  const { user } = useSession();
  const location = useLocation<{ saved?: boolean } | undefined>();
  // The filters live in the address, so Back from an observation returns to the same list.
  const [search, setSearch] = useSearchParams<Record<keyof ObservationFilter, string>>();
  const filter = (): ObservationFilter => ({
    mine: search.mine === '1',
    status: search.status ?? '',
    category: search.category ?? '',
    from: search.from ?? '',
    to: search.to ?? '',
  });
  const [memberships] = createResource(device, async (d) => (await d.myNeighbourhoods?.()) ?? []);
  const tree = createLiveQuery(device, ({ db }) => categoryTree(db, user()?.id));
  // Follows the device data and the filters: a changed filter runs the query again.
  const source = () => {
    const d = device();
    return d && { db: d.db, f: filter(), memberships: memberships() ?? [] };
  };
  const rows = createLiveQuery(source, async ({ db, f, memberships }): Promise<Row[]> => {
    const [categories, buurten, outbox] = await Promise.all([
      db.observation_categories.toArray(),
      db.neighbourhoods.toArray(),
      db.outbox.where('table').equals('observations').toArray(),
    ]);
    const mine = buurtenOf(memberships, buurten);
    // Filtered before the limit, so older matches still show; Dexie stops after 200.
    const observations = await db.observations
      .orderBy('observed_at')
      .reverse()
      .filter((o) => !o.deleted_at && matchesFilter(o, f, mine))
      .limit(LIST_LIMIT)
      .toArray();
    const category = new Map(categories.map((c) => [c.code, localName(c)]));
    const buurt = new Map(buurten.map((b) => [b.code, b.name]));
    const unsent = new Set(outbox.filter((e) => e.status !== 'rejected').map((e) => e.record_id));
    return observations.map((o) => ({
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
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <h2 class="visually-hidden">{t('obs.filter.title')}</h2>
        <Show when={(memberships()?.length ?? 0) > 0}>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={filter().mine}
              onChange={(e) => setSearch({ mine: e.currentTarget.checked ? '1' : undefined })}
            />
            {t('obs.filter.mine')}
          </label>
        </Show>
        <div class="field">
          <label class="field__label" for="filter-status">
            {t('obs.filter.status')}
          </label>
          <select
            id="filter-status"
            class="field__input"
            onChange={(e) => setSearch({ status: e.currentTarget.value || undefined })}
          >
            <option value="">{t('obs.filter.all')}</option>
            <For each={STATUSES}>
              {(s) => (
                <option value={s} selected={filter().status === s}>
                  {t(`obs.status.${s}` as PlainKey)}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label class="field__label" for="filter-category">
            {t('obs.filter.category')}
          </label>
          <select
            id="filter-category"
            class="field__input"
            onChange={(e) => setSearch({ category: e.currentTarget.value || undefined })}
          >
            <option value="">{t('obs.filter.all')}</option>
            <For each={tree()}>
              {(group) => (
                <optgroup label={localName(group.theme)}>
                  <option
                    value={group.theme.code}
                    selected={filter().category === group.theme.code}
                  >
                    {t('obs.filter.wholeTheme', { theme: localName(group.theme) })}
                  </option>
                  <For each={group.items}>
                    {(c) => (
                      <option value={c.code} selected={filter().category === c.code}>
                        {localName(c)}
                      </option>
                    )}
                  </For>
                </optgroup>
              )}
            </For>
          </select>
        </div>
        <div class="filters__dates">
          <div class="field">
            <label class="field__label" for="filter-from">
              {t('obs.filter.from')}
            </label>
            <input
              id="filter-from"
              type="date"
              class="field__input"
              value={filter().from}
              onChange={(e) => setSearch({ from: e.currentTarget.value || undefined })}
            />
          </div>
          <div class="field">
            <label class="field__label" for="filter-to">
              {t('obs.filter.to')}
            </label>
            <input
              id="filter-to"
              type="date"
              class="field__input"
              value={filter().to}
              onChange={(e) => setSearch({ to: e.currentTarget.value || undefined })}
            />
          </div>
        </div>
        <Show when={Object.values(filter()).some(Boolean)}>
          <button
            type="button"
            class="button button--secondary"
            onClick={() =>
              setSearch({
                mine: undefined,
                status: undefined,
                category: undefined,
                from: undefined,
                to: undefined,
              })
            }
          >
            {t('obs.filter.clear')}
          </button>
        </Show>
      </form>
      <p role="status" class="field__hint">
        {rows() &&
          (rows()!.length >= LIST_LIMIT
            ? t('obs.filter.limited', { count: LIST_LIMIT })
            : t('obs.filter.count', { count: rows()!.length }))}
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
