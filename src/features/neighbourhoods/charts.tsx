/**
 * Small charts in plain SVG (no chart library: a line and bars need a few dozen lines, a library
 * would cost tens of KB). Each chart has a text summary for screen readers and a button that
 * shows the same numbers as a table.
 */
import { For, Show, createSignal, createUniqueId, type JSX } from 'solid-js';
import { t } from '../../lib/i18n/index.ts';

export interface Series {
  name: string;
  /** One value per label; null where unknown or hidden. */
  values: (number | null)[];
  /** Line pattern, so series differ by more than colour. */
  dash?: string;
  colour: string;
}

interface ChartProps {
  title: string;
  labels: string[];
  series: Series[];
  format: (v: number | null) => string;
  /** Fixed top of the scale (e.g. 10 for grades); else the highest value. */
  max?: number;
}

const W = 320;
const H = 140;
const PAD = { left: 30, right: 8, top: 8, bottom: 22 };

/** A line chart over periods with a data-table toggle. */
export function LineChart(props: ChartProps): JSX.Element {
  const [asTable, setAsTable] = createSignal(false);
  const id = createUniqueId();
  const top = () =>
    props.max ??
    Math.max(1, ...props.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const x = (i: number) =>
    PAD.left +
    (props.labels.length < 2 ? 0 : (i * (W - PAD.left - PAD.right)) / (props.labels.length - 1));
  const y = (v: number) => PAD.top + (1 - v / top()) * (H - PAD.top - PAD.bottom);
  const path = (values: (number | null)[]) => {
    let d = '';
    let pen = false;
    values.forEach((v, i) => {
      if (v === null) return void (pen = false);
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  const summary = () =>
    props.series
      .map((s) => {
        const last = [...s.values].reverse().find((v) => v !== null) ?? null;
        return t('map.chart.summary', { name: s.name, last: props.format(last) });
      })
      .join(' ');
  return (
    <figure class="chart">
      <figcaption id={`${id}-title`}>{props.title}</figcaption>
      <Show
        when={asTable()}
        fallback={
          <>
            <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
              <desc id={`${id}-desc`}>{summary()}</desc>
              <line class="chart__axis" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
              <text class="chart__tick" x={PAD.left - 4} y={y(top()) + 4} text-anchor="end">
                {props.format(top())}
              </text>
              <text class="chart__tick" x={PAD.left - 4} y={y(0)} text-anchor="end">
                0
              </text>
              <For each={props.labels}>
                {(l, i) => (
                  <Show when={i() % Math.ceil(props.labels.length / 6) === 0}>
                    <text class="chart__tick" x={x(i())} y={H - 6} text-anchor="middle">
                      {l}
                    </text>
                  </Show>
                )}
              </For>
              <For each={props.series}>
                {(s) => (
                  <path
                    d={path(s.values)}
                    fill="none"
                    stroke={s.colour}
                    stroke-width="2.5"
                    stroke-dasharray={s.dash ?? ''}
                  />
                )}
              </For>
            </svg>
            <ul class="chart__key">
              <For each={props.series}>
                {(s) => (
                  <li>
                    <svg width="28" height="10" aria-hidden="true">
                      <line
                        x1="0"
                        x2="28"
                        y1="5"
                        y2="5"
                        stroke={s.colour}
                        stroke-width="3"
                        stroke-dasharray={s.dash ?? ''}
                      />
                    </svg>
                    {s.name}
                  </li>
                )}
              </For>
            </ul>
          </>
        }
      >
        <DataTable labels={props.labels} series={props.series} format={props.format} />
      </Show>
      <button
        type="button"
        class="button button--quiet"
        aria-pressed={asTable()}
        onClick={() => setAsTable(!asTable())}
      >
        {t('map.chart.showTable')}
      </button>
    </figure>
  );
}

/** The numbers of a chart as a table. */
export function DataTable(props: {
  labels: string[];
  series: Series[];
  format: (v: number | null) => string;
}): JSX.Element {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-label={t('map.chart.period')}>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('map.chart.period')}</th>
            <For each={props.series}>{(s) => <th scope="col">{s.name}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.labels}>
            {(l, i) => (
              <tr>
                <th scope="row">{l}</th>
                <For each={props.series}>
                  {(s) => <td>{props.format(s.values[i()] ?? null)}</td>}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** Actual against target as a bar, with the numbers in words (the bar itself is decoration). */
export function ProgressBar(props: {
  label: string;
  share: number | null;
  text: string;
}): JSX.Element {
  return (
    <div class="progress">
      <span class="progress__label">{props.label}</span>
      <span class="progress__track" aria-hidden="true">
        <span
          class="progress__fill"
          style={{ width: `${Math.round(Math.min(1, Math.max(0, props.share ?? 0)) * 100)}%` }}
        />
      </span>
      <span class="progress__text">{props.text}</span>
    </div>
  );
}
