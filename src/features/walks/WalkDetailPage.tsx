import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { updateWalk } from '../../sync/records.ts';
import { FormAlert, Page } from '../../ui/index.ts';
import { useSession } from '../auth/index.ts';
import { observationPaths } from '../observations/index.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { loadWalk } from './data.ts';
import { formatDay } from './format.ts';
import { walkPaths } from './paths.ts';

type WalkStatus = 'gepland' | 'gelopen' | 'geannuleerd';
const NEXT: Record<WalkStatus, { to: WalkStatus; label: PlainKey }[]> = {
  gepland: [
    { to: 'gelopen', label: 'walk.action.walked' },
    { to: 'geannuleerd', label: 'walk.action.cancel' },
  ],
  gelopen: [{ to: 'gepland', label: 'walk.action.reopen' }],
  geannuleerd: [{ to: 'gepland', label: 'walk.action.reopen' }],
};

/** One walk: where and when, who walks along, what was seen, and the way to log more. */
export function WalkDetailPage(): JSX.Element {
  const params = useParams<{ id: string }>();
  const { device } = useSync();
  const { user } = useSession();
  const data = createLiveQuery(device, ({ db }) => loadWalk(db, params.id, user()?.id));
  const [alert, setAlert] = createSignal<PlainKey>();
  const [notice, setNotice] = createSignal<PlainKey>();

  async function setStatus(to: WalkStatus) {
    const d = device();
    if (!d) return;
    setAlert(undefined);
    try {
      await updateWalk(d.ctx, params.id, { status: to });
      setNotice('walk.saved');
      void d.syncNow('write');
    } catch (e) {
      console.error('changing a walk failed', e);
      setAlert('walk.error.save');
    }
  }

  return (
    <Show
      when={data()}
      fallback={
        <Page title={t('walk.list.title')}>
          <Show when={data() === null}>
            <p>{t('walk.notFound')}</p>
          </Show>
          <A href={walkPaths.list}>{t('walk.back')}</A>
        </Page>
      }
    >
      {(d) => (
        <Page title={d().walk.title}>
          <p>
            <A href={walkPaths.list}>{t('walk.back')}</A>
          </p>
          <ul class="facts">
            <li>{d().buurtName}</li>
            <li>{formatDay(d().walk.planned_for)}</li>
            <li>
              {t('walk.detail.status', {
                status: t(`walk.status.${d().walk.status}` as PlainKey),
              })}
              <Show when={d().unsent}>
                {' · '}
                <strong>{t('walk.onDevice')}</strong>
              </Show>
            </li>
          </ul>
          <Show when={d().walk.notes}>
            <p class="card__text">{d().walk.notes}</p>
          </Show>
          <div role="status">
            <Show when={notice()}>{(k) => <p class="notice">{t(k())}</p>}</Show>
          </div>
          <FormAlert message={alert() && t(alert()!)} />

          <div class="actions">
            <A
              class="button button--primary"
              href={`${observationPaths.new}?walk=${encodeURIComponent(d().walk.id)}`}
            >
              {t('walk.detail.addObservation')}
            </A>
            <A class="button button--secondary" href={walkPaths.summary(d().walk.id)}>
              {t('walk.detail.summary')}
            </A>
          </div>

          <h2 class="section-title">{t('walk.detail.participants')}</h2>
          <Show when={d().participants.length} fallback={<p>{t('walk.detail.noParticipants')}</p>}>
            <ul>
              <For each={d().participants}>
                {(p) => <li>{t('walk.detail.participant', { name: p.name, people: p.people })}</li>}
              </For>
            </ul>
          </Show>

          <h2 class="section-title">{t('walk.detail.observations')}</h2>
          <Show when={d().observations.length} fallback={<p>{t('walk.detail.noObservations')}</p>}>
            <ol class="cards">
              <For each={d().observations}>
                {(o) => (
                  <li class="card">
                    <A class="card__title" href={observationPaths.detail(o.id)}>
                      {o.categoryName}
                    </A>
                    <Show when={o.description}>
                      <span class="card__text">{o.description}</span>
                    </Show>
                  </li>
                )}
              </For>
            </ol>
          </Show>

          <Show when={d().role && d().role !== 'huurder'}>
            <h2 class="section-title">{t('walk.detail.status.title')}</h2>
            <div class="actions">
              <For each={NEXT[d().walk.status as WalkStatus] ?? []}>
                {(s) => (
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => void setStatus(s.to)}
                  >
                    {t(s.label)}
                  </button>
                )}
              </For>
            </div>
          </Show>
        </Page>
      )}
    </Show>
  );
}
