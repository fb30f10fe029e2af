import { stillActive } from '../../lib/organisations/index.ts';
import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { accessibilityClass, type Reach } from '../../lib/accessibility/index.ts';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { insertRecord } from '../../sync/writes.ts';
import { FormAlert, Page, TextField } from '../../ui/index.ts';
import { useSession } from '../auth/index.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { accessibilityPaths } from './paths.ts';

type Question = 'living_room' | 'toilet' | 'bathroom' | 'bedroom';
const QUESTIONS: Question[] = ['living_room', 'toilet', 'bathroom', 'bedroom'];
const ANSWERS: Reach[] = ['ja', 'nee', 'kleine_aanpassing', 'traplift'];
const STORAGE = ['aanwezig', 'nodig', 'niet_nodig'] as const;
/** Home, four questions, scooter and build, result. */
const TOTAL = QUESTIONS.length + 3;

/**
 * Agreement 3, one question at a time in plain Dutch; the class at the end is derived exactly as
 * the database derives it. A home checked before shows its earlier result.
 */
export function NewCheckPage(): JSX.Element {
  const { device } = useSync();
  const { user } = useSession();
  const navigate = useNavigate();
  const [step, setStep] = createSignal(0);
  const [address, setAddress] = createSignal('');
  const [corporation, setCorporation] = createSignal('');
  const [buurt, setBuurt] = createSignal('');
  const [answers, setAnswers] = createSignal<Partial<Record<Question, Reach>>>({});
  const [storage, setStorage] = createSignal<(typeof STORAGE)[number]>('niet_nodig');
  const [newBuild, setNewBuild] = createSignal(false);
  const [buildYear, setBuildYear] = createSignal('');
  const [error, setError] = createSignal<PlainKey>();
  let heading: HTMLHeadingElement | undefined;

  const data = createLiveQuery(device, async ({ db }) => {
    const [orgs, buurten, me, checks] = await Promise.all([
      db.organisations.toArray(),
      db.neighbourhoods.where('kind').equals('buurt').toArray(),
      user() ? db.profiles.get(user()!.id) : undefined,
      db.accessibility_checks.toArray(),
    ]);
    return {
      corporations: orgs.filter((o) => o.kind === 'corporatie' && stillActive(o)),
      buurten: buurten.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      me,
      checks,
    };
  });

  const previous = createMemo(() => {
    const key = address().trim().toLowerCase();
    if (key.length < 3) return undefined;
    return data()
      ?.checks.filter((c) => c.address.trim().toLowerCase() === key && !c.deleted_at)
      .sort((a, b) => b.checked_at.localeCompare(a.checked_at))[0];
  });

  const result = () => {
    const a = answers();
    return a.living_room && a.toilet && a.bathroom && a.bedroom
      ? accessibilityClass({
          living_room: a.living_room,
          toilet: a.toilet,
          bathroom: a.bathroom,
          bedroom: a.bedroom,
        })
      : undefined;
  };

  const defaultCorporation = () => {
    const me = data()?.me;
    return me?.role === 'corporatie' ? me.organisation_id : '';
  };

  function go(to: number) {
    setError(undefined);
    setStep(to);
    requestAnimationFrame(() => heading?.focus());
  }

  function next() {
    const s = step();
    if (s === 0) {
      if (address().trim().length < 3) return setError('acc.error.address');
      if (!(corporation() || defaultCorporation())) return setError('acc.error.corporation');
      if (!buurt()) return setError('acc.error.buurt');
      if (!corporation()) setCorporation(defaultCorporation());
    } else if (s <= QUESTIONS.length) {
      if (!answers()[QUESTIONS[s - 1]!]) return setError('acc.error.answer');
    } else if (s === QUESTIONS.length + 1) {
      const y = buildYear().trim();
      if (
        y &&
        !(/^\d{4}$/.test(y) && Number(y) >= 1800 && Number(y) <= new Date().getFullYear() + 5)
      ) {
        return setError('acc.error.buildYear');
      }
    }
    go(s + 1);
  }

  async function save() {
    const d = device();
    const b = data()?.buurten.find((x) => x.code === buurt());
    if (!d || !b) return;
    try {
      await insertRecord(d.ctx, 'accessibility_checks', {
        corporation_id: corporation(),
        address: address().trim(),
        location: String(b.label),
        neighbourhood_code: b.code,
        ...answers(),
        scooter_storage: storage(),
        new_build: newBuild(),
        build_year: buildYear().trim() ? Number(buildYear()) : null,
        checked_at: d.ctx.now().toISOString(),
      });
      void d.syncNow('write');
      navigate(accessibilityPaths.list);
    } catch (e) {
      console.error('saving a check failed', e);
      setError('obs.error.save');
    }
  }

  const stepTitle = (): string => {
    const s = step();
    if (s === 0) return t('acc.address');
    if (s <= QUESTIONS.length) return t(`acc.q.${QUESTIONS[s - 1]}` as PlainKey);
    if (s === QUESTIONS.length + 1) return t('acc.scooter');
    return t('acc.result.title');
  };

  return (
    <Page title={t('acc.new.title')}>
      <Show when={data()?.me?.role === 'huurder'}>
        <p>{t('acc.onlyProfessionals')}</p>
      </Show>
      <Show when={data() && data()?.me?.role !== 'huurder'}>
        <p class="field__hint">{t('acc.step', { n: step() + 1, total: TOTAL })}</p>
        <h2 ref={heading} tabindex="-1" class="step-title">
          {stepTitle()}
        </h2>
        <FormAlert message={error() && t(error()!)} />
        <Switch>
          <Match when={step() === 0}>
            <div class="form">
              <TextField
                id="acc-address"
                label={t('acc.address')}
                hint={t('acc.address.hint')}
                value={address()}
                autocomplete="street-address"
                onInput={(e) => setAddress(e.currentTarget.value)}
              />
              <Show when={previous()}>
                {(p) => (
                  <p class="notice" role="status">
                    {t('acc.previousResult', {
                      date: new Date(p().checked_at).toLocaleDateString('nl-NL'),
                      // A check saved here gets its class from the server; until then derive it.
                      result: t(
                        `acc.result.${p().class ?? accessibilityClass(p() as never)}` as PlainKey,
                      ),
                    })}
                  </p>
                )}
              </Show>
              <div class="field">
                <label class="field__label" for="acc-corporation">
                  {t('acc.corporation')}
                </label>
                <select
                  id="acc-corporation"
                  class="field__input"
                  value={corporation() || defaultCorporation()}
                  onChange={(e) => setCorporation(e.currentTarget.value)}
                >
                  <option value="">{t('acc.corporation.choose')}</option>
                  <For each={data()?.corporations}>
                    {(o) => <option value={o.id}>{o.name}</option>}
                  </For>
                </select>
              </div>
              <div class="field">
                <label class="field__label" for="acc-buurt">
                  {t('acc.buurt')}
                </label>
                <select
                  id="acc-buurt"
                  class="field__input"
                  value={buurt()}
                  onChange={(e) => setBuurt(e.currentTarget.value)}
                >
                  <option value="">{t('location.buurt.choose')}</option>
                  <For each={data()?.buurten}>
                    {(b) => <option value={b.code}>{b.name}</option>}
                  </For>
                </select>
              </div>
            </div>
          </Match>
          <Match when={step() >= 1 && step() <= QUESTIONS.length}>
            <fieldset class="field choice">
              <legend class="visually-hidden">{stepTitle()}</legend>
              <For each={ANSWERS}>
                {(a) => (
                  <label class="choice__option">
                    <input
                      type="radio"
                      name={`acc-${QUESTIONS[step() - 1]}`}
                      checked={answers()[QUESTIONS[step() - 1]!] === a}
                      onChange={() => setAnswers({ ...answers(), [QUESTIONS[step() - 1]!]: a })}
                    />
                    {t(`acc.a.${a}` as PlainKey)}
                  </label>
                )}
              </For>
            </fieldset>
          </Match>
          <Match when={step() === QUESTIONS.length + 1}>
            <fieldset class="field choice">
              <legend class="visually-hidden">{t('acc.scooter')}</legend>
              <For each={STORAGE}>
                {(s) => (
                  <label class="choice__option">
                    <input
                      type="radio"
                      name="acc-scooter"
                      checked={storage() === s}
                      onChange={() => setStorage(s)}
                    />
                    {t(`acc.scooter.${s}` as PlainKey)}
                  </label>
                )}
              </For>
            </fieldset>
            <fieldset class="field choice">
              <legend class="field__label">{t('acc.newBuild')}</legend>
              <label class="choice__option">
                <input
                  type="radio"
                  name="acc-new"
                  checked={newBuild()}
                  onChange={() => setNewBuild(true)}
                />
                {t('acc.newBuild.yes')}
              </label>
              <label class="choice__option">
                <input
                  type="radio"
                  name="acc-new"
                  checked={!newBuild()}
                  onChange={() => setNewBuild(false)}
                />
                {t('acc.newBuild.no')}
              </label>
            </fieldset>
            <TextField
              id="acc-year"
              label={t('acc.buildYear')}
              inputmode="numeric"
              value={buildYear()}
              onInput={(e) => setBuildYear(e.currentTarget.value)}
            />
          </Match>
          <Match when={step() === TOTAL - 1}>
            <p class="result" role="status">
              <strong>{result() ? t(`acc.result.${result()}` as PlainKey) : ''}</strong>
            </p>
            <p>{t('acc.result.explain')}</p>
            <button type="button" class="button button--primary" onClick={() => void save()}>
              {t('acc.save')}
            </button>
          </Match>
        </Switch>
        <div class="actions wizard-nav">
          <Show when={step() > 0}>
            <button type="button" class="button button--secondary" onClick={() => go(step() - 1)}>
              {t('acc.previous')}
            </button>
          </Show>
          <Show when={step() < TOTAL - 1}>
            <button type="button" class="button button--primary" onClick={next}>
              {t('acc.next')}
            </button>
          </Show>
        </div>
      </Show>
    </Page>
  );
}
