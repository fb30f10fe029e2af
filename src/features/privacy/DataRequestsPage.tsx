import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { FormAlert, Page } from '../../ui/index.ts';
import { PrivacyApiError, usePrivacyApi } from './api.ts';
import { download } from './download.ts';
import { createIsMunicipality } from './municipality.ts';

/**
 * Data subject requests for the municipality: download everything a person created (right of
 * access, JSON) or anonymise the person (right to erasure), after an explicit confirmation.
 */
export function DataRequestsPage(): JSX.Element {
  const isMunicipality = createIsMunicipality();
  const api = usePrivacyApi();
  const [people] = createResource(isMunicipality, async (yes) => (yes ? api.people() : []));
  const [person, setPerson] = createSignal('');
  const [personError, setPersonError] = createSignal<PlainKey>();
  const [confirmed, setConfirmed] = createSignal(false);
  const [confirmError, setConfirmError] = createSignal<PlainKey>();
  const [alert, setAlert] = createSignal<string>();
  const [done, setDone] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let personSelect: HTMLSelectElement | undefined;
  let confirmBox: HTMLInputElement | undefined;

  const failed = (e: unknown) =>
    t('dsr.failed', { message: e instanceof PrivacyApiError ? e.message : String(e) });

  function chosen(): string | undefined {
    if (person()) return person();
    setPersonError('dsr.personMissing');
    personSelect?.focus();
    return undefined;
  }

  async function exportData() {
    setDone(undefined);
    setAlert(undefined);
    const id = chosen();
    if (!id) return;
    setPersonError(undefined);
    try {
      const data = await api.exportPerson(id);
      download(`buurtpeil-inzage-${id}.json`, JSON.stringify(data, null, 2), 'application/json');
      setDone(t('dsr.exported'));
    } catch (e) {
      setAlert(failed(e));
    }
  }

  async function erase(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setDone(undefined);
    setAlert(undefined);
    const id = chosen();
    if (!id) return;
    setPersonError(undefined);
    if (!confirmed()) {
      setConfirmError('dsr.erase.confirmMissing');
      confirmBox?.focus();
      return;
    }
    setConfirmError(undefined);
    setBusy(true);
    try {
      const result = await api.erasePerson(id);
      setDone(
        t('dsr.erase.done', {
          observations: Number(result.observations ?? 0),
          comments: Number(result.comments ?? 0),
          photos: Number(result.photos ?? 0),
        }),
      );
      setPerson('');
      setConfirmed(false);
    } catch (e) {
      setAlert(failed(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('dsr.title')}>
      <Show when={isMunicipality() !== undefined}>
        <Show
          when={isMunicipality()}
          fallback={<p class="notice">{t('audit.onlyMunicipality')}</p>}
        >
          <p>{t('dsr.intro')}</p>
          <form class="form" novalidate onSubmit={(e) => void erase(e)}>
            <FormAlert message={alert()} />
            <Show when={done()}>
              <p class="notice" role="status">
                {done()}
              </p>
            </Show>
            <div class="field" classList={{ 'field--invalid': Boolean(personError()) }}>
              <label class="field__label" for="dsr-person">
                {t('dsr.person')}
              </label>
              <select
                ref={personSelect}
                id="dsr-person"
                class="field__input"
                value={person()}
                aria-invalid={personError() ? 'true' : undefined}
                aria-describedby={personError() ? 'dsr-person-error' : undefined}
                onChange={(e) => setPerson(e.currentTarget.value)}
              >
                <option value="">{t('dsr.choose')}</option>
                <For each={people() ?? []}>
                  {(p) => (
                    <option value={p.id}>
                      {`${p.displayName || p.id} – ${p.role}, ${p.organisation}`}
                    </option>
                  )}
                </For>
              </select>
              <Show when={personError()}>
                {(key) => (
                  <p class="field__error" id="dsr-person-error">
                    {t(key())}
                  </p>
                )}
              </Show>
            </div>
            <p>
              <button type="button" class="button" onClick={() => void exportData()}>
                {t('dsr.export')}
              </button>
            </p>
            <h2 class="section-title">{t('dsr.erase.title')}</h2>
            <p>{t('dsr.erase.explain')}</p>
            <div class="field" classList={{ 'field--invalid': Boolean(confirmError()) }}>
              <label class="checkbox">
                <input
                  ref={confirmBox}
                  type="checkbox"
                  checked={confirmed()}
                  aria-invalid={confirmError() ? 'true' : undefined}
                  aria-describedby={confirmError() ? 'dsr-confirm-error' : undefined}
                  onChange={(e) => setConfirmed(e.currentTarget.checked)}
                />
                <span>{t('dsr.erase.confirm')}</span>
              </label>
              <Show when={confirmError()}>
                {(key) => (
                  <p class="field__error" id="dsr-confirm-error">
                    {t(key())}
                  </p>
                )}
              </Show>
            </div>
            <button type="submit" class="button button--primary" aria-disabled={busy()}>
              {busy() ? t('dsr.erase.busy') : t('dsr.erase.submit')}
            </button>
          </form>
        </Show>
      </Show>
    </Page>
  );
}
