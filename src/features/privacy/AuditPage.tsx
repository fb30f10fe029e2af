import { createSignal, For, Show, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { FormAlert, Page, TextField } from '../../ui/index.ts';
import { usePrivacyApi, type AuditEntry } from './api.ts';
import { AUDIT_TABLES, auditCsv, dutchDayRange, type AuditNames } from './audit.ts';
import { download } from './download.ts';
import { createIsMunicipality } from './municipality.ts';

const LIMIT = 1000;
/** Cards rendered at a time (a phone stays quick); the CSV always has every fetched entry. */
const PAGE = 200;

const OPERATION: Record<string, PlainKey> = {
  insert: 'audit.op.insert',
  update: 'audit.op.update',
  delete: 'audit.op.delete',
};
const REASON: Record<string, PlainKey> = {
  retention: 'audit.reason.retention',
  erasure: 'audit.reason.erasure',
  purge: 'audit.reason.purge',
};

const ROLES = ['gemeente', 'smederij', 'huurder', 'corporatie', 'service_role'];

function tableName(name: string): string {
  return (AUDIT_TABLES as readonly string[]).includes(name)
    ? t(`audit.table.${name}` as PlainKey)
    : name;
}

function roleName(role: string | null): string {
  if (!role) return t('audit.system');
  return ROLES.includes(role) ? t(`audit.role.${role}` as PlainKey) : role;
}

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
  const [shown, setShown] = createSignal(PAGE);
  const [people, setPeople] = createSignal(new Map<string, string>());
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
      const range = dutchDayRange(from(), to());
      const [list, persons] = await Promise.all([
        api.auditEntries({ table: table(), ...range, limit: LIMIT }),
        // Names are a help, not a condition: without them the role is shown.
        api.people().catch(() => []),
      ]);
      setPeople(new Map(persons.filter((p) => p.displayName).map((p) => [p.id, p.displayName])));
      setShown(PAGE);
      setEntries(list);
    } catch {
      setAlert(t('audit.failed'));
    } finally {
      setBusy(false);
    }
  }

  const names: AuditNames = {
    person: (id) => (id ? (people().get(id) ?? '') : ''),
    table: tableName,
    role: roleName,
  };

  function who(entry: AuditEntry): string {
    const name = names.person(entry.actor);
    const role = roleName(entry.actor_role);
    return name ? `${name} (${role})` : role;
  }

  function exportCsv() {
    download(
      `buurtpeil-logboek-${new Date().toISOString().slice(0, 10)}.csv`,
      auditCsv(entries() ?? [], names),
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
                <For each={AUDIT_TABLES}>
                  {(name) => <option value={name}>{tableName(name)}</option>}
                </For>
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
                  <Show when={list().length > shown()}>
                    <p>{t('audit.shown', { shown: shown(), count: list().length })}</p>
                  </Show>
                </div>
                <Show when={list().length} fallback={<p>{t('audit.empty')}</p>}>
                  <p>
                    <button type="button" class="button" onClick={exportCsv}>
                      {t('audit.export')}
                    </button>
                  </p>
                  <ul class="cards">
                    <For each={list().slice(0, shown())}>
                      {(entry) => (
                        <li class="card">
                          <h3 class="card__title">
                            {t('audit.entry', {
                              operation: OPERATION[entry.operation]
                                ? t(OPERATION[entry.operation] as PlainKey)
                                : entry.operation,
                              table: tableName(entry.table_name),
                            })}
                          </h3>
                          <p>
                            {new Date(entry.at).toLocaleString('nl-NL', {
                              timeZone: 'Europe/Amsterdam',
                            })}{' '}
                            · {t('audit.by', { who: who(entry) })}
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
                  <Show when={list().length > shown()}>
                    <button type="button" class="button" onClick={() => setShown((n) => n + PAGE)}>
                      {t('audit.more')}
                    </button>
                  </Show>
                </Show>
              </section>
            )}
          </Show>
        </Show>
      </Show>
    </Page>
  );
}
