import { createSignal, For, Show, type JSX } from 'solid-js';
import { language, t, type PlainKey } from '../../lib/i18n/index.ts';
import { FormAlert, Page, TextField } from '../../ui/index.ts';
import { usePrivacyApi, type AuditEntry } from './api.ts';
import { AUDIT_TABLES, auditCsv, dutchDayRange } from './audit.ts';
import {
  describeActor,
  loadLookup,
  recordLabel,
  tableName,
  type AuditLookup,
} from './audit-labels.ts';
import { readableChanges } from './audit-changes.ts';
import { download } from './download.ts';
import { createIsMunicipality } from './municipality.ts';
import './audit.css';

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
  const [lookup, setLookup] = createSignal<AuditLookup>({ people: new Map(), rows: new Map() });
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
      // The records' names, from what the municipality may read (RLS); what is not found keeps
      // its raw values under "Technische gegevens".
      setLookup(
        await loadLookup(list, persons, (t, key, keys, columns) =>
          api.auditRows({ table: t, key, keys, columns }),
        ),
      );
      setShown(PAGE);
      setEntries(list);
    } catch {
      setAlert(t('audit.failed'));
    } finally {
      setBusy(false);
    }
  }

  function exportCsv() {
    download(
      `buurtpeil-logboek-${new Date().toISOString().slice(0, 10)}.csv`,
      auditCsv(entries() ?? [], lookup()),
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
                      {(entry) => <EntryCard entry={entry} lookup={lookup()} />}
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

/** One entry: what happened to which record, who did it, and the changes in words. */
function EntryCard(props: { entry: AuditEntry; lookup: AuditLookup }): JSX.Element {
  const label = () => recordLabel(props.entry.table_name, props.entry.record_id, props.lookup);
  const lines = () => readableChanges(props.entry, props.lookup);
  const changesId = () => `audit-${props.entry.id}-changes`;
  return (
    <li class="card audit-entry">
      <h3 class="card__title">
        {t('audit.entry', {
          operation: OPERATION[props.entry.operation]
            ? t(OPERATION[props.entry.operation] as PlainKey)
            : props.entry.operation,
          table: tableName(props.entry.table_name),
        })}
      </h3>
      <Show when={label()}>
        <p class="audit-entry__record">{label()}</p>
      </Show>
      <p>
        {new Date(props.entry.at).toLocaleString(language() === 'en' ? 'en-GB' : 'nl-NL', {
          timeZone: 'Europe/Amsterdam',
        })}{' '}
        · {t('audit.by', { who: describeActor(props.entry, props.lookup) })}
        <Show when={props.entry.reason ? REASON[props.entry.reason] : undefined}>
          {(key) => <> · {t(key())}</>}
        </Show>
      </p>
      <Show when={lines().length}>
        <p id={changesId()} class="audit-entry__changes-title">
          {t('audit.changes')}
        </p>
        <ul class="audit-changes" aria-labelledby={changesId()}>
          <For each={lines()}>
            {(line) => (
              <li>
                <span class="audit-changes__field">{line.field}:</span>{' '}
                <Show
                  when={line.before !== undefined && line.after !== undefined}
                  fallback={line.after ?? line.before}
                >
                  {line.before} <span aria-hidden="true">→</span>
                  <span class="visually-hidden">{t('audit.becomes')}</span> {line.after}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <details class="audit-raw">
        <summary>{t('audit.raw')}</summary>
        <p class="card__text">{t('audit.recordId', { id: props.entry.record_id })}</p>
        <pre class="audit-raw__json">{JSON.stringify(props.entry.changes, null, 2)}</pre>
      </details>
    </li>
  );
}
