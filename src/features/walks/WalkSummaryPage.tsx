import { A, useParams } from '@solidjs/router';
import { createResource, For, Show, type JSX } from 'solid-js';
import { t } from '../../lib/i18n/index.ts';
import { parsePoint } from '../../sync/validate.ts';
import { Page } from '../../ui/index.ts';
import { useSession } from '../auth/index.ts';
import { createAttachmentUrl } from '../gardens/photo-url.ts';
import { loadBuurten } from '../observations/buurten.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { loadWalk } from './data.ts';
import { formatDay } from './format.ts';
import { projectBuurt } from './map.ts';
import { walkPaths } from './paths.ts';
import './walks.css';

/**
 * The walk's summary to print or save as PDF (the browser's print dialog): who walked, a small
 * map of the buurt with numbered points, and every observation with its photos. The numbered list
 * is also the map's text alternative.
 */
export function WalkSummaryPage(): JSX.Element {
  const params = useParams<{ id: string }>();
  const { device } = useSync();
  const { user } = useSession();
  const data = createLiveQuery(device, ({ db }) => loadWalk(db, params.id, user()?.id));
  const [shapes] = createResource(() => loadBuurten().catch(() => []));

  const map = () => {
    const d = data();
    const shape = shapes()?.find((b) => b.code === d?.walk.neighbourhood_code);
    if (!d || !shape) return undefined;
    return projectBuurt(
      shape.polygons,
      d.observations.map((o) => parsePoint(o.location)),
    );
  };

  return (
    <Show
      when={data()}
      fallback={
        <Page title={t('walk.summary.title')}>
          <Show when={data() === null}>
            <p>{t('walk.notFound')}</p>
          </Show>
        </Page>
      }
    >
      {(d) => (
        <Page title={t('walk.summary.heading', { title: d().walk.title })}>
          <div class="actions no-print">
            <button type="button" class="button button--primary" onClick={() => window.print()}>
              {t('walk.summary.print')}
            </button>
            <A class="button button--secondary" href={walkPaths.detail(d().walk.id)}>
              {t('walk.summary.back')}
            </A>
          </div>
          <ul class="facts">
            <li>{d().buurtName}</li>
            <li>{formatDay(d().walk.planned_for)}</li>
          </ul>
          <Show when={d().walk.notes}>
            <p class="card__text">{d().walk.notes}</p>
          </Show>
          <h2 class="section-title">{t('walk.detail.participants')}</h2>
          <Show when={d().participants.length} fallback={<p>{t('walk.detail.noParticipants')}</p>}>
            <ul>
              <For each={d().participants}>
                {(p) => <li>{t('walk.detail.participant', { name: p.name, people: p.people })}</li>}
              </For>
            </ul>
          </Show>

          <Show when={map()}>
            {(m) => (
              <figure class="walk-map">
                <svg
                  viewBox={`0 0 ${m().width} ${m().height}`}
                  width={m().width}
                  height={m().height}
                  role="img"
                  aria-labelledby="walk-map-caption"
                >
                  <path class="walk-map__buurt" d={m().path} fill-rule="evenodd" />
                  <For each={m().points}>
                    {(p, i) => (
                      <Show when={p}>
                        {(pt) => (
                          <g class="walk-map__point">
                            <circle cx={pt().x} cy={pt().y} r="8" />
                            <text x={pt().x} y={pt().y} dy="0.35em" text-anchor="middle">
                              {i() + 1}
                            </text>
                          </g>
                        )}
                      </Show>
                    )}
                  </For>
                </svg>
                <figcaption id="walk-map-caption">
                  {t('walk.summary.map', { buurt: d().buurtName, count: d().observations.length })}
                </figcaption>
              </figure>
            )}
          </Show>

          <h2 class="section-title">{t('walk.detail.observations')}</h2>
          <Show when={d().observations.length} fallback={<p>{t('walk.detail.noObservations')}</p>}>
            <ol class="walk-summary__list">
              <For each={d().observations}>
                {(o) => (
                  <li class="walk-summary__item">
                    <strong>{o.categoryName}</strong>
                    <span>{t('walk.summary.severity', { severity: o.severity })}</span>
                    <Show when={o.description}>
                      <span class="card__text">{o.description}</span>
                    </Show>
                    <Show when={o.photos.length}>
                      <ul class="walk-summary__photos">
                        <For each={o.photos}>
                          {(a, j) => (
                            <SummaryPhoto
                              attachment={a}
                              alt={t('walk.summary.photoAlt', {
                                category: o.categoryName,
                                n: j() + 1,
                              })}
                            />
                          )}
                        </For>
                      </ul>
                    </Show>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        </Page>
      )}
    </Show>
  );
}

function SummaryPhoto(props: {
  attachment: { id: string; storage_path: string };
  alt: string;
}): JSX.Element {
  const { device } = useSync();
  const src = createAttachmentUrl(device, () => props.attachment);
  return (
    <li>
      <Show when={src()} fallback={<p>{t('walk.summary.photoOffline')}</p>}>
        {(url) => <img src={url()} alt={props.alt} />}
      </Show>
    </li>
  );
}
