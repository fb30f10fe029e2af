import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, onMount, Show, type JSX } from 'solid-js';
import { toPointLiteral } from '../../lib/geo/index.ts';
import { t, type PlainKey, localName } from '../../lib/i18n/index.ts';
import { clearDraft, loadDraft, saveDraft } from '../../platform/drafts.ts';
import { compressPhoto, storageRoom } from '../../platform/photos.ts';
import { createObservation } from '../../sync/records.ts';
import { parsePoint } from '../../sync/validate.ts';
import { DraftNotice, FormAlert, Page } from '../../ui/index.ts';
import { useSession } from '../auth/index.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { walkPaths } from '../walks/paths.ts';
import { categoryTree, recentCategories } from './categories.ts';
import { createMyRole } from '../home/index.ts';
import { nearbyOpen } from './filters.ts';
import { LocationField, type Place } from './LocationField.tsx';
import { observationPaths } from './paths.ts';
import { PhotoField } from './PhotoField.tsx';

const MAX_PHOTOS = 5;

/** What a draft keeps (photos are files: the person chooses them again). */
interface Draft {
  category: string;
  severity: number;
  description: string;
  place?: Place | undefined;
}

interface Errors {
  category?: PlainKey;
  location?: PlainKey;
  description?: PlainKey;
  photos?: PlainKey;
}

