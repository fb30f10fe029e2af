/** The parts of a neighbourhood page below the key figures. */
import { A } from '@solidjs/router';
import { For, Show, createMemo, createResource, onCleanup, type JSX } from 'solid-js';
import { language, t, type PlainKey } from '../../lib/i18n/index.ts';
import {
  areaBuurten,
  checkClass,
  meanGrade,
  metricValue,
  perCorporation,
  targetYear,
  type ProgressRow,
  type TargetRow,
} from '../../lib/metrics/index.ts';
import type { LocalRow } from '../../sync/db.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { LineChart, ProgressBar } from './charts.tsx';
import { createSeries, type DeviceData } from './data.ts';
import { formatDate, formatValue } from './format.ts';

type Format = 'share' | 'count' | 'area' | 'grade';

/** What the figures say for a target's measure, or undefined when Buurtpeil does not measure it. */
function actualFor(
  target: TargetRow,
  row: ProgressRow,
  own: (org: string) => { gardens: number } | undefined,
): { value: number | null; format: Format } | undefined {
  switch (target.metric) {
    case 'new_builds_accessible_share':
      return { value: row.new_builds_accessible_share, format: 'share' };
    case 'homes_accessible_share':
      return { value: row.share_accessible, format: 'share' };
    case 'gardens_completed':
      return {
        value: target.organisation_id
          ? (own(target.organisation_id)?.gardens ?? 0)
          : row.gardens_done,
        format: 'count',
      };
    case 'tiles_removed_m2':
      return { value: row.tiles_removed_m2, format: 'area' };
    case 'green_added_m2':
      return { value: row.green_added_m2, format: 'area' };
    case 'trees_planted':
      return { value: row.trees, format: 'count' };
    case 'observations_resolved_share':
      return { value: metricValue('share_resolved', row, null), format: 'share' };
    case 'average_grade':
      return { value: meanGrade(row), format: 'grade' };
    default:
      return undefined;
  }
}

