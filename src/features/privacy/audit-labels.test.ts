import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { loadAreas, setLanguage } from '../../lib/i18n/index.ts';
import type { AuditEntry, Person } from './api.ts';
import { changeText, readableChanges } from './audit-changes.ts';
import {
  describeActor,
  loadLookup,
  recordLabel,
  type FetchRows,
  type Row,
} from './audit-labels.ts';

const OBS = '01900000-0000-7000-8000-000000000001';
const EVENT = '01900000-0000-7000-8000-000000000002';
const GARDEN = '01900000-0000-7000-8000-000000000003';
const PHOTO = '01900000-0000-7000-8000-000000000004';
const WOONCONCEPT = '0a000000-0000-4000-8000-000000000011';
const ANNA = '0b000000-0000-4000-8000-000000000001';
const GONE = '0b000000-0000-4000-8000-000000000099';

const people: Person[] = [
  { id: ANNA, displayName: 'Anna de Vries', role: 'smederij', organisation: 'De Smederijen' },
];

/** What the server holds (and RLS lets the municipality read), by table and key. */
const server: Record<string, Row[]> = {
  observations: [{ id: OBS, category_code: 'schoon.zwerfafval', neighbourhood_code: 'BU01185001' }],
  observation_events: [{ id: EVENT, kind: 'feedback', observation_id: OBS }],
  garden_projects: [{ id: GARDEN, title: 'Tuinaanpak Pesse', neighbourhood_code: 'BU01185001' }],
  organisations: [{ id: WOONCONCEPT, name: 'Woonconcept' }],
  neighbourhoods: [{ code: 'BU01185001', name: 'Noord' }],
  observation_categories: [{ code: 'schoon.zwerfafval', name_nl: 'Zwerfafval', name_en: 'Litter' }],
};

function fakeServer(): { fetch: FetchRows; asked: string[] } {
  const asked: string[] = [];
  const fetch: FetchRows = (table, key, keys, columns) => {
    asked.push(`${table}(${columns.join(',')}) ${[...keys].sort().join(',')}`);
    return Promise.resolve(
      (server[table] ?? [])
        .filter((r) => keys.includes(String(r[key])))
        .map((r) => Object.fromEntries(columns.map((c) => [c, r[c]]))),
    );
  };
  return { fetch, asked };
}

let nextId = 1;
function entry(over: Partial<AuditEntry>): AuditEntry {
  return {
    id: nextId++,
    at: '2026-11-26T10:00:00Z',
    actor: ANNA,
    actor_role: 'smederij',
    table_name: 'observations',
    record_id: OBS,
    operation: 'update',
    changes: {},
    reason: null,
    redacted_at: null,
    ...over,
  };
}

// The texts the audit log screen loads with its route (privacy/index.ts).
beforeAll(() => loadAreas(['audit', 'fieldwork', 'neighbourhoods', 'privacy']));
afterEach(() => setLanguage('nl'));

describe('naming the records of entries', () => {
  test('follows references a few steps: a reaction names its report, the report its category and buurt', async () => {
    const { fetch, asked } = fakeServer();
    const reaction = entry({
      table_name: 'observation_events',
      record_id: EVENT,
      operation: 'insert',
    });
    const lookup = await loadLookup([reaction], people, fetch);
    expect(recordLabel('observation_events', EVENT, lookup)).toBe(
      'Reactie van een huurder bij Zwerfafval · Noord',
    );
    // Only the columns a label needs, each record asked for once.
    expect(asked).toEqual([
      `observation_events(id,kind,observation_id) ${EVENT}`,
      `observations(id,category_code,neighbourhood_code) ${OBS}`,
      'observation_categories(code,name_nl,name_en) schoon.zwerfafval',
      'neighbourhoods(code,name) BU01185001',
    ]);
  });

  test('the entries name what the server no longer has (a purged report, a redacted address)', async () => {
    const purged = '01900000-0000-7000-8000-0000000000ff';
    const entries = [
      entry({
        table_name: 'observations',
        record_id: purged,
        operation: 'delete',
        changes: {
          id: purged,
          category_code: 'schoon.zwerfafval',
          neighbourhood_code: 'BU01185001',
        },
      }),
      entry({
        table_name: 'accessibility_checks',
        record_id: '01900000-0000-7000-8000-0000000000fe',
        operation: 'insert',
        changes: { address: '[verwijderd]', neighbourhood_code: 'BU01185001' },
      }),
    ];
    const lookup = await loadLookup(entries, people, fakeServer().fetch);
    expect(recordLabel('observations', purged, lookup)).toBe('Zwerfafval · Noord');
    expect(
      recordLabel('accessibility_checks', '01900000-0000-7000-8000-0000000000fe', lookup),
    ).toBe('[verwijderd] · Noord');
  });

  test('a photo names its record; a garden its title; a grade its theme, buurt and quarter', async () => {
    const entries = [
      entry({
        table_name: 'attachments',
        record_id: PHOTO,
        operation: 'insert',
        changes: { kind: 'before', record_table: 'garden_projects', record_id: GARDEN },
      }),
      entry({
        table_name: 'neighbourhood_grades',
        record_id: '01900000-0000-7000-8000-000000000005',
        operation: 'insert',
        changes: { theme: 'schoon', year: 2026, quarter: 4, neighbourhood_code: 'BU01185001' },
      }),
    ];
    const lookup = await loadLookup(entries, people, fakeServer().fetch);
    expect(recordLabel('attachments', PHOTO, lookup)).toBe('Foto vooraf bij Tuinaanpak Pesse');
    expect(recordLabel('garden_projects', GARDEN, lookup)).toBe('Tuinaanpak Pesse');
    expect(
      recordLabel('neighbourhood_grades', '01900000-0000-7000-8000-000000000005', lookup),
    ).toBe('Schoon · Noord · 4e kwartaal 2026');
  });

  test('when the server does not answer, the screen still works with what the entries say', async () => {
    const failing: FetchRows = () => Promise.reject(new Error('offline'));
    const lookup = await loadLookup(
      [entry({ changes: { status: ['nieuw', 'opgelost'] } })],
      people,
      failing,
    );
    expect(recordLabel('observations', OBS, lookup)).toBe('');
    expect(readableChanges(entry({ changes: { status: ['nieuw', 'opgelost'] } }), lookup)).toEqual([
      { field: 'Status', before: 'Nieuw', after: 'Opgelost' },
    ]);
  });
});

