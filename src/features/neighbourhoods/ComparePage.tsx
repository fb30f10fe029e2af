import { A, useSearchParams } from '@solidjs/router';
import { For, Show, createMemo, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { meanGrade, metricValue, toCsv, type ProgressRow } from '../../lib/metrics/index.ts';
import { Page } from '../../ui/index.ts';
import { useSync } from '../sync/index.ts';
import { createDeviceData, createFigures } from './data.ts';
import { download, formatValue } from './format.ts';
import { periodChoices, readPeriod } from './options.ts';
import { neighbourhoodPaths } from './paths.ts';
import { SourceNote } from './SourceNote.tsx';
import './neighbourhoods.css';

type Format = 'share' | 'count' | 'area' | 'grade' | 'rate';

/** The figures compared, in the order of the neighbourhood page. */
const LINES: {
  key: PlainKey;
  format: Format;
  value: (r: ProgressRow, homes: number | null) => number | null;
}[] = [
  { key: 'buurt.fig.open', format: 'count', value: (r) => r.observations_open },
  { key: 'buurt.fig.resolved', format: 'count', value: (r) => r.observations_resolved },
  { key: 'buurt.fig.closed', format: 'count', value: (r) => r.observations_closed },
  {
    key: 'map.metric.share_resolved',
    format: 'share',
    value: (r) => metricValue('share_resolved', r, null),
  },
  {
    key: 'map.metric.open_per_1000_homes',
    format: 'rate',
    value: (r, h) => metricValue('open_per_1000_homes', r, h),
  },
  { key: 'buurt.fig.median', format: 'count', value: (r) => r.median_days_to_resolve },
  { key: 'buurt.fig.gardensDone', format: 'count', value: (r) => r.gardens_done },
  { key: 'buurt.fig.tiles', format: 'area', value: (r) => r.tiles_removed_m2 },
  { key: 'buurt.fig.green', format: 'area', value: (r) => r.green_added_m2 },
  { key: 'buurt.fig.checks', format: 'count', value: (r) => r.checks_done },
  { key: 'buurt.fig.shareAccessible', format: 'share', value: (r) => r.share_accessible },
  { key: 'buurt.fig.newBuildShare', format: 'share', value: (r) => r.new_builds_accessible_share },
  { key: 'map.metric.average_grade', format: 'grade', value: (r) => meanGrade(r) },
];

/** Two areas side by side, or one area in two periods. */
export function ComparePage(): JSX.Element {
  const [params, setParams] = useSearchParams();
  const { status } = useSync();
  const data = createDeviceData();
  const a = () => (typeof params.a === 'string' ? params.a : 'BU01185000');
  const b = () => (typeof params.b === 'string' ? params.b : a());
  const pa = () => readPeriod(params.pa);
  const pb = () => readPeriod(params.pb);
  const figA = createFigures(data, pa);
  const figB = createFigures(data, pb);
  const areas = createMemo(() =>
    [...(data()?.input.neighbourhoods ?? [])].sort((x, y) =>
      x.kind !== y.kind ? (x.kind < y.kind ? -1 : 1) : x.name.localeCompare(y.name, 'nl'),
    ),
  );
  const rowA = () => figA()?.byCode.get(a());
  const rowB = () => figB()?.byCode.get(b());
  const name = (code: string, period: string | null) =>
    `${areas().find((n) => n.code === code)?.name ?? code} (${period ?? t('map.period.all')})`;
  const lines = createMemo(() => {
    const ra = rowA();
    const rb = rowB();
    const homes = data()?.homes;
    return LINES.map((l) => ({
      ...l,
      a: ra ? l.value(ra, homes?.get(a()) ?? null) : null,
      b: rb ? l.value(rb, homes?.get(b()) ?? null) : null,
    }));
  });
  const diff = (x: number | null, y: number | null, format: Format) =>
    x === null || y === null ? '' : `${y - x > 0 ? '+' : ''}${formatValue(y - x, format)}`;

  const exportCsv = () =>
    download(
      `buurtpeil-vergelijking-${a()}-${b()}.csv`,
      'text/csv',
      toCsv(
        [t('map.cmp.figure'), name(a(), pa()), name(b(), pb())],
        lines().map((l) => [t(l.key), l.a, l.b]),
      ),
    );

  const AreaSelect = (p: { id: string; label: string; value: string; param: 'a' | 'b' }) => (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <select
        id={p.id}
        value={p.value}
        onChange={(e) => setParams({ [p.param]: e.currentTarget.value })}
      >
        <For each={areas()}>
          {(n) => (
            <option value={n.code}>
              {n.name} ({t(n.kind === 'wijk' ? 'buurt.kind.wijk' : 'buurt.kind.buurt')})
            </option>
          )}
        </For>
      </select>
    </div>
  );
  const PeriodSelect = (p: {
    id: string;
    label: string;
    value: string | null;
    param: 'pa' | 'pb';
  }) => (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <select
        id={p.id}
        value={p.value ?? ''}
        onChange={(e) => setParams({ [p.param]: e.currentTarget.value || undefined })}
      >
        <For each={periodChoices(new Date())}>
          {(x) => <option value={x}>{x || t('map.period.all')}</option>}
        </For>
      </select>
    </div>
  );

  return (
    <Page title={t('map.cmp.title')}>
      <p class="lead">{t('map.cmp.intro')}</p>
      <form class="compare-controls no-print" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>{t('map.cmp.first')}</legend>
          <AreaSelect id="cmp-a" label={t('map.cmp.area')} value={a()} param="a" />
          <PeriodSelect id="cmp-pa" label={t('map.period')} value={pa()} param="pa" />
        </fieldset>
        <fieldset>
          <legend>{t('map.cmp.second')}</legend>
          <AreaSelect id="cmp-b" label={t('map.cmp.area')} value={b()} param="b" />
          <PeriodSelect id="cmp-pb" label={t('map.period')} value={pb()} param="pb" />
        </fieldset>
      </form>
      <SourceNote
        source={figA()?.source}
        lastSync={status()?.lastSyncAt}
        tenant={data()?.me?.role === 'huurder'}
      />
      <Show when={rowA() && rowB()} fallback={<p>{t('map.loading')}</p>}>
        <div class="table-scroll" tabindex="0" role="region" aria-label={t('map.cmp.title')}>
          <table class="data-table compare-table">
            <thead>
              <tr>
                <th scope="col">{t('map.cmp.figure')}</th>
                <th scope="col">{name(a(), pa())}</th>
                <th scope="col">{name(b(), pb())}</th>
                <th scope="col">{t('map.cmp.difference')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={lines()}>
                {(l) => (
                  <tr>
                    <th scope="row">{t(l.key)}</th>
                    <td>{formatValue(l.a, l.format)}</td>
                    <td>{formatValue(l.b, l.format)}</td>
                    <td>{diff(l.a, l.b, l.format)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <div class="actions no-print">
        <button type="button" class="button button--secondary" onClick={exportCsv}>
          {t('map.export.csv')}
        </button>
        <A class="button button--quiet" href={neighbourhoodPaths.map}>
          {t('buurt.backToMap')}
        </A>
      </div>
    </Page>
  );
}