/** Targets from the agreements that apply here (this area, its wijk, or all of Hoogeveen). */
export function TargetsSection(props: {
  data: DeviceData | undefined;
  row: ProgressRow | undefined;
  code: string;
  period: string | null;
}): JSX.Element {
  const items = createMemo(() => {
    const d = props.data;
    const row = props.row;
    if (!d || !row) return [];
    const year = targetYear(props.period, new Date());
    const wijk = d.input.neighbourhoods.find((n) => n.code === props.code)?.wijk_code;
    const buurten = areaBuurten(d.input.neighbourhoods, props.code);
    const perOrg = new Map(
      perCorporation(d.input.gardens, d.input.checks, String(year), buurten).map((c) => [
        c.corporation_id,
        { gardens: c.gardens_done },
      ]),
    );
    const orgName = new Map(d.organisations.map((o) => [o.id, o.name]));
    return d.input.targets
      .filter(
        (x) =>
          !x.deleted_at &&
          x.year === year &&
          (x.neighbourhood_code === null ||
            x.neighbourhood_code === props.code ||
            x.neighbourhood_code === wijk),
      )
      .sort((a, b) => (a.agreement_no ?? 99) - (b.agreement_no ?? 99))
      .map((x) => ({
        target: x,
        actual: actualFor(x, row, (o) => perOrg.get(o)),
        org: x.organisation_id ? orgName.get(x.organisation_id) : undefined,
        scope: x.neighbourhood_code === null ? t('buurt.targets.all') : undefined,
      }));
  });
  return (
    <section aria-labelledby="targets-title">
      <h2 class="section-title" id="targets-title">
        {t('buurt.targets', { year: targetYear(props.period, new Date()) })}
      </h2>
      <Show when={items().length} fallback={<p>{t('buurt.targets.none')}</p>}>
        <ul class="targets">
          <For each={items()}>
            {(i) => {
              const label = () =>
                [
                  t('buurt.targets.agreement', { n: i.target.agreement_no ?? '–' }),
                  i.target.description || t(`buurt.metric.${i.target.metric}` as PlainKey),
                  i.org,
                  i.scope,
                ]
                  .filter(Boolean)
                  .join(' · ');
              const text = () => {
                const a = i.actual;
                const goal = i.target.target_value;
                if (!a) return t('buurt.targets.notMeasured');
                const actual = formatValue(a.value, a.format);
                if (goal === null) return t('buurt.targets.noNumber', { actual });
                return t('buurt.targets.progress', {
                  actual,
                  target: formatValue(goal, a.format),
                });
              };
              const share = () =>
                i.actual && i.actual.value !== null && i.target.target_value
                  ? i.actual.value / i.target.target_value
                  : null;
              return (
                <li>
                  <ProgressBar label={label()} share={share()} text={text()} />
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** Open observations in the area that this person may see, newest first. */
export function OpenItems(props: {
  data: DeviceData | undefined;
  buurten: Set<string>;
}): JSX.Element {
  const items = createMemo(() => {
    const d = props.data;
    if (!d) return [];
    const cats = new Map(
      (d.input.categories as LocalRow<'observation_categories'>[]).map((c) => [
        c.code,
        language() === 'en' ? c.name_en : c.name_nl,
      ]),
    );
    return (d.input.observations as LocalRow<'observations'>[])
      .filter(
        (o) =>
          !o.deleted_at &&
          props.buurten.has(o.neighbourhood_code) &&
          (o.status === 'nieuw' || o.status === 'in_behandeling'),
      )
      .sort((a, b) => (a.observed_at < b.observed_at ? 1 : -1))
      .slice(0, 15)
      .map((o) => ({ ...o, category: cats.get(o.category_code) ?? o.category_code }));
  });
  return (
    <section aria-labelledby="open-title">
      <h2 class="section-title" id="open-title">
        {t('buurt.open')}
      </h2>
      <Show when={items().length} fallback={<p>{t('buurt.open.none')}</p>}>
        <ul class="cards">
          <For each={items()}>
            {(o) => (
              <li class="card">
                <A class="card__title" href={`/waarnemingen/${o.id}`}>
                  {o.category}
                </A>
                <span>
                  {formatDate(o.observed_at)} · {t(`obs.status.${o.status}` as PlainKey)}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** The latest garden projects with their before and after photos. */
export function GardensSection(props: {
  data: DeviceData | undefined;
  buurten: Set<string>;
}): JSX.Element {
  const { device } = useSync();
  const gardens = createMemo(() =>
    ((props.data?.input.gardens as LocalRow<'garden_projects'>[] | undefined) ?? [])
      .filter((g) => !g.deleted_at && props.buurten.has(g.neighbourhood_code))
      .sort((a, b) =>
        (a.completed_at ?? a.created_at) < (b.completed_at ?? b.created_at) ? 1 : -1,
      )
      .slice(0, 6),
  );
  // The source carries the ids, so the query starts over when the list of gardens changes.
  const source = () => {
    const d = device();
    return d && { db: d.db, ids: gardens().map((g) => g.id) };
  };
  const photos = createLiveQuery(source, async ({ db, ids }) => {
    const rows = await db.attachments
      .where('[record_table+record_id]')
      .anyOf(ids.map((id) => ['garden_projects', id]))
      .toArray();
    return rows.filter((a) => !a.deleted_at && (a.kind === 'before' || a.kind === 'after'));
  });
  return (
    <section aria-labelledby="gardens-title">
      <h2 class="section-title" id="gardens-title">
        {t('buurt.gardens')}
      </h2>
      <Show when={gardens().length} fallback={<p>{t('buurt.gardens.none')}</p>}>
        <ul class="cards">
          <For each={gardens()}>
            {(g) => (
              <li class="card">
                <span class="card__title">{g.title}</span>
                <span>
                  {t(`buurt.gardenStatus.${g.status}` as PlainKey)} ·{' '}
                  {t('buurt.gardens.measures', {
                    tiles: formatValue(Number(g.tiles_removed_m2), 'area'),
                    green: formatValue(Number(g.green_added_m2), 'area'),
                  })}
                </span>
                <ul class="photos">
                  <For each={(photos() ?? []).filter((p) => p.record_id === g.id)}>
                    {(p) => (
                      <li>
                        <Photo
                          id={p.id}
                          path={p.storage_path}
                          alt={t(p.kind === 'before' ? 'buurt.photo.before' : 'buurt.photo.after', {
                            title: g.title,
                          })}
                        />
                      </li>
                    )}
                  </For>
                </ul>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** A photo from the device while unsent, else a short-lived Storage link (online only). */
function Photo(props: { id: string; path: string; alt: string }): JSX.Element {
  const { device } = useSync();
  const [src] = createResource(
    () => {
      const d = device();
      return d && { d, id: props.id, path: props.path };
    },
    async ({ d, id, path }) => {
      const local = await d.db.photos.get(id);
      if (local) return URL.createObjectURL(local.blob);
      return navigator.onLine ? d.photoUrl(path) : undefined;
    },
  );
  onCleanup(() => {
    const url = src();
    if (url?.startsWith('blob:')) URL.revokeObjectURL(url);
  });
  return (
    <Show when={src()} fallback={<p>{t('buurt.photo.offline')}</p>}>
      {(url) => <img src={url()} alt={props.alt} loading="lazy" />}
    </Show>
  );
}

const CLASSES = ['toegankelijk', 'met_kleine_aanpassingen', 'alleen_extern', 'niet_toegankelijk'];

/** Checks by class, the share accessible, and new-builds against the 90% of agreement 3. */
export function AccessibilitySection(props: {
  data: DeviceData | undefined;
  row: ProgressRow | undefined;
  buurten: Set<string>;
}): JSX.Element {
  const counts = createMemo(() => {
    const out = new Map<string, number>(CLASSES.map((c) => [c, 0]));
    let scooterNeeded = 0;
    for (const c of props.data?.input.checks ?? []) {
      if (c.deleted_at || !props.buurten.has(c.neighbourhood_code)) continue;
      const k = checkClass(c);
      out.set(k, (out.get(k) ?? 0) + 1);
      if ((c as { scooter_storage?: string }).scooter_storage === 'nodig') scooterNeeded++;
    }
    return { byClass: [...out.entries()], scooterNeeded };
  });
  const tenant = () => props.data?.me?.role === 'huurder';
  return (
    <section aria-labelledby="access-title">
      <h2 class="section-title" id="access-title">
        {t('buurt.access')}
      </h2>
      <Show when={props.row}>
        {(r) => (
          <>
            <ProgressBar
              label={t('buurt.access.newBuilds')}
              share={
                r().new_builds_accessible_share !== null && r().new_builds_target
                  ? r().new_builds_accessible_share! / r().new_builds_target!
                  : null
              }
              text={t('buurt.targets.progress', {
                actual: formatValue(r().new_builds_accessible_share, 'share'),
                target: formatValue(r().new_builds_target ?? 0.9, 'share'),
              })}
            />
            <ProgressBar
              label={t('buurt.fig.shareAccessible')}
              share={r().share_accessible}
              text={formatValue(r().share_accessible, 'share')}
            />
          </>
        )}
      </Show>
      <Show when={!tenant()}>
        <table class="data-table">
          <caption>{t('buurt.access.onDevice')}</caption>
          <tbody>
            <For each={counts().byClass}>
              {([k, n]) => (
                <tr>
                  <th scope="row">{t(`buurt.class.${k}` as PlainKey)}</th>
                  <td>{n}</td>
                </tr>
              )}
            </For>
            <tr>
              <th scope="row">{t('buurt.access.scooterNeeded')}</th>
              <td>{counts().scooterNeeded}</td>
            </tr>
          </tbody>
        </table>
      </Show>
    </section>
  );
}

const THEMES = [
  { theme: 'schoon', colour: '#08519c', dash: '' },
  { theme: 'heel', colour: '#a63603', dash: '6 3' },
  { theme: 'veilig', colour: '#006d2c', dash: '2 3' },
  { theme: 'groen', colour: '#54278f', dash: '8 3 2 3' },
  { theme: 'samen', colour: '#252525', dash: '12 4' },
];

/** Tenants' average grade per theme over the last six quarters. */
export function GradesSection(props: { data: DeviceData | undefined; code: string }): JSX.Element {
  const quarters = createMemo(() => {
    const now = new Date();
    const out: string[] = [];
    let y = now.getUTCFullYear();
    let q = Math.floor(now.getUTCMonth() / 3) + 1;
    for (let i = 0; i < 6; i++) {
      out.unshift(`${y}-Q${q}`);
      if (--q === 0) [q, y] = [4, y - 1];
    }
    return out;
  });
  const series = createSeries(
    () => props.data,
    () => props.code,
    () => quarters(),
  );
  const any = () =>
    series()?.rows.some((r) => r && Object.keys(r.average_grade).length > 0) ?? false;
  return (
    <section aria-labelledby="grades-title">
      <h2 class="section-title" id="grades-title">
        {t('buurt.grades')}
      </h2>
      <Show when={any()} fallback={<p>{t('buurt.grades.none')}</p>}>
        <LineChart
          title={t('buurt.grades.chart')}
          labels={quarters()}
          max={10}
          format={(v) => formatValue(v, 'grade')}
          series={THEMES.map((th) => ({
            name: t(`buurt.theme.${th.theme}` as PlainKey),
            colour: th.colour,
            dash: th.dash,
            values: series()?.rows.map((r) => r?.average_grade[th.theme] ?? null) ?? [],
          }))}
        />
      </Show>
    </section>
  );
}