describe('who made a change', () => {
  test('name and organisation where the municipality sees the person; otherwise the role', async () => {
    const lookup = await loadLookup([], people, fakeServer().fetch);
    expect(describeActor(entry({}), lookup)).toBe('Anna de Vries, De Smederijen (buurtteam)');
    expect(describeActor(entry({ actor: GONE, actor_role: 'huurder' }), lookup)).toBe('huurder');
    expect(describeActor(entry({ actor: null, actor_role: null }), lookup)).toBe('het systeem');
  });
});

describe('what changed, in words', () => {
  test('an update: old → new with field names, ids and codes as names', async () => {
    const change = entry({
      changes: {
        status: ['nieuw', 'in_behandeling'],
        assigned_organisation_id: [null, WOONCONCEPT],
        resolved_at: [null, '2026-11-26T10:30:00+00:00'],
        sensitive: [false, true],
      },
    });
    const lookup = await loadLookup([change], people, fakeServer().fetch);
    expect(readableChanges(change, lookup).map(changeText)).toEqual([
      'Status: Nieuw → In behandeling',
      'Toegewezen aan: (leeg) → Woonconcept',
      'Opgelost op: (leeg) → 26 nov 2026, 11:30',
      'Gevoelig: Nee → Ja',
    ]);
  });

  test('an insert: the values it was made with, most telling first, technical fields left out', async () => {
    const made = entry({
      table_name: 'observation_events',
      record_id: EVENT,
      operation: 'insert',
      changes: {
        id: EVENT,
        municipality_code: 'GM0118',
        body: '',
        created_by: GONE,
        rating: 4,
        thumb: 1,
        kind: 'feedback',
        from_status: null,
        observation_id: OBS,
      },
    });
    const lookup = await loadLookup([made], people, fakeServer().fetch);
    expect(readableChanges(made, lookup).map(changeText)).toEqual([
      'Soort: Reactie van een huurder',
      'Sterren: 4 van 5',
      'Oordeel: Goed',
      'Melding: Zwerfafval · Noord',
      'Gemaakt door: iemand die je niet (meer) kunt zien',
    ]);
  });

  test('a purge: what the record held, redacted text shown as removed', async () => {
    const gone = entry({
      operation: 'delete',
      reason: 'purge',
      changes: { description: '[verwijderd]', severity: 3, neighbourhood_code: 'BU01185001' },
    });
    const lookup = await loadLookup([gone], people, fakeServer().fetch);
    expect(readableChanges(gone, lookup)).toEqual([
      { field: 'Beschrijving', before: '[verwijderd]' },
      { field: 'Hoe erg', before: '3 van 5' },
      { field: 'Buurt', before: 'Noord' },
    ]);
  });

  test('in English too', async () => {
    await setLanguage('en');
    const change = entry({
      changes: { category_code: ['schoon.zwerfafval', 'schoon.zwerfafval'] },
    });
    const lookup = await loadLookup([change], people, fakeServer().fetch);
    expect(readableChanges(change, lookup).map(changeText)).toEqual([
      'Kind of report: Litter → Litter',
    ]);
    expect(recordLabel('observations', OBS, lookup)).toBe('Litter · Noord');
  });
});
