import { stillActive } from '../../lib/organisations/index.ts';
import { A, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, Show, untrack, type JSX } from 'solid-js';
import { toPointLiteral } from '../../lib/geo/index.ts';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { withDraft } from '../../lib/drafts/index.ts';
import { clearDraft, keepDraft, loadDraft } from '../../platform/drafts.ts';
import { compressPhoto } from '../../platform/photos.ts';
import { parsePoint } from '../../sync/validate.ts';
import { createGarden, updateGarden, type GardenPhoto } from '../../sync/records.ts';
import { DraftNotice, FormAlert, Page, TextField } from '../../ui/index.ts';
import { useSession } from '../auth/index.ts';
import { LocationField, type Place } from '../observations/LocationField.tsx';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { AfterPhoto } from './AfterPhoto.tsx';
import {
  blankGarden,
  formOf,
  gardenValues,
  measuresOf,
  upgradeGardenDraft,
  type GardenValues,
} from './draft.ts';
import {
  allowedStatuses,
  AREA_FIELDS,
  checkGarden,
  COUNT_FIELDS,
  emptyMeasures,
  type GardenErrors,
  type GardenStatus,
  type MeasureField,
  editedFields,
} from './form.ts';
import './gardens.css';
import { gardenPaths } from './paths.ts';
import { createAttachmentUrl, createFileUrl } from './photo-url.ts';

const FIRST_FIELDS = ['title', 'address', 'corporation', 'location', 'status'] as const;

/**
 * A green-garden project (agreement 13): new (`/groene-tuinen/nieuw`) or changed
 * (`/groene-tuinen/:id`). Measures, status one step at a time, and before/after photos framed
 * alike. Saved on the device first, like everything else. What a person types is kept as a draft
 * (of this person, and of this project when changing one) until it is saved or thrown away.
 */
