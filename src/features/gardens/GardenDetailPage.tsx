import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show, type JSX } from 'solid-js';
import { language, t, type PlainKey } from '../../lib/i18n/index.ts';
import { addGardenFeedback } from '../../sync/records.ts';
import { Page } from '../../ui/index.ts';
import { useSession } from '../auth/index.ts';
import { ReactionForm, type Reaction } from '../observations/ReactionForm.tsx';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { summariseFeedback } from './feedback.ts';
import { formatMeasure } from './form.ts';
import { gardenPaths } from './paths.ts';

const locale = () => (language() === 'nl' ? 'nl-NL' : 'en-GB');
const date = (iso: string) =>
  new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });

/**
 * One garden project: what was done, and the tenants' reactions. Tenants of its buurt react
 * (good or not good, a grade, a few words) and see their own earlier reactions; professionals see
 * all reactions (counts, average grade, what was written), never who wrote them.
 */
export function GardenDetailPage(): JSX.Element {
  const params = useParams<{ id: string }>();
  const { device } = useSync();
  const { user } = useSession();
  const [notice, setNotice] = createSignal(false);
  const [failed, setFailed] = createSignal(false);

  const data = createLiveQuery(device, async ({ db }) => {
    const garden = await db.garden_projects.get(params.id);
    if (!garden || garden.deleted_at) return null;
    const [buurt, corporation, me, events, outbox] = await Promise.all([
      db.neighbourhoods.get(garden.neighbourhood_code),
      db.organisations.get(garden.corporation_id),
      user() ? db.profiles.get(user()!.id) : undefined,
      db.garden_project_events.where('garden_project_id').equals(garden.id).toArray(),
      db.outbox.where('table').equals('garden_project_events').toArray(),
    ]);
    const unsent = new Set(outbox.filter((e) => e.status !== 'rejected').map((e) => e.record_id));
    const live = events
      .filter((e) => !e.deleted_at)
      .sort((a, b) => b.created_at.localeCompare(a.created_at))
      .map((e) => ({ ...e, unsent: unsent.has(e.id) }));
    return { garden, buurt, corporation, role: me?.role, events: live };
  });

  const isTenant = () => data()?.role === 'huurder';
  const summary = () => summariseFeedback(data()?.events ?? []);

  async function send(r: Reaction): Promise<boolean> {
    const d = device();
    setNotice(false);
    setFailed(false);
    if (!d) {
      setFailed(true);
      return false;
    }
    try {
      await addGardenFeedback(d.ctx, {
        garden_project_id: params.id,
        kind: 'feedback',
        body: r.body,
        thumb: r.thumb,
        rating: r.rating,
      });
    } catch (e) {
      console.error('saving garden feedback failed', e);
      setFailed(true);
      return false;
    }
    setNotice(true);
    void d.syncNow('write');
    return true;
  }

  return (
    <Show
      when={data()}
      fallback={
        <Page title={t('garden.list.title')}>
          <Show when={data() === null}>
            <p>{t('garden.notFound')}</p>
          </Show>
          <A href={gardenPaths.list}>{t('garden.back')}</A>
        </Page>
      }
    >
      {(d) => (
        <Page title={d().garden.title}>
          <p>
            <A href={gardenPaths.list}>{t('garden.back')}</A>
          </p>
          <ul class="facts">
            <Show when={d().garden.address}>
              <li>{d().garden.address}</li>
            </Show>
            <li>{t('garden.detail.buurt', { buurt: d().buurt?.name ?? '' })}</li>
            <li>{t('garden.detail.corporation', { corporation: d().corporation?.name ?? '' })}</li>
            <li>
              {t('garden.detail.status', {
                status: t(`garden.status.${d().garden.status}` as PlainKey),
              })}
            </li>
            <li>{t('garden.detail.households', { count: d().garden.households })}</li>
            <li>
              {t('garden.list.measures', {
                tiles: formatMeasure(d().garden.tiles_removed_m2) || '0',
                green: formatMeasure(d().garden.green_added_m2) || '0',
                trees: d().garden.trees,
              })}
            </li>
            <li>
              {t('garden.detail.more', {
                plants: d().garden.plants,
                barrels: d().garden.rain_barrels,
                roof: formatMeasure(d().garden.green_roof_m2) || '0',
              })}
            </li>
            <Show when={d().garden.facade_garden}>
              <li>{t('garden.field.facade_garden')}</li>
            </Show>
          </ul>
          <Show when={d().role && !isTenant()}>
            <p>
              <A class="button button--secondary" href={gardenPaths.edit(d().garden.id)}>
                {t('garden.detail.edit')}
              </A>
            </p>
          </Show>

          <Show when={isTenant()}>
            <p>{t('garden.feedback.intro')}</p>
            <div role="status">
              <Show when={notice()}>
                <p class="notice">{t('garden.feedback.saved')}</p>
              </Show>
            </div>
            <ReactionForm
              id="garden-feedback"
              title={t('garden.feedback.title')}
              requireThumb={false}
              missing={t('garden.feedback.missing')}
              error={failed() ? t('garden.feedback.error') : undefined}
              onSend={send}
            />
            <h2>{t('garden.feedback.mine')}</h2>
            <Show when={d().events.length} fallback={<p>{t('garden.feedback.mineEmpty')}</p>}>
              <Reactions events={d().events} />
            </Show>
          </Show>

          <Show when={d().role && !isTenant()}>
            <h2>{t('garden.reactions.title')}</h2>
            <Show
              when={summary().count || d().events.length}
              fallback={<p>{t('garden.reactions.empty')}</p>}
            >
              <ul class="facts" aria-label={t('garden.reactions.figures')}>
                <li>
                  {t('garden.reactions.summary', {
                    count: summary().count,
                    up: summary().up,
                    down: summary().down,
                  })}
                </li>
                <li>
                  {summary().average === null
                    ? t('garden.reactions.noAverage')
                    : t('garden.reactions.average', {
                        average: summary().average!.toLocaleString(locale()),
                        count: summary().rated,
                      })}
                </li>
              </ul>
              <Reactions events={d().events} />
            </Show>
          </Show>
        </Page>
      )}
    </Show>
  );
}

/** Reactions, newest first: no names, only what was said and when. */
function Reactions(props: {
  events: {
    id: string;
    kind: string;
    body: string;
    thumb: number | null;
    rating: number | null;
    created_at: string;
    unsent: boolean;
  }[];
}): JSX.Element {
  return (
    <ol class="timeline">
      <For each={props.events}>
        {(e) => (
          <li>
            <strong>
              {e.kind === 'comment'
                ? t('garden.reaction.comment')
                : e.thumb === 1
                  ? t('garden.reaction.up')
                  : e.thumb === -1
                    ? t('garden.reaction.down')
                    : t('garden.reaction.feedback')}
            </strong>{' '}
            · {date(e.created_at)}
            <Show when={e.unsent}>
              {' · '}
              <strong>{t('garden.list.onDevice')}</strong>
            </Show>
            <Show when={e.rating}>
              <br />
              {t('garden.reaction.rating', { rating: e.rating ?? 0 })}
            </Show>
            <Show when={e.body}>
              <br />
              {e.body}
            </Show>
          </li>
        )}
      </For>
    </ol>
  );
}
