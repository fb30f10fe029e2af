/**
 * What an audit entry changed, in words: "Status: Nieuw → In behandeling", with the names of
 * fields from the dictionary and of records from the lookup (audit-labels.ts).
 */
import { language, t } from '../../lib/i18n/index.ts';
import type { AuditEntry } from './api.ts';
import {
  isRow,
  named,
  personName,
  recordLabel,
  REFERENCES,
  SOURCES,
  valuesOf,
  type AuditLookup,
  type Row,
  type SourceTable,
} from './audit-labels.ts';

/** What each table's `status` means (events carry an observation's statuses). */
const STATUS_PREFIX: Readonly<Record<string, string>> = {
  observations: 'obs.status.',
  observation_events: 'obs.status.',
  garden_projects: 'garden.status.',
  walks: 'walk.status.',
};

/** Fields whose values are codes with a name in the dictionary. */
const VALUE_PREFIX: Readonly<Record<string, string>> = {
  theme: 'grade.theme.',
  metric: 'buurt.metric.',
  living_room: 'acc.a.',
  toilet: 'acc.a.',
  bathroom: 'acc.a.',
  bedroom: 'acc.a.',
  scooter_storage: 'acc.scooter.',
  class: 'acc.result.',
  role: 'audit.role.',
  author_role: 'audit.role.',
  record_table: 'audit.table.',
};

/** Technical columns the readable list leaves out (the raw JSON keeps them). */
const HIDDEN = new Set(['id', 'municipality_code', 'bbox', 'label', 'storage_path']);
/** The fields that say most about a record come first; who and when last. */
const FIRST = ['title', 'display_name', 'name', 'category_code', 'kind', 'theme', 'metric'];
const LAST = ['created_by', 'created_at', 'deleted_at'];

/** Numbers that name something rather than count it. */
const NOT_AMOUNTS = new Set(['year', 'build_year', 'quarter', 'agreement_no']);

/** What redaction leaves in place of a value (private.redacted() in the database). */
const REDACTED = '[verwijderd]';

const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(withTime: boolean): Intl.DateTimeFormat {
  const locale = language() === 'en' ? 'en-GB' : 'nl-NL';
  const key = `${locale}${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      // A calendar day has no time zone; an instant is read in Dutch time.
      ...(withTime ? { timeStyle: 'short', timeZone: 'Europe/Amsterdam' } : { timeZone: 'UTC' }),
    });
    formatters.set(key, f);
  }
  return f;
}

/** One value as people read it: names for codes and ids, words for yes/no, dates as dates. */
export function formatValue(
  table: string,
  field: string,
  value: unknown,
  row: Row,
  lookup: AuditLookup,
): string {
  if (value === null || value === undefined || value === '') return t('audit.value.empty');
  if (value === REDACTED) return t('audit.value.redacted');
  const target =
    field === 'record_id' && table === 'attachments' ? row.record_table : REFERENCES[field];
  if (typeof target === 'string' && typeof value === 'string') {
    if (target === 'people') return personName(value, lookup);
    return (
      recordLabel(target, value, lookup) ||
      (SOURCES[target as SourceTable]?.key === 'code' ? value : t('audit.value.unknownRecord'))
    );
  }
  if (typeof value === 'string') {
    if (field === 'status' || field === 'from_status' || field === 'to_status')
      return named(STATUS_PREFIX[table] ?? 'obs.status.', value);
    if (field === 'kind') return named(`audit.kind.${table}.`, value);
    const prefix = VALUE_PREFIX[field];
    if (prefix) return named(prefix, value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value))
      return dateFormat(true).format(new Date(value));
    if (/^\d{4}-\d{2}-\d{2}$/.test(value))
      return dateFormat(false).format(new Date(`${value}T00:00:00Z`));
    return value;
  }
  if (typeof value === 'boolean') return t(value ? 'audit.value.yes' : 'audit.value.no');
  if (typeof value === 'number') {
    if (field === 'thumb') return t(value > 0 ? 'obs.feedback.up' : 'obs.feedback.down');
    if (field === 'rating' || field === 'severity') return t('audit.value.ofFive', { n: value });
    return value.toLocaleString(language() === 'en' ? 'en-GB' : 'nl-NL', {
      // A year or a number of an agreement is not an amount: 2027, not 2.027.
      useGrouping: !NOT_AMOUNTS.has(field),
    });
  }
  return JSON.stringify(value);
}

export interface ChangeLine {
  field: string;
  /** The value before the change (updates and deletes). */
  before?: string;
  /** The value after the change (updates and inserts). */
  after?: string;
}

function order(field: string): number {
  const first = FIRST.indexOf(field);
  if (first >= 0) return first - FIRST.length;
  return LAST.indexOf(field) + 1;
}

/** An entry's changes as lines "field: old → new", the important fields first. */
export function readableChanges(entry: AuditEntry, lookup: AuditLookup): ChangeLine[] {
  if (!isRow(entry.changes)) return [];
  const table = entry.table_name;
  const row = { ...lookup.rows.get(table)?.get(entry.record_id), ...valuesOf(entry) };
  const fields = Object.keys(entry.changes)
    .filter((f) => !HIDDEN.has(f))
    .sort((a, b) => order(a) - order(b));
  const lines: ChangeLine[] = [];
  for (const field of fields) {
    const raw = entry.changes[field];
    const label = named('audit.field.', field);
    const show = (v: unknown) => formatValue(table, field, v, row, lookup);
    if (entry.operation === 'update') {
      if (Array.isArray(raw))
        lines.push({ field: label, before: show(raw[0]), after: show(raw[1]) });
    } else if (raw !== null && raw !== '') {
      lines.push(
        entry.operation === 'insert'
          ? { field: label, after: show(raw) }
          : { field: label, before: show(raw) },
      );
    }
  }
  return lines;
}

/** A change line as plain text (the CSV). */
export function changeText(line: ChangeLine): string {
  if (line.before !== undefined && line.after !== undefined)
    return `${line.field}: ${line.before} → ${line.after}`;
  return `${line.field}: ${line.after ?? line.before ?? ''}`;
}
