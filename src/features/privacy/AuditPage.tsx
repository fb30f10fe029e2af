import { createSignal, For, Show, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { FormAlert, Page, TextField } from '../../ui/index.ts';
import { usePrivacyApi, type AuditEntry } from './api.ts';
import { toCsv } from './csv.ts';
import { download } from './download.ts';
import { createIsMunicipality } from './municipality.ts';

const LIMIT = 1000;
const TABLES = [
  'observations',
  'observation_events',
  'garden_projects',
  'accessibility_checks',
  'neighbourhood_grades',
  'walks',
  'walk_participants',
  'targets',
  'attachments',
  'profiles',
  'profile_neighbourhoods',
  'organisations',
  'neighbourhoods',
  'retention_policies',
] as const;
const COLUMNS = [
  'id',
  'at',
  'actor',
  'actor_role',
  'table_name',
  'record_id',
  'operation',
  'reason',
  'redacted_at',
  'changes',
] as const;

const OPERATION: Record<string, PlainKey> = {
  insert: 'audit.op.insert',
  update: 'audit.op.update',
  delete: 'audit.op.delete',
};
const REASON: Record<string, PlainKey> = {
  retention: 'audit.reason.retention',
  erasure: 'audit.reason.erasure',
};

/** The municipality reads the audit trail (who, when, what changed) and downloads it as CSV. */
export function AuditPage(): JSX.Element {
  const isMunicipality = createIsMunicipality();
  const api = usePrivacyApi();
  const [table, setTable] = createSignal('');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [dateError, setDateError] = createSignal<PlainKey>();
  const [alert, setAlert] = createSignal<string>();
  const [entries, setEntries] = createSignal<AuditEntry[]>();
  const [busy, setBusy] = createSignal(false);
  let fromInput: HTMLInputElement | undefined;

  async function load(event?: SubmitEvent) {
    event?.preventDefault();
    if (from() && to() && from() > to()) {
      setDateError('audit.filter.datesWrong');
      fromInput?.focus();
      return;
    }
    setDateError(undefined);
    setBusy(true);
    setAlert(undefined);
    try {
      setEntries(await api.auditEntries({ table: table(), from: from(), to: to(), limit: LIMIT }));
    } catch {
      setAlert(t('audit.failed'));
    } finally {
      setBusy(false);
    }
  }

  function exportCsv() {
    const rows = entries() ?? [];
    download(
      `buurtpeil-logboek-${new Date().toISOString().slice(0, 10)}.csv`,
      toCsv(COLUMNS, rows as unknown as Record<(typeof COLUMNS)[number], unknown>[]),
      'text/csv;charset=utf-8',
    );
  }

  return (
    <Page title={t('audit.title')}>
      <Show when={isMunicipality() !== undefined}>
        <Show
          when={isMunicipality()}
          fallback={<p class="notice">{t('audit.onlyMunicipality')}</p>}
        >
          <p>{t('audit.intro')}</p>
          <form class="form" novalidate onSubmit={(e) => void load(e)}>
            <FormAlert message={alert()} />
            <div class="field">
              <label class="field__label" for="audit-table">
                {t('audit.filter.table')}
              </label>
              <select
                id="audit-table"
                class="field__input"
                value={table()}
                onChange={(e) => setTable(e.currentTarget.value)}
              >
                <option value="">{t('audit.filter.all')}</option>
                <For each={TABLES}>{(name) => <option value={name}>{name}</option>}</For>
              </select>
            </div>
            <TextField
              ref={fromInput}
              id="audit-from"
              type="date"
              label={t('audit.filter.from')}
              value={from()}
              onInput={(e) => setFrom(e.currentTarget.value)}
              error={dateError() && t(dateError() as PlainKey)}
            />
            <TextField
              id="audit-to"
              type="date"
              label={t('audit.filter.to')}
              value={to()}
              onInput={(e) => setTo(e.currentTarget.value)}
            />
            <button type="submit" class="button button--primary" aria-disabled={busy()}>
              {busy() ? t('audit.loading') : t('audit.filter.submit')}
            </button>
          </form>
          <Show when={entries()}>
            {(list) => (
              <section aria-labelledby="audit-results">
                <div role="status">
                  <h2 id="audit-results" class="section-title">
                    {t('audit.count', { count: list().length, limit: LIMIT })}
                  </h2>
                </div>
                <Show when={list().length} fallback={<p>{t('audit.empty')}</p>}>
                  <p>
                    <button type="button" class="button" onClick={exportCsv}>
                      {t('audit.export')}
                    </button>
                  </p>
                  <ul class="cards">
                    <For each={list().slice(0, 200)}>
                      {(entry) => (
                        <li class="card">
                          <h3 class="card__title">
                            {t('audit.entry', {
                              operation: OPERATION[entry.operation]
                                ? t(OPERATION[entry.operation] as PlainKey)
                                : entry.operation,
                              table: entry.table_name,
                            })}
                          </h3>
                          <p>
                            {new Date(entry.at).toLocaleString('nl-NL')} ·{' '}
                            {t('audit.by', {
                              who: entry.actor_role ?? t('audit.system'),
                            })}
                            <Show when={entry.reason ? REASON[entry.reason] : undefined}>
                              {(key) => <> · {t(key())}</>}
                            </Show>
                          </p>
                          <p class="card__text">{entry.record_id}</p>
                          <p class="card__text">
                            {t('audit.changes')}: {JSON.stringify(entry.changes)}
                          </p>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
            )}
          </Show>
        </Show>
      </Show>
    </Page>
  );
}