/** Log an observation: what, how bad, a few words, where, and up to five photos. Works offline. */
export function NewObservationPage(): JSX.Element {
  const { device } = useSync();
  const { user } = useSession();
  const role = createMyRole();
  const navigate = useNavigate();
  // `?walk=<id>`: logged during a neighbourhood walk, so it links to it and goes back to it.
  const [search] = useSearchParams<{ walk?: string }>();
  const [category, setCategory] = createSignal('');
  const [severity, setSeverity] = createSignal(2);
  const [description, setDescription] = createSignal('');
  const [place, setPlace] = createSignal<Place>();
  const [files, setFiles] = createSignal<File[]>([]);
  const [errors, setErrors] = createSignal<Errors>({});
  const [alert, setAlert] = createSignal<PlainKey>();
  const [busy, setBusy] = createSignal(false);
  const [nearlyFull, setNearlyFull] = createSignal(false);

  const categories = createLiveQuery(device, ({ db }) => categoryTree(db, user()?.id));
  const recent = createLiveQuery(device, ({ db }) => recentCategories(db, user()?.id));
  const walk = createLiveQuery(device, async ({ db }) => {
    const id = search.walk;
    const found = id ? await db.walks.get(id) : undefined;
    return found && !found.deleted_at ? found : null;
  });

  // Open reports of the same kind within ~50 m of a GPS point (a chosen buurt is too rough for it).
  const nearbySource = () => {
    const d = device();
    const p = place();
    return d && p && (p.accuracy !== null || p.source) && category()
      ? { db: d.db, category: category(), point: p.point }
      : undefined;
  };
  const nearby = createLiveQuery(nearbySource, async ({ db, category: code, point }) => {
    const [same, names] = await Promise.all([
      db.observations.where('category_code').equals(code).toArray(),
      db.observation_categories.get(code),
    ]);
    const found = nearbyOpen(
      same.map((o) => ({ ...o, point: parsePoint(o.location) })),
      code,
      point,
    );
    return found.slice(0, 3).map((o) => ({
      id: o.id,
      metres: Math.round(o.metres),
      category: names ? localName(names) : code,
    }));
  });

  onMount(() => void storageRoom().then((r) => setNearlyFull(r.nearlyFull)));

  // Every change is kept as a draft of this person, so leaving the form never loses input.
  const draftKey = () => `observation.${user()?.id ?? 'anonymous'}`;
  const [restored, setRestored] = createSignal(false);
  const draft = loadDraft<Draft>(draftKey());
  if (draft && (draft.category || draft.description || draft.place)) {
    setCategory(draft.category);
    setSeverity(draft.severity);
    setDescription(draft.description);
    setPlace(draft.place);
    setRestored(true);
  }
  createEffect(() => {
    const value: Draft = {
      category: category(),
      severity: severity(),
      description: description(),
      place: place(),
    };
    if (value.category || value.description || value.place) saveDraft(draftKey(), value);
  });

  // The options arrive from the device after a restored draft set the values: set them again then.
  let categorySelect: HTMLSelectElement | undefined;
  // After the next paint, when the option elements surely exist.
  createEffect(() => {
    const value = category();
    if (!categories()?.length) return;
    requestAnimationFrame(() => {
      if (categorySelect) categorySelect.value = value;
    });
  });

  function discardDraft() {
    clearDraft(draftKey());
    setCategory('');
    setSeverity(2);
    setDescription('');
    setPlace(undefined);
    setRestored(false);
  }

  /** What is wrong now; after a refused Save the messages follow every change. */
  function validate(): Errors {
    return {
      category: category() ? undefined : 'obs.error.category',
      location: place() ? undefined : 'obs.error.location',
      description: description().length > 2000 ? 'obs.error.description' : undefined,
      photos: files().length > MAX_PHOTOS ? 'obs.error.photos' : undefined,
    };
  }
  const [tried, setTried] = createSignal(false);
  createEffect(() => {
    if (tried()) setErrors(validate());
  });

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setTried(true);
    const found = validate();
    setErrors(found);
    const first = (Object.keys(found) as (keyof Errors)[]).find((k) => found[k]);
    if (first) {
      setAlert('obs.error.summary');
      document.getElementById(`obs-${first}`)?.focus();
      return;
    }
    const d = device();
    const userId = user()?.id;
    const profile = d && userId ? await d.db.profiles.get(userId) : undefined;
    if (!d || !profile) {
      setAlert('obs.error.notReady');
      return;
    }
    setBusy(true);
    setAlert(undefined);
    try {
      const photos = [];
      for (const file of files()) {
        const c = await compressPhoto(file);
        photos.push({ ...c, organisationId: profile.organisation_id });
      }
      const p = place()!;
      await createObservation(
        d.ctx,
        {
          category_code: category(),
          severity: severity(),
          description: description().trim(),
          location: toPointLiteral(p.point),
          accuracy_m: p.accuracy,
          neighbourhood_code: p.buurt,
          ...(walk() ? { walk_id: walk()!.id } : {}),
        },
        photos,
      );
      clearDraft(draftKey());
      void d.syncNow('write');
      const linked = walk();
      if (linked) navigate(walkPaths.detail(linked.id));
      else navigate(observationPaths.list, { state: { saved: true } });
    } catch (e) {
      const quota = e instanceof DOMException && e.name === 'QuotaExceededError';
      setAlert(quota ? 'obs.error.quota' : 'obs.error.save');
      if (!quota) console.error('saving an observation failed', e);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (key: keyof Errors) => {
    const e = errors()[key];
    return e ? t(e) : undefined;
  };

  return (
    <Page title={t('obs.new.title')}>
      <Show when={nearlyFull()}>
        <p class="banner">{t('obs.photos.storageFull')}</p>
      </Show>
      <Show when={walk()}>
        {(w) => <p class="notice">{t('walk.observation.linked', { title: w().title })}</p>}
      </Show>
      <Show when={restored()}>
        <DraftNotice
          message={t('obs.draft.restored')}
          discard={t('obs.draft.discard')}
          onDiscard={discardDraft}
        />
      </Show>
      <form class="form" novalidate onSubmit={(e) => void save(e)}>
        <FormAlert message={alert() && t(alert()!)} />

        <div class="field" classList={{ 'field--invalid': Boolean(errors().category) }}>
          <label class="field__label" for="obs-category">
            {t('obs.field.category')}
          </label>
          <select
            ref={categorySelect}
            id="obs-category"
            class="field__input"
            value={category()}
            onChange={(e) => setCategory(e.currentTarget.value)}
            aria-invalid={errors().category ? 'true' : undefined}
            aria-describedby={errors().category ? 'obs-category-error' : undefined}
          >
            <option value="">{t('obs.field.category.choose')}</option>
            <Show when={recent()?.length}>
              <optgroup label={t('obs.field.category.recent')}>
                <For each={recent()}>{(c) => <option value={c.code}>{localName(c)}</option>}</For>
              </optgroup>
            </Show>
            <For each={categories()}>
              {(group) => (
                <optgroup label={localName(group.theme)}>
                  <For each={group.items}>
                    {(c) => <option value={c.code}>{localName(c)}</option>}
                  </For>
                </optgroup>
              )}
            </For>
          </select>
          <Show when={role() === 'huurder'}>
            <p class="field__hint">{t('obs.category.tenantHint')}</p>
          </Show>
          <Show when={fieldError('category')}>
            <p class="field__error" id="obs-category-error">
              {fieldError('category')}
            </p>
          </Show>
        </div>

        <fieldset class="field choice">
          <legend class="field__label">{t('obs.field.severity')}</legend>
          <For each={[1, 2, 3, 4, 5]}>
            {(n) => (
              <label class="choice__option">
                <input
                  type="radio"
                  name="severity"
                  value={n}
                  checked={severity() === n}
                  onChange={() => setSeverity(n)}
                />
                {t(`obs.severity.${n}` as PlainKey)}
              </label>
            )}
          </For>
        </fieldset>

        <div class="field" classList={{ 'field--invalid': Boolean(errors().description) }}>
          <label class="field__label" for="obs-description">
            {t('obs.field.description')}
          </label>
          <p class="field__hint" id="obs-description-hint">
            {t('obs.field.description.hint')}
          </p>
          <textarea
            id="obs-description"
            class="field__input"
            rows="3"
            maxlength="2000"
            value={description()}
            onInput={(e) => setDescription(e.currentTarget.value)}
            aria-describedby="obs-description-hint"
          />
        </div>

        <LocationField
          idPrefix="obs"
          place={place()}
          onChange={setPlace}
          error={fieldError('location')}
          pinpoint
        />

        <Show when={nearby()?.length}>
          <section class="notice" aria-labelledby="obs-nearby-title">
            <h2 id="obs-nearby-title" class="field__label">
              {t('obs.nearby.title')}
            </h2>
            <p>{t('obs.nearby.intro')}</p>
            <ul>
              <For each={nearby()}>
                {(o) => (
                  <li>
                    <A href={observationPaths.detail(o.id)}>
                      {t('obs.nearby.item', { category: o.category, metres: o.metres })}
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Show>

        <PhotoField
          id="obs-photos"
          files={files()}
          onChange={setFiles}
          error={fieldError('photos')}
        />

        <button type="submit" class="button button--primary" aria-disabled={busy()}>
          {busy() ? t('obs.saving') : t('obs.save')}
        </button>
      </form>
    </Page>
  );
}
