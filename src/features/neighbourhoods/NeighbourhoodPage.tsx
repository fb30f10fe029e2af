import { A, useParams, useSearchParams } from '@solidjs/router';
import { For, Show, createMemo, type JSX } from 'solid-js';
import { language, t } from '../../lib/i18n/index.ts';
import { areaBuurten, lastMonths, meanGrade, metricValue } from '../../lib/metrics/index.ts';
import { Page } from '../../ui/index.ts';
import { useSync } from '../sync/index.ts';
import { LineChart } from './charts.tsx';
import { CorporationBreakdown } from './CorporationBreakdown.tsx';
import { createDeviceData, createFigures, createSeries } from './data.ts';
import { formatCount, formatDateTime, formatValue } from './format.ts';
import { periodChoices, readPeriod } from './options.ts';
import { neighbourhoodPaths } from './paths.ts';
import { FeedbackSection } from './FeedbackSection.tsx';
import {
  AccessibilitySection,
  GardensSection,
  GradesSection,
  OpenItems,
  TargetsSection,
} from './sections.tsx';
import { SourceNote } from './SourceNote.tsx';
import './neighbourhoods.css';

/** A buurt or wijk: its figures, trends, targets, open items, gardens, checks, grades, feedback. */
export function NeighbourhoodPage(): JSX.Element {
  const params = useParams<{ code: string }>();
  const [search, setSearch] = useSearchParams();
  const { status } = useSync();
  const code = () => params.code;
  const period = () => readPeriod(search.periode);
  // Only this area's own records: its figures, sections and trends need nothing else, and the
  // page draws no map, so no map points either.
  const data = createDeviceData({ area: code });
  const figures = createFigures(data, period);
  const row = () => figures()?.byCode.get(code());
  const area = () => data()?.input.neighbourhoods.find((n) => n.code === code());
  const tenant = () => data()?.me?.role === 'huurder';
  const buurten = createMemo(() => areaBuurten(data()?.input.neighbourhoods ?? [], code()));
  const months = createMemo(() => lastMonths(new Date(), 12).map((m) => m.slice(0, 7)));
  const trend = createSeries(data, code, () => months());
  // One formatter, made once per language: toLocaleDateString builds a new one on every call,
  // which made drawing the trend charts the page's slowest work.
  const monthFormat = createMemo(
    () =>
      new Intl.DateTimeFormat(language() === 'en' ? 'en-GB' : 'nl-NL', {
        month: 'short',
        timeZone: 'UTC',
      }),
  );
  const monthLabels = createMemo(() =>
    months().map((m) => monthFormat().format(new Date(`${m}-01T00:00:00Z`))),
  );

  const title = () => area()?.name ?? row()?.name ?? code();
  const kindLabel = () => t(area()?.kind === 'wijk' ? 'buurt.kind.wijk' : 'buurt.kind.buurt');

  return (
    <Page title={title()}>
      <p class="lead">
        {kindLabel()}
        <Show when={area()?.wijk_code}>
          {(w) => (
            <>
              {' · '}
              <A href={neighbourhoodPaths.area(w())}>
                {data()?.input.neighbourhoods.find((n) => n.code === w())?.name ?? w()}
              </A>
            </>
          )}
        </Show>
      </p>
      <p class="report-meta">
        {t('report.meta', {
          period: period() ?? t('map.period.all'),
          date: formatDateTime(new Date().toISOString()),
        })}
      </p>
      <div class="actions no-print">
        <div class="field">
          <label for="area-period">{t('map.period')}</label>
          <select
            id="area-period"
            value={period() ?? ''}
            onChange={(e) => setSearch({ periode: e.currentTarget.value || undefined })}
          >
            <For each={periodChoices(new Date())}>
              {(p) => <option value={p}>{p || t('map.period.all')}</option>}
            </For>
          </select>
        </div>
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        <A class="button button--secondary" href={`${neighbourhoodPaths.compare}?a=${code()}`}>
          {t('buurt.compare')}
        </A>
        <A class="button button--quiet" href={neighbourhoodPaths.map}>
          {t('buurt.backToMap')}
        </A>
      </div>
      <SourceNote source={figures()?.source} lastSync={status()?.lastSyncAt} tenant={tenant()} />

      {/* One reveal: the page appears when its figures and trend are both there, instead of
          sections jumping down as each answer arrives. */}
      <Show
        when={row() && trend()}
        fallback={<p>{t(figures() && !row() ? 'buurt.unknown' : 'map.loading')}</p>}
      >
        <Show when={row()}>
          {(r) => (
            <>
              <h2 class="section-title">{t('buurt.keyFigures')}</h2>
              <dl class="key-figures">
                <Figure label={t('buurt.fig.open')} value={formatCount(r().observations_open)} />
                <Figure
                  label={t('buurt.fig.resolved')}
                  value={formatCount(r().observations_resolved)}
                />
                <Figure
                  label={t('buurt.fig.closed')}
                  value={formatCount(r().observations_closed)}
                />
                <Figure
                  label={t('buurt.fig.median')}
                  value={
                    r().median_days_to_resolve === null
                      ? t('map.noData')
                      : t('buurt.days', { n: r().median_days_to_resolve! })
                  }
                />
                <Figure
                  label={t('buurt.fig.gardensDone')}
                  value={`${formatCount(r().gardens_done)} / ${formatCount(r().gardens_total)}`}
                />
                <Figure
                  label={t('buurt.fig.tiles')}
                  value={formatValue(r().tiles_removed_m2, 'area')}
                />
                <Figure
                  label={t('buurt.fig.green')}
                  value={formatValue(r().green_added_m2, 'area')}
                />
                <Figure label={t('buurt.fig.checks')} value={formatCount(r().checks_done)} />
                <Figure
                  label={t('buurt.fig.shareAccessible')}
                  value={formatValue(r().share_accessible, 'share')}
                />
                <Figure
                  label={t('buurt.fig.newBuildShare')}
                  value={formatValue(r().new_builds_accessible_share, 'share')}
                />
                <Figure
                  label={t('map.metric.average_grade')}
                  value={formatValue(meanGrade(r()), 'grade')}
                />
                <Figure
                  label={t('map.metric.open_per_1000_homes')}
                  value={formatValue(
                    metricValue('open_per_1000_homes', r(), data()?.homes.get(code()) ?? null),
                    'rate',
                  )}
                />
              </dl>
            </>
          )}
        </Show>

        <Show when={trend()}>
          {(s) => (
            <section aria-labelledby="trend-title">
              <h2 class="section-title" id="trend-title">
                {t('buurt.trend')}
              </h2>
              <LineChart
                title={t('buurt.trend.observations')}
                labels={monthLabels()}
                format={(v) => formatCount(v)}
                series={[
                  {
                    name: t('buurt.trend.reported'),
                    colour: '#08519c',
                    values: s().rows.map((r) =>
                      r &&
                      r.observations_open !== null &&
                      r.observations_resolved !== null &&
                      r.observations_closed !== null
                        ? r.observations_open + r.observations_resolved + r.observations_closed
                        : null,
                    ),
                  },
                  {
                    name: t('buurt.fig.resolved'),
                    colour: '#a63603',
                    dash: '6 3',
                    values: s().rows.map((r) => r?.observations_resolved ?? null),
                  },
                ]}
              />
              <LineChart
                title={t('buurt.trend.gardens')}
                labels={monthLabels()}
                format={(v) => formatCount(v)}
                series={[
                  {
                    name: t('buurt.fig.gardensDone'),
                    colour: '#006d2c',
                    values: s().rows.map((r) => r?.gardens_done ?? null),
                  },
                  {
                    name: t('buurt.fig.checks'),
                    colour: '#54278f',
                    dash: '6 3',
                    values: s().rows.map((r) => r?.checks_done ?? null),
                  },
                ]}
              />
            </section>
          )}
        </Show>

        <TargetsSection data={data()} row={row()} code={code()} period={period()} />
        <OpenItems data={data()} buurten={buurten()} />
        <GardensSection data={data()} buurten={buurten()} />
        <AccessibilitySection data={data()} row={row()} buurten={buurten()} />
        <GradesSection data={data()} code={code()} />
        <FeedbackSection data={data()} buurten={buurten()} />
        <Show when={data()?.me?.role === 'gemeente' || data()?.me?.role === 'corporatie'}>
          <CorporationBreakdown data={data()} period={period()} buurten={buurten()} />
        </Show>
        <p class="hint">{t('map.sources')}</p>
      </Show>
    </Page>
  );
}

function Figure(props: { label: string; value: string }): JSX.Element {
  return (
    <div class="key-figure">
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}
