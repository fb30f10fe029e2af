import { stillActive } from '../../lib/organisations/index.ts';
import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { language, t, type PlainKey, localName } from '../../lib/i18n/index.ts';
import { addEvent, updateObservation } from '../../sync/records.ts';
import { ValidationError } from '../../sync/writes.ts';
import { FormAlert, Page } from '../../ui/index.ts';
import { useSession } from '../auth/index.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { CommentForm } from './CommentForm.tsx';
import { FeedbackForm } from './FeedbackForm.tsx';
import { observationPaths } from './paths.ts';
import { nextSteps, type Step } from './workflow.ts';

const statusKey = (s: string) => `obs.status.${s}` as PlainKey;
const date = (iso: string) =>
  new Date(iso).toLocaleString(language() === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

/** One observation: what and where, its photos, its history, and the next steps of its handling. */
export function ObservationDetailPage(): JSX.Element {
  const params = useParams<{ id: string }>();
  const { device } = useSync();
  const { user } = useSession();
  const data = createLiveQuery(device, async ({ db }) => {
    const observation = await db.observations.get(params.id);
    if (!observation) return null;
    const [category, buurt, events, attachments, me, organisations] = await Promise.all([
      db.observation_categories.get(observation.category_code),
      db.neighbourhoods.get(observation.neighbourhood_code),
      db.observation_events.where('observation_id').equals(observation.id).toArray(),
      db.attachments
        .where('[record_table+record_id]')
        .equals(['observations', observation.id])
        .toArray(),
      user() ? db.profiles.get(user()!.id) : undefined,
      db.organisations.toArray(),
    ]);
    events.sort((a, b) => a.created_at.localeCompare(b.created_at));
    // Work can go to the organisations that handle it; tenant organisations give feedback instead.
    const assignable = organisations
      .filter((o) => o.kind !== 'huurdersorganisatie' && stillActive(o))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    const assigned = organisations.find((o) => o.id === observation.assigned_organisation_id);
    return {
      observation,
      category,
      buurt,
      events,
      attachments,
      role: me?.role,
      assignable,
      assigned,
      orgName: (id: string | null) => organisations.find((o) => o.id === id)?.name,
    };
  });

  const [alert, setAlert] = createSignal<PlainKey>();
  let noticeEl: HTMLParagraphElement | undefined;
  const [notice, setNotice] = createSignal<PlainKey>();
  const [closing, setClosing] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [assignTo, setAssignTo] = createSignal<string>();

  /** Saves on the device (and asks for a sync); true when it worked. */
  async function write(action: () => Promise<unknown>): Promise<boolean> {
    setAlert(undefined);
    try {
      await action();
      setNotice('obs.saved');
      // The clicked button may be gone (a status step): keep focus on what just happened.
      requestAnimationFrame(() => noticeEl?.focus());
      void device()?.syncNow('write');
      return true;
    } catch (e) {
      setAlert(e instanceof ValidationError ? 'obs.error.summary' : 'obs.error.save');
      return false;
    }
  }

  function step(s: Step) {
    if (s.needsReason) {
      setClosing(true);
      return;
    }
    const d = device();
    if (d) void write(() => updateObservation(d.ctx, params.id, { status: s.to }));
  }

  async function confirmClose(event: SubmitEvent) {
    event.preventDefault();
    const d = device();
    const why = reason().trim();
    if (!why) return setAlert('obs.actions.reasonMissing');
    if (!d) return;
    const ok = await write(() =>
      updateObservation(d.ctx, params.id, { status: 'gesloten', close_reason: why }),
    );
    if (ok) setClosing(false);
  }

  async function assign(event: SubmitEvent) {
    event.preventDefault();
    const d = device();
    const current = data()?.observation.assigned_organisation_id ?? '';
    const chosen = assignTo() ?? current;
    if (!d || chosen === current) return;
    const ok = await write(() =>
      updateObservation(d.ctx, params.id, { assigned_organisation_id: chosen || null }),
    );
    if (ok) setAssignTo(undefined);
  }

  function sendComment(body: string): Promise<boolean> {
    const d = device();
    if (!d) return Promise.resolve(false);
    return write(() => addEvent(d.ctx, { observation_id: params.id, kind: 'comment', body }));
  }

  return (
    <Show
      when={data()}
      fallback={
        <Page title={t('obs.list.title')}>
          <Show when={data() === null}>
            <p>{t('obs.detail.notFound')}</p>
          </Show>
          <A href={observationPaths.list}>{t('obs.detail.back')}</A>
        </Page>
      }
    >
      {(d) => (
        <Page title={d().category ? localName(d().category!) : d().observation.category_code}>
          <p>
            <A href={observationPaths.list}>{t('obs.detail.back')}</A>
          </p>
          <ul class="facts">
            <li>{d().buurt?.name}</li>
            <li>{t('obs.detail.status', { status: t(statusKey(d().observation.status)) })}</li>
            <li>{t('obs.detail.severity', { severity: d().observation.severity })}</li>
            <li>{t('obs.detail.observed', { date: date(d().observation.observed_at) })}</li>
            <Show when={d().role !== 'huurder'}>
              <li>
                {d().assigned
                  ? t('obs.detail.assigned', { organisation: d().assigned!.name })
                  : t('obs.detail.unassigned')}
              </li>
            </Show>
          </ul>
          <Show when={d().observation.description}>
            <p class="card__text">{d().observation.description}</p>
          </Show>
          <div role="status">
            <Show when={notice()}>
              {(k) => (
                <p ref={noticeEl} class="notice" tabindex="-1">
                  {t(k())}
                </p>
              )}
            </Show>
          </div>
          <FormAlert message={alert() && t(alert()!)} />

          <Show when={d().attachments.length > 0}>
            <h2>{t('obs.detail.photos')}</h2>
            <ul class="photos">
              <For each={d().attachments}>
                {(a, i) => <Photo id={a.id} path={a.storage_path} n={i() + 1} />}
              </For>
            </ul>
          </Show>

          <Show
            when={d().role && d().role !== 'huurder' && nextSteps(d().observation.status).length}
          >
            <h2>{t('obs.actions.title')}</h2>
            <div class="actions">
              <For each={nextSteps(d().observation.status)}>
                {(s) => (
                  <button type="button" class="button button--secondary" onClick={() => step(s)}>
                    {t(s.label)}
                  </button>
                )}
              </For>
            </div>
            <Show when={closing()}>
              <form class="form" onSubmit={(e) => void confirmClose(e)}>
                <div class="field">
                  <label class="field__label" for="obs-reason">
                    {t('obs.actions.reason')}
                  </label>
                  <textarea
                    id="obs-reason"
                    class="field__input"
                    maxlength="1000"
                    value={reason()}
                    onInput={(e) => setReason(e.currentTarget.value)}
                  />
                </div>
                <button type="submit" class="button button--primary">
                  {t('obs.actions.confirmClose')}
                </button>
              </form>
            </Show>
          </Show>

          <Show when={d().role && d().role !== 'huurder'}>
            <form class="form" onSubmit={(e) => void assign(e)}>
              <div class="field">
                <label class="field__label" for="obs-assign">
                  {t('obs.assign.label')}
                </label>
                <select
                  id="obs-assign"
                  class="field__input"
                  value={assignTo() ?? d().observation.assigned_organisation_id ?? ''}
                  onChange={(e) => setAssignTo(e.currentTarget.value)}
                >
                  <option value="">{t('obs.assign.nobody')}</option>
                  <For each={d().assignable}>{(o) => <option value={o.id}>{o.name}</option>}</For>
                </select>
              </div>
              <button type="submit" class="button button--secondary">
                {t('obs.assign.submit')}
              </button>
            </form>
          </Show>

          <h2>{t('obs.detail.history')}</h2>
          <Show when={d().events.length} fallback={<p>{t('obs.detail.noHistory')}</p>}>
            <ol class="timeline">
              <For each={d().events}>
                {(e) => (
                  <li>
                    <strong>
                      {e.kind === 'status'
                        ? t('obs.event.status', {
                            from: t(statusKey(e.from_status ?? '')),
                            to: t(statusKey(e.to_status ?? '')),
                          })
                        : t(`obs.event.${e.kind}` as PlainKey)}
                    </strong>{' '}
                    · {date(e.created_at)}
                    {/* Tenants' history does not carry the assignee: no line rather than a wrong one. */}
                    <Show when={e.kind === 'assignment' && d().role !== 'huurder'}>
                      <br />
                      {d().orgName(e.assigned_organisation_id) ?? t('obs.assign.nobody')}
                    </Show>
                    <Show when={e.body}>
                      <br />
                      {e.body}
                    </Show>
                    <Show when={e.thumb}>
                      <br />
                      {e.thumb === 1 ? t('obs.event.thumbUp') : t('obs.event.thumbDown')}
                    </Show>
                    <Show when={e.rating}>
                      <br />
                      {t('obs.event.rating', { rating: e.rating ?? 0 })}
                    </Show>
                  </li>
                )}
              </For>
            </ol>
          </Show>

          <Show when={d().role === 'huurder'}>
            <FeedbackForm
              observationId={d().observation.id}
              onSaved={() => setNotice('obs.saved')}
            />
          </Show>

          <Show when={d().role && d().role !== 'huurder'}>
            <CommentForm
              id="obs-comment"
              label={t('obs.comment.label')}
              send={t('obs.comment.send')}
              empty={t('obs.comment.empty')}
              onSend={sendComment}
            />
          </Show>
        </Page>
      )}
    </Show>
  );
}

/** A photo: from the device while it waits to be sent, else a short-lived link from Storage. */
function Photo(props: { id: string; path: string; n: number }): JSX.Element {
  const { device } = useSync();
  const [src] = createResource(
    () => ({ id: props.id, path: props.path, d: device() }),
    async ({ id, path, d }) => {
      const local = await d?.db.photos.get(id);
      if (local) return URL.createObjectURL(local.blob);
      return navigator.onLine ? d?.photoUrl(path) : undefined;
    },
  );
  onCleanup(() => {
    const url = src();
    if (url?.startsWith('blob:')) URL.revokeObjectURL(url);
  });
  return (
    <li>
      <Show when={src()} fallback={<p>{t('obs.detail.photoOffline')}</p>}>
        {(url) => <img src={url()} alt={t('obs.detail.photoAlt', { n: props.n })} loading="lazy" />}
      </Show>
    </li>
  );
}
