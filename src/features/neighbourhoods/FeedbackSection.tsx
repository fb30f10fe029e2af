import { A } from '@solidjs/router';
import { For, Show, createMemo, type JSX } from 'solid-js';
import { t } from '../../lib/i18n/index.ts';
import type { LocalRow } from '../../sync/db.ts';
import { gardenPaths } from '../gardens/index.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';
import type { DeviceData } from './data.ts';
import { gardenFeedbackFigures } from './feedback.ts';
import { formatCount, formatDate, formatValue } from './format.ts';

/**
 * What tenants said here (text, never HTML, never who): feedback on the handling of observations,
 * and feedback on garden projects with its figures. Tenants' devices hold only their own garden
 * feedback (RLS), so they see only that, and its counts under the page's small-count rule.
 */
export function FeedbackSection(props: {
  data: DeviceData | undefined;
  buurten: Set<string>;
}): JSX.Element {
  const { device } = useSync();
  const tenant = () => props.data?.me?.role === 'huurder';
  const ids = createMemo(() =>
    ((props.data?.input.observations as LocalRow<'observations'>[] | undefined) ?? [])
      .filter((o) => props.buurten.has(o.neighbourhood_code))
      .map((o) => o.id),
  );
  const source = () => {
    const d = device();
    return d && { db: d.db, ids: ids() };
  };
  const feedback = createLiveQuery(source, async ({ db, ids }) =>
    (await db.observation_events.where('observation_id').anyOf(ids).toArray())
      .filter((e) => e.kind === 'feedback' && !e.deleted_at)
      .sort((a, b) => (a.created_at < b.created_at ? 1 : -1))
      .slice(0, 10),
  );
  const gardens = createMemo(
    () =>
      new Map(
        ((props.data?.input.gardens as LocalRow<'garden_projects'>[] | undefined) ?? [])
          .filter((g) => !g.deleted_at && props.buurten.has(g.neighbourhood_code))
          .map((g) => [g.id, g.title]),
      ),
  );
  const gardenSource = () => {
    const d = device();
    return d && { db: d.db, ids: [...gardens().keys()] };
  };
  const gardenFeedback = createLiveQuery(gardenSource, async ({ db, ids }) =>
    (await db.garden_project_events.where('garden_project_id').anyOf(ids).toArray())
      .filter((e) => e.kind === 'feedback' && !e.deleted_at)
      .sort((a, b) => (a.created_at < b.created_at ? 1 : -1)),
  );
  const figures = createMemo(() => gardenFeedbackFigures(gardenFeedback() ?? [], tenant()));
  return (
    <section aria-labelledby="feedback-title">
      <h2 class="section-title" id="feedback-title">
        {t('buurt.feedback')}
      </h2>
      <h3>{t('buurt.feedback.observations')}</h3>
      <Show when={feedback()?.length} fallback={<p>{t('buurt.feedback.none')}</p>}>
        <ul class="cards">
          <For each={feedback()}>
            {(e) => (
              <li class="card">
                <Show when={e.rating}>
                  {(r) => <span>{t('buurt.feedback.rating', { n: r() })}</span>}
                </Show>
                <span class="card__text">{e.body}</span>
                <span>{formatDate(e.created_at)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>

      <h3>{t('buurt.feedback.gardens')}</h3>
      <Show when={tenant()}>
        <p class="hint">{t('buurt.feedback.gardens.tenantNote')}</p>
      </Show>
      <Show when={gardenFeedback()?.length} fallback={<p>{t('buurt.feedback.gardens.none')}</p>}>
        <ul class="facts" aria-label={t('buurt.feedback.gardens.figures')}>
          <li>
            {t('buurt.feedback.gardens.summary', {
              count: formatCount(figures().count),
              up: formatCount(figures().up),
              down: formatCount(figures().down),
            })}
          </li>
          <li>
            {t('buurt.feedback.gardens.average', {
              average: formatValue(figures().average, 'grade'),
            })}
          </li>
        </ul>
        <ul class="cards garden-feedback">
          <For each={gardenFeedback()?.slice(0, 10)}>
            {(e) => (
              <li class="card">
                <span>
                  {t('buurt.feedback.garden')}:{' '}
                  <A class="card__title" href={gardenPaths.detail(e.garden_project_id)}>
                    {gardens().get(e.garden_project_id) ?? ''}
                  </A>
                </span>
                <Show when={e.thumb}>
                  {(th) => (
                    <span>{t(th() === 1 ? 'buurt.feedback.up' : 'buurt.feedback.down')}</span>
                  )}
                </Show>
                <Show when={e.rating}>
                  {(r) => <span>{t('buurt.feedback.rating', { n: r() })}</span>}
                </Show>
                <Show when={e.body}>
                  <span class="card__text">{e.body}</span>
                </Show>
                <span>{formatDate(e.created_at)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
