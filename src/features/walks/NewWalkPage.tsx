import { A, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, For, Show, untrack, type JSX } from 'solid-js';
import { withDraft } from '../../lib/drafts/index.ts';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { clearDraft, keepDraft, loadDraft } from '../../platform/drafts.ts';
import { createWalk } from '../../sync/records.ts';
import { DraftNotice, FormAlert, Page, TextField } from '../../ui/index.ts';
import { useSession } from '../auth/index.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { blankWalk, checkWalk, type WalkErrors, type WalkForm } from './form.ts';
import { walkPaths } from './paths.ts';
import './walks.css';

/**
 * Plan a neighbourhood walk: a buurt, a day, and the organisations that walk along. What a person
 * types is kept as their draft until the walk is saved or they start again.
 */
export function NewWalkPage(): JSX.Element {
  const { device } = useSync();
  const { user } = useSession();
  const navigate = useNavigate();
  const [title, setTitle] = createSignal('');
  const [buurt, setBuurt] = createSignal('');
  const [date, setDate] = createSignal('');
  const [notes, setNotes] = createSignal('');
  const [participants, setParticipants] = createSignal<Record<string, string>>({});
  const [errors, setErrors] = createSignal<WalkErrors>({});
  const [alert, setAlert] = createSignal<PlainKey>();
  const [busy, setBusy] = createSignal(false);
  const [attempted, setAttempted] = createSignal(false);
  const form = (): WalkForm => ({
    title: title(),
    buurt: buurt(),
    date: date(),
    notes: notes(),
    participants: participants(),
  });
  function show(v: WalkForm) {
    setTitle(v.title);
    setBuurt(v.buurt);
    setDate(v.date);
    setNotes(v.notes);
    setParticipants(v.participants);
  }
  // After a refused save the messages follow the typing, so a fixed field stops saying it is wrong.
  createEffect(() => {
    if (attempted()) setErrors(checkWalk(form()).errors);
  });

  const data = createLiveQuery(device, async ({ db }) => {
    const [orgs, buurten, me] = await Promise.all([
      db.organisations.toArray(),
      db.neighbourhoods.where('kind').equals('buurt').toArray(),
      user() ? db.profiles.get(user()!.id) : undefined,
    ]);
    const today = new Date().toISOString().slice(0, 10);
    return {
      organisations: orgs
        .filter((o) => !o.deleted_at && (!o.active_until || o.active_until > today))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      buurten: buurten.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      me,
    };
  });

  const draftKey = () => `walk.${user()?.id ?? 'anonymous'}`;
  /** Where the form started: the draft keeps what differs. */
  let start: WalkForm | undefined;
  const [loaded, setLoaded] = createSignal(false);
  const [restored, setRestored] = createSignal(false);

  // Once: the form starts empty, with the planner's own organisation walking along unless they
  // say otherwise; the person's draft goes on top.
  createEffect(() => {
    const d = data();
    if (!d || untrack(loaded)) return;
    start = blankWalk(d.me?.organisation_id);
    const kept = withDraft(start, loadDraft(draftKey()));
    show(kept.values);
    setRestored(kept.restored);
    setLoaded(true);
  });
  // A profile that reaches the device after the form opened (the first sync) still walks along.
  createEffect(() => {
    const me = data()?.me;
    if (!me || !start || Object.keys(start.participants).length) return;
    start = blankWalk(me.organisation_id);
    if (!Object.keys(untrack(participants)).length) setParticipants(start.participants);
  });
  createEffect(() => {
    if (loaded() && start) keepDraft(draftKey(), start, form());
  });

  function discardDraft() {
    clearDraft(draftKey());
    if (start) show(start);
    setRestored(false);
    setAttempted(false);
    setErrors({});
    setAlert(undefined);
    document.getElementById('walk-title')?.focus();
  }

  function toggle(id: string, on: boolean) {
    const next = { ...participants() };
    if (on) next[id] = next[id] ?? '1';
    else delete next[id];
    setParticipants(next);
  }

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const checked = checkWalk(form());
    setErrors(checked.errors);
    setAttempted(true);
    if (!checked.participants) {
      setAlert('walk.error.summary');
      const first = (['title', 'buurt', 'date', 'organisations', 'notes'] as const).find(
        (k) => checked.errors[k],
      );
      const firstPeople = Object.keys(checked.errors.people ?? {})[0];
      document.getElementById(first ? `walk-${first}` : `walk-people-${firstPeople}`)?.focus();
      return;
    }
    const d = device();
    if (!d) return setAlert('walk.error.notReady');
    setBusy(true);
    setAlert(undefined);
    try {
      const id = await createWalk(
        d.ctx,
        {
          neighbourhood_code: buurt(),
          title: title().trim(),
          planned_for: date(),
          notes: notes().trim(),
        },
        checked.participants,
      );
      clearDraft(draftKey());
      void d.syncNow('write');
      navigate(walkPaths.detail(id));
    } catch (e) {
      console.error('planning a walk failed', e);
      setAlert('walk.error.save');
    } finally {
      setBusy(false);
    }
  }

  const err = (key: keyof Omit<WalkErrors, 'people'>) => {
    const k = errors()[key];
    return k ? t(k) : undefined;
  };

  return (
    <Page title={t('walk.new.title')}>
      <p>
        <A href={walkPaths.list}>{t('walk.back')}</A>
      </p>
      <Show when={data()?.me?.role === 'huurder'}>
        <p>{t('walk.onlyProfessionals')}</p>
      </Show>
      <Show when={loaded() && data()?.me?.role !== 'huurder'}>
        <Show when={restored()}>
          <DraftNotice
            message={t('walk.draft.restored')}
            discard={t('walk.draft.discard')}
            onDiscard={discardDraft}
          />
        </Show>
        <form class="form" novalidate onSubmit={(e) => void save(e)}>
          <FormAlert message={alert() && t(alert()!)} />
          <TextField
            id="walk-title"
            label={t('walk.field.title')}
            hint={t('walk.field.title.hint')}
            maxlength="200"
            value={title()}
            onInput={(e) => setTitle(e.currentTarget.value)}
            error={err('title')}
          />
          <div class="field" classList={{ 'field--invalid': Boolean(errors().buurt) }}>
            <label class="field__label" for="walk-buurt">
              {t('walk.field.buurt')}
            </label>
            <select
              id="walk-buurt"
              class="field__input"
              onChange={(e) => setBuurt(e.currentTarget.value)}
              aria-invalid={errors().buurt ? 'true' : undefined}
              aria-describedby={errors().buurt ? 'walk-buurt-error' : undefined}
            >
              <option value="">{t('walk.field.buurt.choose')}</option>
              <For each={data()?.buurten}>
                {(b) => (
                  <option value={b.code} selected={b.code === buurt()}>
                    {b.name}
                  </option>
                )}
              </For>
            </select>
            <Show when={err('buurt')}>
              <p class="field__error" id="walk-buurt-error">
                {err('buurt')}
              </p>
            </Show>
          </div>
          <TextField
            id="walk-date"
            type="date"
            label={t('walk.field.date')}
            value={date()}
            onInput={(e) => setDate(e.currentTarget.value)}
            error={err('date')}
          />
          <fieldset
            class="field choice"
            classList={{ 'field--invalid': Boolean(errors().organisations) }}
            aria-describedby="walk-organisations-hint"
          >
            <legend class="field__label">{t('walk.field.organisations')}</legend>
            <p class="field__hint" id="walk-organisations-hint">
              {t('walk.field.organisations.hint')}
            </p>
            <For each={data()?.organisations}>
              {(o, i) => (
                <div class="walk-org">
                  <label class="checkbox">
                    <input
                      type="checkbox"
                      id={i() === 0 ? 'walk-organisations' : undefined}
                      checked={participants()[o.id] !== undefined}
                      onChange={(e) => toggle(o.id, e.currentTarget.checked)}
                    />
                    {o.name}
                  </label>
                  <Show when={participants()[o.id] !== undefined}>
                    <TextField
                      id={`walk-people-${o.id}`}
                      label={t('walk.field.people', { organisation: o.name })}
                      inputmode="numeric"
                      value={participants()[o.id]}
                      onInput={(e) =>
                        setParticipants({ ...participants(), [o.id]: e.currentTarget.value })
                      }
                      error={errors().people?.[o.id] && t(errors().people![o.id]!)}
                    />
                  </Show>
                </div>
              )}
            </For>
            <Show when={err('organisations')}>
              <p class="field__error">{err('organisations')}</p>
            </Show>
          </fieldset>
          <div class="field" classList={{ 'field--invalid': Boolean(errors().notes) }}>
            <label class="field__label" for="walk-notes">
              {t('walk.field.notes')}
            </label>
            <textarea
              id="walk-notes"
              class="field__input"
              rows="3"
              value={notes()}
              onInput={(e) => setNotes(e.currentTarget.value)}
              aria-describedby={errors().notes ? 'walk-notes-error' : undefined}
            />
            <Show when={err('notes')}>
              <p class="field__error" id="walk-notes-error">
                {err('notes')}
              </p>
            </Show>
          </div>
          <button type="submit" class="button button--primary" aria-disabled={busy()}>
            {t('walk.save')}
          </button>
        </form>
      </Show>
    </Page>
  );
}
