import { createEffect, createResource, createSignal, For, on, Show, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { saveGrades } from '../../sync/records.ts';
import { FormAlert, Page } from '../../ui/index.ts';
import { useSession } from '../auth/index.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';
import {
  checkGrades,
  gradeableBuurten,
  gradeHistory,
  markSaved,
  quarterOf,
  settlePicks,
  shownGrades,
  storedGrades,
  THEMES,
  type Picks,
  type Theme,
} from './grades.ts';
import './grades.css';

const SCALE = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * A tenant grades their buurt each quarter: 1 to 10 for clean, intact, safe, green and together.
 * Plain words, big targets, and what they gave before.
 */
export function GradePage(): JSX.Element {
  const { device } = useSync();
  const { user } = useSession();
  const now = quarterOf(new Date());
  const [buurt, setBuurt] = createSignal('');
  // The person's own picks per buurt, kept over what the device holds (a sync pull while they
  // pick must not undo them); themes they did not touch show the stored grade.
  const [picks, setPicks] = createSignal<Record<string, Picks>>({});
  const [alert, setAlert] = createSignal<PlainKey>();
  const [saved, setSaved] = createSignal(false);

  const [memberships] = createResource(device, async (d) => (await d.myNeighbourhoods?.()) ?? null);

  const data = createLiveQuery(device, async ({ db }) => {
    const [me, buurten, grades, gardens, walks, shared] = await Promise.all([
      user() ? db.profiles.get(user()!.id) : undefined,
      db.neighbourhoods.where('kind').equals('buurt').toArray(),
      db.neighbourhood_grades.toArray(),
      db.garden_projects.toArray(),
      db.walks.toArray(),
      db.observations.filter((o) => o.shared === true).toArray(),
    ]);
    const mine = grades.filter(
      (g) => !g.deleted_at && (g.created_by === user()?.id || g.created_by == null),
    );
    const seen = [...mine, ...gardens, ...walks, ...shared].map((r) => r.neighbourhood_code);
    return { me, buurten: buurten.sort((a, b) => a.name.localeCompare(b.name, 'nl')), mine, seen };
  });

  const options = () => {
    const d = data();
    const m = memberships();
    if (!d || m === undefined) return undefined;
    const codes = new Set(gradeableBuurten(m ?? undefined, d.buurten, d.seen));
    return d.buurten.filter((b) => codes.has(b.code));
  };

  // The first buurt is chosen for the person; with one buurt there is nothing to choose.
  createEffect(() => {
    const list = options();
    if (list?.length && !list.some((b) => b.code === buurt())) setBuurt(list[0]!.code);
  });

  const ofBuurt = () => (data()?.mine ?? []).filter((g) => g.neighbourhood_code === buurt());
  const history = () => gradeHistory(ofBuurt(), now);
  const previous = (theme: Theme) => history().find((line) => line.grades[theme] !== undefined);

  // What this person gave this quarter is shown again, so they can change it.
  const stored = (code: string) => storedGrades(data()?.mine ?? [], code, now);
  const chosen = () => shownGrades(stored(buurt()), picks()[buurt()] ?? {});
  function pick(theme: Theme, grade: number) {
    const code = buurt();
    setPicks((all) => ({ ...all, [code]: { ...all[code], [theme]: { grade, saved: false } } }));
  }
  /** Lets saved picks go once the device holds them (after a save, and after every pull). */
  function settle() {
    setPicks((all) => {
      let changed = false;
      const next: Record<string, Picks> = {};
      for (const [code, mine] of Object.entries(all)) {
        next[code] = settlePicks(stored(code), mine);
        changed ||= next[code] !== mine;
      }
      return changed ? next : all;
    });
  }
  createEffect(on(data, settle));

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setSaved(false);
    const problem = checkGrades(chosen());
    if (problem) return setAlert(problem);
    const d = device();
    const userId = user()?.id;
    if (!d || !userId || !buurt()) return setAlert('grade.error.notReady');
    setAlert(undefined);
    const code = buurt();
    const grades = chosen();
    try {
      await saveGrades(d.ctx, {
        neighbourhood_code: code,
        year: now.year,
        quarter: now.quarter,
        grades,
        userId,
      });
      setPicks((all) => ({ ...all, [code]: markSaved(all[code] ?? {}, grades) }));
      settle();
      setSaved(true);
      void d.syncNow('write');
    } catch (e) {
      console.error('saving grades failed', e);
      setAlert('grade.error.save');
    }
  }

  const quarterName = (q: { year: number; quarter: number }) =>
    t('grade.quarter', { quarter: q.quarter, year: q.year });

  return (
    <Page title={t('grade.title')}>
      <Show when={data() && data()?.me?.role !== 'huurder'}>
        <p>{t('grade.onlyTenants')}</p>
      </Show>
      <Show when={data()?.me?.role === 'huurder' && options()}>
        {(list) => (
          <Show when={list().length} fallback={<p>{t('grade.noBuurt')}</p>}>
            <p class="lead">{t('grade.intro')}</p>
            <p>
              <strong>{quarterName(now)}</strong>
            </p>
            <form class="form" novalidate onSubmit={(e) => void save(e)}>
              <FormAlert message={alert() && t(alert()!)} />
              <Show
                when={list().length > 1}
                fallback={<p>{t('grade.buurtIs', { buurt: list()[0]!.name })}</p>}
              >
                <div class="field">
                  <label class="field__label" for="grade-buurt">
                    {t('grade.buurt')}
                  </label>
                  <select
                    id="grade-buurt"
                    class="field__input"
                    onChange={(e) => setBuurt(e.currentTarget.value)}
                  >
                    <For each={list()}>
                      {(b) => (
                        <option value={b.code} selected={b.code === buurt()}>
                          {b.name}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
              </Show>
              <For each={THEMES}>
                {(theme) => (
                  <fieldset class="grade-theme" aria-describedby={`grade-${theme}-question`}>
                    <legend class="field__label">{t(`grade.theme.${theme}` as PlainKey)}</legend>
                    <p class="field__hint" id={`grade-${theme}-question`}>
                      {t(`grade.question.${theme}` as PlainKey)}
                    </p>
                    <div class="grade-scale">
                      <For each={SCALE}>
                        {(n) => (
                          <label class="grade-scale__option">
                            <input
                              type="radio"
                              name={`grade-${theme}`}
                              value={n}
                              checked={chosen()[theme] === n}
                              onChange={() => {
                                setSaved(false);
                                pick(theme, n);
                              }}
                            />
                            <span>{n}</span>
                          </label>
                        )}
                      </For>
                    </div>
                    <Show when={previous(theme)}>
                      {(line) => (
                        <p class="field__hint">
                          {t('grade.previous', {
                            quarter: quarterName(line()),
                            grade: line().grades[theme] ?? '',
                          })}
                        </p>
                      )}
                    </Show>
                  </fieldset>
                )}
              </For>
              <div role="status">
                <Show when={saved()}>
                  <p class="notice">{t('grade.saved')}</p>
                </Show>
              </div>
              <button type="submit" class="button button--primary">
                {t('grade.save')}
              </button>
            </form>

            <h2 class="section-title">{t('grade.history')}</h2>
            <Show when={history().length} fallback={<p>{t('grade.history.empty')}</p>}>
              <div class="table-scroll" tabindex="0" role="region" aria-label={t('grade.history')}>
                <table class="grade-history">
                  <thead>
                    <tr>
                      <th scope="col">{t('grade.history.quarter')}</th>
                      <For each={THEMES}>
                        {(theme) => <th scope="col">{t(`grade.theme.${theme}` as PlainKey)}</th>}
                      </For>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={history()}>
                      {(line) => (
                        <tr>
                          <th scope="row">{quarterName(line)}</th>
                          <For each={THEMES}>{(theme) => <td>{line.grades[theme] ?? '–'}</td>}</For>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </Show>
        )}
      </Show>
    </Page>
  );
}
