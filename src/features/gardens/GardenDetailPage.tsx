import { A, useParams } from '@solidjs/router';
import { createSignal, Show, type JSX } from 'solid-js';
import { language, t, type PlainKey } from '../../lib/i18n/index.ts';
import { addGardenFeedback } from '../../sync/records.ts';
import { Page } from '../../ui/index.ts';
import { useSession } from '../auth/index.ts';
import { CommentForm } from '../observations/CommentForm.tsx';
import { ReactionForm, type Reaction } from '../observations/ReactionForm.tsx';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { gardenHistory, summariseFeedback } from './feedback.ts';
import { formatMeasure } from './form.ts';
import { GardenHistory } from './GardenHistory.tsx';
import { gardenPaths } from './paths.ts';

const locale = () => (language() === 'nl' ? 'nl-NL' : 'en-GB');

/**
 * One garden project: what was done, and its history. Tenants of its buurt react (good or not
 * good, a grade, a few words) and see their own earlier reactions; professionals see all
 * reactions (counts, average grade, what was written) and add notes, and see from which
 * organisation each came, never from whom.
 */
export function GardenDetailPage(): JSX.Element {
  const params = useParams<{ id: string }>();
  const { device } = useSync();
  const { user } = useSession();
  const [notice, setNotice] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  const [commented, setCommented] = createSignal(false);
  const [commentFailed, setCommentFailed] = createSignal(false);

  const data = createLiveQuery(device, async ({ db }) => {
    const garden = await db.garden_projects.get(params.id);
    if (!garden || garden.deleted_at) return null;
    const [buurt, organisations, me, events, outbox] = await Promise.all([
      db.neighbourhoods.get(garden.neighbourhood_code),
      db.organisations.toArray(),
      user() ? db.profiles.get(user()!.id) : undefined,
      db.garden_project_events.where('garden_project_id').equals(garden.id).toArray(),
      db.outbox.where('table').equals('garden_project_events').toArray(),
    ]);
    const unsent = new Set(outbox.filter((e) => e.status !== 'rejected').map((e) => e.record_id));
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    // Only professionals learn which organisation reacted; tenants learn nothing about authors.
    const professional = me !== undefined && me.role !== 'huurder';
    return {
      garden,
      buurt,
      corporation: names.get(garden.corporation_id),
      role: me?.role,
      events: gardenHistory(
        events,
        unsent,
        professional ? { names, own: me.organisation_id } : undefined,
      ),
    };
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

  /** A professional's note: on the device first, sent with the next sync. */
  async function comment(body: string): Promise<boolean> {
    const d = device();
    setCommented(false);
    setCommentFailed(false);
    try {
      if (!d) throw new Error('the device database is not open');
      await addGardenFeedback(d.ctx, { garden_project_id: params.id, kind: 'comment', body });
    } catch (e) {
      console.error('saving a garden note failed', e);
      setCommentFailed(true);
      return false;
    }
    setCommented(true);
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
            <li>{t('garden.detail.corporation', { corporation: d().corporation ?? '' })}</li>
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
              <GardenHistory events={d().events} />
            </Show>
          </Show>

          <Show when={d().role && !isTenant()}>
            <h2>{t('garden.reactions.title')}</h2>
            <Show when={summary().count} fallback={<p>{t('garden.reactions.empty')}</p>}>
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
            </Show>
            <div role="status">
              <Show when={commented()}>
                <p class="notice">{t('garden.comment.saved')}</p>
              </Show>
            </div>
            <CommentForm
              id="garden-comment"
              label={t('garden.comment.label')}
              hint={t('garden.comment.hint')}
              send={t('garden.comment.send')}
              empty={t('garden.comment.empty')}
              error={commentFailed() ? t('garden.comment.error') : undefined}
              onSend={comment}
            />
            <h2>{t('garden.history.title')}</h2>
            <Show when={d().events.length} fallback={<p>{t('garden.history.empty')}</p>}>
              <GardenHistory events={d().events} />
            </Show>
          </Show>
        </Page>
      )}
    </Show>
  );
}
