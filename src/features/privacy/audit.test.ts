import { beforeAll, describe, expect, test } from 'vitest';
import { loadAreas } from '../../lib/i18n/index.ts';
import type { AuditEntry } from './api.ts';
import { auditCsv, dutchDayRange, dutchDayStart } from './audit.ts';
import { loadLookup } from './audit-labels.ts';

// The texts the audit log screen loads with its route (privacy/index.ts).
beforeAll(() => loadAreas(['audit', 'fieldwork', 'neighbourhoods', 'privacy']));

describe('Dutch calendar days', () => {
  test('start at local midnight: 23:00 UTC in winter, 22:00 UTC in summer', () => {
    expect(dutchDayStart('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(dutchDayStart('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    // The days of the clock changes (29 March and 25 October 2026).
    expect(dutchDayStart('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(dutchDayStart('2026-03-30')).toBe('2026-03-29T22:00:00.000Z');
    expect(dutchDayStart('2026-10-25')).toBe('2026-10-24T22:00:00.000Z');
    expect(dutchDayStart('2026-10-26')).toBe('2026-10-25T23:00:00.000Z');
  });

  test('a range runs up to and including the last day, also across a month end', () => {
    expect(dutchDayRange('2026-06-01', '2026-06-30')).toEqual({
      fromAt: '2026-05-31T22:00:00.000Z',
      beforeAt: '2026-06-30T22:00:00.000Z',
    });
    expect(dutchDayRange('', '2026-12-31')).toEqual({
      fromAt: undefined,
      beforeAt: '2026-12-31T23:00:00.000Z',
    });
  });
});

describe('audit CSV', () => {
  const entry: AuditEntry = {
    id: 7,
    at: '2026-11-26T10:00:00Z',
    actor: 'p1',
    actor_role: 'gemeente',
    table_name: 'targets',
    record_id: 'r1',
    operation: 'insert',
    changes: { metric: 'trees_planted', year: 2027, description: '=SUM(A1); 40 bomen' },
    reason: null,
    redacted_at: null,
  };

  test('is Dutch-spreadsheet CSV: BOM, semicolons, names, and no formulas', async () => {
    const people = [
      {
        id: 'p1',
        displayName: 'Anna de Vries',
        role: 'gemeente',
        organisation: 'Gemeente Hoogeveen',
      },
    ];
    const csv = auditCsv([entry], await loadLookup([entry], people, () => Promise.resolve([])));
    expect(csv.startsWith('\uFEFFid;tijdstip;door_id;door;rol;tabel;soort_gegevens;')).toBe(true);
    const line = csv.split('\r\n')[1];
    // Every raw value first (as before), then the names and changes the screen shows.
    expect(line).toBe(
      '7;2026-11-26T10:00:00Z;p1;Anna de Vries;gemeente;targets;Doelen;r1;insert;;;' +
        '"{""metric"":""trees_planted"",""year"":2027,""description"":""=SUM(A1); 40 bomen""}";' +
        'Gemeente Hoogeveen;Bomen geplant · 2027;"Wat we meten: Bomen geplant\nJaar: 2027\nBeschrijving: =SUM(A1); 40 bomen"',
    );
  });
});
