import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { For, Show, createMemo, createResource, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import {
  METRIC_DEFS,
  METRICS,
  classOf,
  classify,
  colourOf,
  metricValue,
  toCsv,
  withFigures,
  type AreaCollection,
  type MetricKey,
} from '../../lib/metrics/index.ts';
import { Page } from '../../ui/index.ts';
import { useSync } from '../sync/index.ts';
import { CorporationBreakdown } from './CorporationBreakdown.tsx';
import { createDeviceData, createFigures } from './data.ts';
import { download, formatValue } from './format.ts';
import { Legend } from './Legend.tsx';
import type { AreaStyle } from './leafletMap.ts';
import { MapView } from './MapView.tsx';
import { periodChoices, readLevel, readMetric, readPeriod } from './options.ts';
import { neighbourhoodPaths } from './paths.ts';
import { loadShapes } from './shapes.ts';
import { SourceNote } from './SourceNote.tsx';
import './neighbourhoods.css';

/** One area in the list under the map (the keyboard and screen-reader route to every buurt). */
interface ListRow {
  code: string;
  name: string;
  value: number | null;
}

/** The map of Hoogeveen by buurt or wijk, coloured by a chosen measure, with its list. */
export function MapPage(): JSX.Element {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { status } = useSync();
  const level = () => readLevel(params.niveau);
  const metric = () => readMetric(params.maat);
  const period = () => readPeriod(params.periode);
  const ownOnly = () => params.eigen === '1';
  const data = createDeviceData({ points: true });
  const figures = createFigures(data, period, ownOnly);
  const [shapes] = createResource(level, loadShapes);
  const role = () => data()?.me?.role;

  const list = createMemo((): ListRow[] => {
    const f = figures();
    const d = data();
    if (!f || !d) return [];
    return f.rows
      .filter((r) => r.kind === level())
      .map((r) => ({
        code: r.code,
        name: r.name,
        value: metricValue(metric(), r, d.homes.get(r.code) ?? null),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  });
  const classes = createMemo(() => classify(list().map((r) => r.value)));
  const style = createMemo((): ((code: string) => AreaStyle) | undefined => {
    // Colours only once both the figures and the device's homes are in, so the first drawing
    // is already the right one (and data-rendered means "with values").
    if (!figures() || !data()) return undefined;
    const byCode = new Map(list().map((r) => [r.code, r]));
    const c = classes();
    const def = METRIC_DEFS[metric()];
    return (code) => {
      const row = byCode.get(code);
      const value = row?.value ?? null;
      return {
        fill: colourOf(classOf(value, c), c),
        noData: value === null,
        label: `${row?.name ?? code}: ${formatValue(value, def.format)}`,
      };
    };
  });
  const points = createMemo(() => data()?.points ?? []);

  const exportCsv = () => {
    const rows = figures()?.rows.filter((r) => r.kind === level()) ?? [];
    const homes = data()?.homes;
    const csv = toCsv(
      [
        t('map.csv.code'),
        t('map.csv.name'),
        t(`map.metric.${metric()}` as PlainKey),
        t('buurt.fig.open'),
        t('buurt.fig.resolved'),
        t('buurt.fig.closed'),
        t('buurt.fig.gardensDone'),
        t('buurt.fig.tiles'),
        t('buurt.fig.checks'),
        t('buurt.fig.shareAccessible'),
        t('buurt.fig.newBuildShare'),
        t('map.metric.average_grade'),
      ],
      rows.map((r) => [
        r.code,
        r.name,
        metricValue(metric(), r, homes?.get(r.code) ?? null),
        r.observations_open,
        r.observations_resolved,
        r.observations_closed,
        r.gardens_done,
        r.tiles_removed_m2,
        r.checks_done,
        r.share_accessible,
        r.new_builds_accessible_share,
        metricValue('average_grade', r, null),
      ]),
    );
    download(`buurtpeil-${level()}-${metric()}-${period() ?? 'alles'}.csv`, 'text/csv', csv);
  };

  const exportGeoJson = () => {
    const s = shapes();
    if (!s) return;
    const homes = data()?.homes;
    const figs = new Map(
      (figures()?.rows ?? [])
        .filter((r) => r.kind === level())
        .map((r) => [
          r.code,
          {
            name: r.name,
            period: period() ?? 'alles',
            metric: metric(),
            value: metricValue(metric(), r, homes?.get(r.code) ?? null),
            observations_open: r.observations_open,
            observations_resolved: r.observations_resolved,
            gardens_done: r.gardens_done,
            share_accessible: r.share_accessible,
          },
        ]),
    );
    const out = withFigures(s as unknown as AreaCollection, figs, t('map.attribution'));
    download(
      `buurtpeil-${level()}-${metric()}.geojson`,
      'application/geo+json',
      JSON.stringify(out),
    );
  };

  const zoom = () => (params.z && Number.isFinite(Number(params.z)) ? Number(params.z) : undefined);

  return (
    <Page title={t('map.title')}>
      <p class="lead">{t('map.intro')}</p>
      <form class="map-controls" onSubmit={(e) => e.preventDefault()}>
        <fieldset class="choice-row">
          <legend>{t('map.level')}</legend>
          <For each={['buurt', 'wijk'] as const}>
            {(l) => (
              <label class="choice-inline">
                <input
                  type="radio"
                  name="niveau"
                  value={l}
                  checked={level() === l}
                  onChange={() => setParams({ niveau: l })}
                />
                {t(`map.level.${l}` as PlainKey)}
              </label>
            )}
          </For>
        </fieldset>
        <div class="field">
          <label for="map-metric">{t('map.metric')}</label>
          <select
            id="map-metric"
            value={metric()}
            onChange={(e) => setParams({ maat: e.currentTarget.value as MetricKey })}
          >
            <For each={METRICS}>
              {(m) => <option value={m}>{t(`map.metric.${m}` as PlainKey)}</option>}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="map-period">{t('map.period')}</label>
          <select
            id="map-period"
            value={period() ?? ''}
            onChange={(e) => setParams({ periode: e.currentTarget.value || undefined })}
          >
            <For each={periodChoices(new Date())}>
              {(p) => <option value={p}>{p || t('map.period.all')}</option>}
            </For>
          </select>
        </div>
        <Show when={role() === 'corporatie'}>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={ownOnly()}
              onChange={(e) => setParams({ eigen: e.currentTarget.checked ? '1' : undefined })}
            />
            {t('map.ownOnly')}
          </label>
        </Show>
      </form>

      <SourceNote
        source={figures()?.source}
        lastSync={status()?.lastSyncAt}
        tenant={role() === 'huurder'}
      />

      <div class="map-layout">
        <MapView
          shapes={shapes()}
          style={style()}
          points={points()}
          zoom={zoom()}
          onOpen={(code) => navigate(neighbourhoodPaths.area(code))}
        />
        <Legend metric={metric()} classes={classes()} />
      </div>
      <p id="map-keyboard-hint" class="hint">
        {t('map.keyboardHint')}
      </p>

      <div class="actions">
        <button type="button" class="button button--secondary" onClick={exportCsv}>
          {t('map.export.csv')}
        </button>
        <button type="button" class="button button--secondary" onClick={exportGeoJson}>
          {t('map.export.geojson')}
        </button>
        <A class="button button--secondary" href={neighbourhoodPaths.compare}>
          {t('map.compare')}
        </A>
      </div>

      <h2 class="section-title" id="area-list">
        {t(level() === 'buurt' ? 'map.list.buurten' : 'map.list.wijken')}
      </h2>
      <table class="data-table area-table" aria-labelledby="area-list">
        <thead>
          <tr>
            <th scope="col">{t('map.csv.name')}</th>
            <th scope="col">{t(`map.metric.${metric()}` as PlainKey)}</th>
          </tr>
        </thead>
        <tbody>
          <For each={list()}>
            {(r) => (
              <tr>
                <th scope="row">
                  <A href={neighbourhoodPaths.area(r.code)}>{r.name}</A>
                </th>
                <td>
                  <span
                    class="legend__swatch"
                    style={{ background: colourOf(classOf(r.value, classes()), classes()) }}
                  />
                  {formatValue(r.value, METRIC_DEFS[metric()].format)}
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>

      <Show when={role() === 'gemeente' || role() === 'corporatie'}>
        <CorporationBreakdown data={data()} period={period()} />
      </Show>
      <p class="hint">{t('map.sources')}</p>
    </Page>
  );
}
