/**
 * The audit log in words: who made a change and which record it was about (audit-changes.ts says
 * what changed). Names come from the entries themselves and from rows the municipality may read
 * anyway (RLS decides what the server gives; nothing here asks for more).
 */
import { hasText, localName, t, type PlainKey } from '../../lib/i18n/index.ts';
import type { AuditEntry, Person } from './api.ts';

export type Row = Readonly<Record<string, unknown>>;

/** What the screen reads of a table to name its records: the key and the columns a label needs. */
export const SOURCES = {
  observations: { key: 'id', columns: ['category_code', 'neighbourhood_code'] },
  observation_events: { key: 'id', columns: ['kind', 'observation_id'] },
  garden_projects: { key: 'id', columns: ['title', 'neighbourhood_code'] },
  garden_project_events: { key: 'id', columns: ['kind', 'garden_project_id'] },
  accessibility_checks: { key: 'id', columns: ['address', 'complex_name', 'neighbourhood_code'] },
  neighbourhood_grades: { key: 'id', columns: ['theme', 'year', 'quarter', 'neighbourhood_code'] },
  walks: { key: 'id', columns: ['title', 'neighbourhood_code'] },
  walk_participants: { key: 'id', columns: ['walk_id', 'organisation_id'] },
  targets: { key: 'id', columns: ['metric', 'year', 'neighbourhood_code'] },
  attachments: { key: 'id', columns: ['kind', 'record_table', 'record_id'] },
  organisations: { key: 'id', columns: ['name'] },
  neighbourhoods: { key: 'code', columns: ['name'] },
  observation_categories: { key: 'code', columns: ['name_nl', 'name_en'] },
} as const satisfies Record<string, { key: string; columns: readonly string[] }>;
export type SourceTable = keyof typeof SOURCES;