export function GardenFormPage(): JSX.Element {
  const params = useParams<{ id?: string }>();
  const editing = () => params.id !== undefined && params.id !== 'nieuw';
  const { device } = useSync();
  const { user } = useSession();
  const navigate = useNavigate();

  const [title, setTitle] = createSignal('');
  const [address, setAddress] = createSignal('');
  const [corporation, setCorporation] = createSignal('');
  const [place, setPlace] = createSignal<Place>();
  const [status, setStatus] = createSignal<GardenStatus>('aangemeld');
  const [measures, setMeasures] = createSignal(emptyMeasures());
  const [facadeGarden, setFacadeGarden] = createSignal(false);
  const [before, setBefore] = createSignal<Blob>();
  const [after, setAfter] = createSignal<Blob>();
  const [errors, setErrors] = createSignal<GardenErrors>({});
  const [alert, setAlert] = createSignal<PlainKey>();
  const [busy, setBusy] = createSignal(false);
  const [loaded, setLoaded] = createSignal(false);
  /**
   * The record as it was put into the form. Saving sends only what this person changed since
   * then, so a field a colleague changed meanwhile (and that arrived with a sync) is not undone.
   */
  let shownRecord: Record<string, unknown> | undefined;
  const [attempted, setAttempted] = createSignal(false);

  const data = createLiveQuery(device, async ({ db }) => {
    const [orgs, me, garden] = await Promise.all([
      db.organisations.toArray(),
      user() ? db.profiles.get(user()!.id) : undefined,
      editing() ? db.garden_projects.get(params.id!) : undefined,
    ]);
    const photos = garden
      ? await db.attachments
          .where('[record_table+record_id]')
          .equals(['garden_projects', garden.id])
          .filter((a) => !a.deleted_at)
          .toArray()
      : [];
    return {
      // An ended corporation stays on a project that already has it.
      corporations: orgs.filter(
        (o) => o.kind === 'corporatie' && (stillActive(o) || o.id === garden?.corporation_id),
      ),
      me,
      garden: garden && !garden.deleted_at ? garden : undefined,
      savedBefore: photos.filter((p) => p.kind === 'before').at(-1),
      savedAfter: photos.filter((p) => p.kind === 'after').at(-1),
    };
  });

  // A new project's draft is one per person; a change to a saved project has its own.
  const draftKey = () =>
    `garden.${user()?.id ?? 'anonymous'}${editing() ? `.${params.id ?? ''}` : ''}`;
  const values = (): GardenValues => ({
    title: title(),
    address: address(),
    corporation: corporation(),
    place: place(),
    status: status(),
    facadeGarden: facadeGarden(),
    ...measures(),
  });
  const form = () => formOf(values());
  function show(v: GardenValues) {
    setTitle(v.title);
    setAddress(v.address);
    setCorporation(v.corporation);
    setPlace(v.place);
    setStatus(v.status);
    setMeasures(measuresOf(v));
    setFacadeGarden(v.facadeGarden);
  }
  /** Where the form started (empty, or the saved project): the draft keeps what differs. */
  let start: GardenValues | undefined;
  const [restored, setRestored] = createSignal(false);

  // Once: a new project starts empty, a saved one from its record; the person's draft goes on top.
  createEffect(() => {
    const d = data();
    if (!d || untrack(loaded)) return;
    const g = d.garden;
    // A project that is not on the device (yet): wait, it may arrive with a sync.
    if (editing() && !g) return;
    if (g) shownRecord = { ...g };
    start = g
      ? gardenValues(g)
      : blankGarden(d.me?.role === 'corporatie' ? d.me.organisation_id : '');
    const kept = withDraft(start, upgradeGardenDraft(loadDraft(draftKey())));
    show(kept.values);
    setRestored(kept.restored);
    setLoaded(true);
  });
  createEffect(() => {
    if (loaded() && start) keepDraft(draftKey(), start, values());
  });

  function discardDraft() {
    clearDraft(draftKey());
    if (start) show(start);
    setRestored(false);
    setErrors({});
    setAttempted(false);
    setAlert(undefined);
    document.getElementById('garden-title')?.focus();
  }

  // After a refused save the messages follow the typing, so a fixed field stops saying it is wrong.
  createEffect(() => {
    if (!attempted()) return;
    const saved = untrack(data)?.garden;
    setErrors(checkGarden(form(), Boolean(place()), saved?.status as GardenStatus).errors);
  });

  const canEdit = () => {
    const role = data()?.me?.role;
    return role !== undefined && role !== 'huurder';
  };
  const savedBeforeUrl = createAttachmentUrl(device, () => data()?.savedBefore);
  const savedAfterUrl = createAttachmentUrl(device, () => data()?.savedAfter);
  const chosenBeforeUrl = createFileUrl(before);
  const beforeUrl = () => chosenBeforeUrl() ?? savedBeforeUrl();

  const setMeasure = (field: MeasureField, value: string) =>
    setMeasures({ ...measures(), [field]: value });

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const saved = data()?.garden;
    const checked = checkGarden(form(), Boolean(place()), saved?.status as GardenStatus);
    setErrors(checked.errors);
    setAttempted(true);
    if (!checked.measures) {
      setAlert('garden.error.summary');
      const first = [...FIRST_FIELDS, ...COUNT_FIELDS, ...AREA_FIELDS].find(
        (k) => checked.errors[k],
      );
      document.getElementById(`garden-${first}`)?.focus();
      return;
    }
    const d = device();
    const me = data()?.me;
    if (!d || !me) return setAlert('garden.error.notReady');
    setBusy(true);
    setAlert(undefined);
    try {
      const photos: GardenPhoto[] = [];
      for (const [kind, blob] of [
        ['before', before()],
        ['after', after()],
      ] as const) {
        if (blob)
          photos.push({ ...(await compressPhoto(blob)), kind, organisationId: me.organisation_id });
      }
      const p = place()!;
      const values = {
        corporation_id: corporation(),
        title: title().trim(),
        address: address().trim(),
        location: toPointLiteral(p.point),
        neighbourhood_code: p.buurt,
        status: status(),
        ...checked.measures,
        facade_garden: facadeGarden(),
      };
      if (saved) {
        const base: Record<string, unknown> = shownRecord ?? { ...saved };
        // An unchanged point keeps its stored text, so no move is sent.
        const samePoint =
          JSON.stringify(parsePoint(String(base.location))) === JSON.stringify(p.point);
        const changed = editedFields(values, base, !samePoint);
        await updateGarden(d.ctx, saved.id, changed, photos);
      } else {
        await createGarden(d.ctx, values, photos);
      }
      clearDraft(draftKey());
      void d.syncNow('write');
      navigate(gardenPaths.list, { state: { saved: true } });
    } catch (e) {
      const quota = e instanceof DOMException && e.name === 'QuotaExceededError';
      setAlert(quota ? 'garden.error.quota' : 'garden.error.save');
      if (!quota) console.error('saving a garden project failed', e);
    } finally {
      setBusy(false);
    }
  }

  const err = (field: keyof GardenErrors) => {
    const key = errors()[field];
    return key ? t(key) : undefined;
  };

  return (
    <Page title={editing() ? t('garden.edit.title') : t('garden.new.title')}>
      <p>
        <A href={gardenPaths.list}>{t('garden.back')}</A>
      </p>
      <Show when={editing() && data() && !data()!.garden}>
        <p>{t('garden.notFound')}</p>
      </Show>
      <Show when={data() && !canEdit()}>
        <p>{t('garden.onlyProfessionals')}</p>
      </Show>
      <Show when={loaded() && canEdit() && (!editing() || data()?.garden)}>
        <Show when={restored()}>
          <DraftNotice
            message={t(editing() ? 'garden.draft.restoredEdit' : 'garden.draft.restored')}
            discard={t(editing() ? 'garden.draft.discardEdit' : 'garden.draft.discard')}
            onDiscard={discardDraft}
          />
        </Show>
        <form class="form" novalidate onSubmit={(e) => void save(e)}>
          <FormAlert message={alert() && t(alert()!)} />
          <TextField
            id="garden-title"
            label={t('garden.field.title')}
            hint={t('garden.field.title.hint')}
            value={title()}
            maxlength="200"
            onInput={(e) => setTitle(e.currentTarget.value)}
            error={err('title')}
          />
          <TextField
            id="garden-address"
            label={t('garden.field.address')}
            hint={t('garden.field.address.hint')}
            value={address()}
            autocomplete="street-address"
            onInput={(e) => setAddress(e.currentTarget.value)}
            error={err('address')}
          />
          <div class="field" classList={{ 'field--invalid': Boolean(errors().corporation) }}>
            <label class="field__label" for="garden-corporation">
              {t('garden.field.corporation')}
            </label>
            <select
              id="garden-corporation"
              class="field__input"
              value={corporation()}
              onChange={(e) => setCorporation(e.currentTarget.value)}
              aria-invalid={errors().corporation ? 'true' : undefined}
              aria-describedby={errors().corporation ? 'garden-corporation-error' : undefined}
            >
              <option value="">{t('garden.field.corporation.choose')}</option>
              <For each={data()?.corporations}>
                {(o) => (
                  <option value={o.id} selected={o.id === corporation()}>
                    {o.name}
                  </option>
                )}
              </For>
            </select>
            <Show when={err('corporation')}>
              <p class="field__error" id="garden-corporation-error">
                {err('corporation')}
              </p>
            </Show>
          </div>

          <LocationField
            idPrefix="garden"
            place={place()}
            onChange={setPlace}
            error={err('location')}
          />

          <div class="field" classList={{ 'field--invalid': Boolean(errors().status) }}>
            <label class="field__label" for="garden-status">
              {t('garden.field.status')}
            </label>
            <Show when={editing()}>
              <p class="field__hint" id="garden-status-hint">
                {t('garden.field.status.hint')}
              </p>
            </Show>
            <select
              id="garden-status"
              class="field__input"
              onChange={(e) => setStatus(e.currentTarget.value as GardenStatus)}
              aria-describedby={editing() ? 'garden-status-hint' : undefined}
            >
              <For each={allowedStatuses(data()?.garden?.status as GardenStatus | undefined)}>
                {(s) => (
                  <option value={s} selected={s === status()}>
                    {t(`garden.status.${s}` as PlainKey)}
                  </option>
                )}
              </For>
            </select>
            <Show when={err('status')}>
              <p class="field__error">{err('status')}</p>
            </Show>
          </div>

          <TextField
            id="garden-households"
            label={t('garden.field.households')}
            hint={t('garden.field.households.hint')}
            inputmode="numeric"
            value={measures().households}
            onInput={(e) => setMeasure('households', e.currentTarget.value)}
            error={err('households')}
          />

          <fieldset class="measures">
            <legend class="field__label">{t('garden.measures')}</legend>
            <For
              each={
                [
                  ...AREA_FIELDS.slice(0, 2),
                  'trees',
                  'plants',
                  'rain_barrels',
                  'green_roof_m2',
                ] as MeasureField[]
              }
            >
              {(field) => (
                <TextField
                  id={`garden-${field}`}
                  label={t(`garden.field.${field}` as PlainKey)}
                  inputmode={
                    (AREA_FIELDS as readonly string[]).includes(field) ? 'decimal' : 'numeric'
                  }
                  value={measures()[field]}
                  onInput={(e) => setMeasure(field, e.currentTarget.value)}
                  error={err(field)}
                />
              )}
            </For>
          </fieldset>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={facadeGarden()}
              onChange={(e) => setFacadeGarden(e.currentTarget.checked)}
            />
            {t('garden.field.facade_garden')}
          </label>

          <h2 class="section-title">{t('garden.photos')}</h2>
          <div class="field">
            <label class="field__label" for="garden-before">
              {t('garden.photo.before')}
            </label>
            <Show when={beforeUrl()}>
              {(url) => (
                <img class="garden-before" src={url()} alt={t('garden.photo.before.alt')} />
              )}
            </Show>
            <input
              id="garden-before"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/heic"
              capture="environment"
              class="field__input"
              onChange={(e) => setBefore(e.currentTarget.files?.[0])}
            />
          </div>
          <Show when={!after() && savedAfterUrl()}>
            {(url) => <img class="garden-before" src={url()} alt={t('garden.photo.after.saved')} />}
          </Show>
          <AfterPhoto beforeUrl={beforeUrl()} file={after()} onChoose={setAfter} />

          <button type="submit" class="button button--primary" aria-disabled={busy()}>
            {busy() ? t('garden.saving') : t('garden.save')}
          </button>
        </form>
      </Show>
    </Page>
  );
}
