import { For, Show, createMemo, type JSX } from 'solid-js';
import { t } from '../../lib/i18n/index.ts';
import { perCorporation, type Period } from '../../lib/metrics/index.ts';
import type { DeviceData } from './data.ts';
import { formatValue } from './format.ts';

/**
 * Gardens and checks per corporation (the municipality sees every corporation; a corporation its
 * own), for all buurten or the given ones. From the device's rows: RLS decided what is there.
 */
export function CorporationBreakdown(props: {
  data: DeviceData | undefined;
  period: Period;
  buurten?: ReadonlySet<string>;
}): JSX.Element {
  const rows = createMemo(() => {
    const d = props.data;
    if (!d) return [];
    const own = d.me?.role === 'corporatie' ? d.me.organisation_id : undefined;
    const names = new Map(d.organisations.map((o) => [o.id, o.name]));
    return perCorporation(d.input.gardens, d.input.checks, props.period, props.buurten)
      .filter((r) => !own || r.corporation_id === own)
      .map((r) => ({ ...r, name: names.get(r.corporation_id) ?? r.corporation_id }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  });
  return (
    <section aria-labelledby="per-corporation">
      <h2 class="section-title" id="per-corporation">
        {t('map.corp.title')}
      </h2>
      <Show when={rows().length} fallback={<p>{t('map.corp.none')}</p>}>
        <div class="table-scroll" tabindex="0" role="region" aria-label={t('map.corp.title')}>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('map.corp.name')}</th>
                <th scope="col">{t('buurt.fig.gardensDone')}</th>
                <th scope="col">{t('buurt.fig.tiles')}</th>
                <th scope="col">{t('buurt.fig.checks')}</th>
                <th scope="col">{t('buurt.fig.shareAccessible')}</th>
                <th scope="col">{t('buurt.fig.newBuildShare')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(r) => (
                  <tr>
                    <th scope="row">{r.name}</th>
                    <td>
                      {r.gardens_done} / {r.gardens_total}
                    </td>
                    <td>{formatValue(r.tiles_removed_m2, 'area')}</td>
                    <td>{r.checks_done}</td>
                    <td>{formatValue(r.share_accessible, 'share')}</td>
                    <td>{formatValue(r.new_builds_accessible_share, 'share')}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <p class="hint">{t('map.corp.note')}</p>
    </section>
  );
}
