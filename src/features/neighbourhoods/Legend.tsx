import { For, Show, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import {
  METRIC_DEFS,
  NO_DATA,
  colourOf,
  type Classes,
  type MetricKey,
} from '../../lib/metrics/index.ts';
import { formatValue } from './format.ts';

/** The colour key of the map: each step with its range, and how "no figure" looks. */
export function Legend(props: { metric: MetricKey; classes: Classes | undefined }): JSX.Element {
  const def = () => METRIC_DEFS[props.metric];
  const steps = () => {
    const c = props.classes;
    if (!c) return [];
    return c.bounds.map((upper, i) => ({
      colour: colourOf(i, c),
      from: i === 0 ? c.min : c.bounds[i - 1]!,
      upper,
    }));
  };
  return (
    <figure class="legend">
      <figcaption>
        <strong>{t(`map.metric.${props.metric}` as PlainKey)}</strong>
        <span>
          {t(def().higherIsBetter ? 'map.legend.higherBetter' : 'map.legend.lowerBetter')}
        </span>
      </figcaption>
      <ul>
        <For each={steps()}>
          {(s) => (
            <li>
              <span class="legend__swatch" style={{ background: s.colour }} />
              {s.from === s.upper
                ? formatValue(s.upper, def().format)
                : t('map.legend.range', {
                    from: formatValue(s.from, def().format),
                    to: formatValue(s.upper, def().format),
                  })}
            </li>
          )}
        </For>
        <li>
          <span class="legend__swatch legend__swatch--none" style={{ background: NO_DATA }} />
          {t('map.legend.none')}
        </li>
      </ul>
      <Show when={!props.classes}>
        <p>{t('map.legend.empty')}</p>
      </Show>
    </figure>
  );
}