/** Fields that point at another record; `people` are the profiles the page already has. */
export const REFERENCES: Readonly<Record<string, SourceTable | 'people'>> = {
  category_code: 'observation_categories',
  neighbourhood_code: 'neighbourhoods',
  wijk_code: 'neighbourhoods',
  organisation_id: 'organisations',
  assigned_organisation_id: 'organisations',
  reporter_organisation_id: 'organisations',
  corporation_id: 'organisations',
  observation_id: 'observations',
  garden_project_id: 'garden_projects',
  walk_id: 'walks',
  created_by: 'people',
  profile_id: 'people',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AuditLookup {
  people: ReadonlyMap<string, Person>;
  /** Rows by table and key: what the server gave, over what the loaded entries say themselves. */
  rows: ReadonlyMap<string, ReadonlyMap<string, Row>>;
}

/** Whether `key` has a text: the audit log screen loads the areas its keys come from. */
export function known(key: string): key is PlainKey {
  return hasText(key);
}

export function named(prefix: string, value: string): string {
  const key = prefix + value;
  return known(key) ? t(key) : value;
}

export function tableName(table: string): string {
  return named('audit.table.', table);
}

export function roleName(role: string | null): string {
  return role ? named('audit.role.', role) : t('audit.system');
}

export function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The values an entry records: each field's new value (the old one with `old`). */
export function valuesOf(entry: AuditEntry, old = false): Row {
  if (!isRow(entry.changes)) return {};
  if (entry.operation !== 'update') return entry.changes;
  const values: Record<string, unknown> = {};
  for (const [field, pair] of Object.entries(entry.changes))
    if (Array.isArray(pair)) values[field] = pair[old ? 0 : 1];
  return values;
}

/** The records as the entries show them, oldest entry first, so the latest state wins. */
export function entryRows(entries: readonly AuditEntry[]): Map<string, Map<string, Row>> {
  const rows = new Map<string, Map<string, Row>>();
  for (const entry of [...entries].sort((a, b) => a.id - b.id)) {
    const table = rows.get(entry.table_name) ?? new Map<string, Row>();
    rows.set(entry.table_name, table);
    table.set(entry.record_id, { ...table.get(entry.record_id), ...valuesOf(entry) });
  }
  return rows;
}

function isSource(table: unknown): table is SourceTable {
  return typeof table === 'string' && Object.hasOwn(SOURCES, table);
}

/** The records the entries and the rows known so far point at, that were not asked for yet. */
export function wantedRows(
  entries: readonly AuditEntry[],
  rows: ReadonlyMap<string, ReadonlyMap<string, Row>>,
  asked: ReadonlySet<string>,
): Map<SourceTable, Set<string>> {
  const wanted = new Map<SourceTable, Set<string>>();
  const want = (table: unknown, key: unknown) => {
    if (!isSource(table) || typeof key !== 'string' || asked.has(`${table}:${key}`)) return;
    if (SOURCES[table].key === 'id' && !UUID.test(key)) return;
    wanted.set(table, (wanted.get(table) ?? new Set()).add(key));
  };
  const scan = (row: Row) => {
    for (const [field, value] of Object.entries(row)) want(REFERENCES[field], value);
    want(row.record_table, row.record_id);
  };
  for (const entry of entries) {
    want(entry.table_name, entry.record_id);
    scan(valuesOf(entry, true));
  }
  for (const table of rows.values()) for (const row of table.values()) scan(row);
  return wanted;
}

export type FetchRows = (
  table: SourceTable,
  key: string,
  keys: string[],
  columns: string[],
) => Promise<Row[]>;

/**
 * Everything the screen needs to name the records of some entries: the entries' own values,
 * then the rows they point at (an event's report, that report's category and buurt), a few
 * rounds deep. A table the server does not answer for stays unnamed; the raw values remain.
 */
export async function loadLookup(
  entries: readonly AuditEntry[],
  people: readonly Person[],
  fetchRows: FetchRows,
  rounds = 3,
): Promise<AuditLookup> {
  const rows = entryRows(entries);
  const asked = new Set<string>();
  for (let round = 0; round < rounds; round++) {
    const wanted = wantedRows(entries, rows, asked);
    if (!wanted.size) break;
    await Promise.all(
      [...wanted].map(async ([table, keys]) => {
        for (const k of keys) asked.add(`${table}:${k}`);
        const { key, columns } = SOURCES[table];
        const found = await fetchRows(table, key, [...keys], [key, ...columns]).catch(() => []);
        const byKey = rows.get(table) ?? new Map<string, Row>();
        rows.set(table, byKey);
        for (const row of found)
          byKey.set(String(row[key]), { ...byKey.get(String(row[key])), ...row });
      }),
    );
  }
  return { people: new Map(people.map((p) => [p.id, p])), rows };
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

export function personName(id: string, lookup: AuditLookup): string {
  return lookup.people.get(id)?.displayName || t('audit.value.unknownPerson');
}

/** The name of a record, or '' when nothing about it is known. */
export function recordLabel(table: string, key: string, lookup: AuditLookup, depth = 0): string {
  const row = lookup.rows.get(table)?.get(key);
  const ref = (t2: string, k: unknown) =>
    depth < 2 && typeof k === 'string' ? recordLabel(t2, k, lookup, depth + 1) : '';
  const buurt = () =>
    ref('neighbourhoods', row?.neighbourhood_code) || text(row?.neighbourhood_code);
  const join = (...parts: string[]) => parts.filter(Boolean).join(' · ');
  const of = (what: string, record: string) =>
    record ? t('audit.label.of', { what, record }) : what;
  switch (table) {
    case 'profiles':
      return lookup.people.get(key)?.displayName || text(row?.display_name);
    case 'profile_neighbourhoods':
      return row ? join(personName(text(row.profile_id), lookup), buurt()) : '';
    case 'retention_policies':
      return '';
  }
  if (!row) return '';
  switch (table) {
    case 'observation_categories':
      return typeof row.name_nl === 'string' && typeof row.name_en === 'string'
        ? localName({ name_nl: row.name_nl, name_en: row.name_en })
        : key;
    case 'neighbourhoods':
    case 'organisations':
      return text(row.name);
    case 'observations':
      return join(
        ref('observation_categories', row.category_code) || text(row.category_code),
        buurt(),
      );
    case 'observation_events':
    case 'garden_project_events':
      return of(
        named(`audit.kind.${table}.`, text(row.kind)),
        table === 'observation_events'
          ? ref('observations', row.observation_id)
          : ref('garden_projects', row.garden_project_id),
      );
    case 'garden_projects':
    case 'walks':
      return text(row.title);
    case 'accessibility_checks':
      return join(text(row.address) || text(row.complex_name), buurt());
    case 'neighbourhood_grades':
      return join(
        named('grade.theme.', text(row.theme)),
        buurt(),
        row.year && row.quarter
          ? t('grade.quarter', { quarter: text(row.quarter), year: text(row.year) })
          : '',
      );
    case 'walk_participants':
      return of(ref('organisations', row.organisation_id), ref('walks', row.walk_id));
    case 'targets':
      return join(named('buurt.metric.', text(row.metric)), text(row.year), buurt());
    case 'attachments':
      return of(
        named('audit.kind.attachments.', text(row.kind)),
        ref(text(row.record_table), row.record_id),
      );
  }
  return '';
}

/** Who made a change: their name and organisation where the municipality may see them. */
export function describeActor(entry: AuditEntry, lookup: AuditLookup): string {
  const role = roleName(entry.actor_role);
  const person = entry.actor ? lookup.people.get(entry.actor) : undefined;
  if (!person?.displayName) return role;
  return person.organisation
    ? t('audit.who', { name: person.displayName, organisation: person.organisation, role })
    : t('audit.whoNoOrganisation', { name: person.displayName, role });
}
