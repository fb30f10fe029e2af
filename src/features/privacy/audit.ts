import { toCsv } from '../../lib/metrics/csv.ts';
import type { AuditEntry } from './api.ts';
import { changeText, readableChanges } from './audit-changes.ts';
import { recordLabel, roleName, tableName, type AuditLookup } from './audit-labels.ts';

/** The tables the audit log covers, in the order the filter lists them. */
export const AUDIT_TABLES = [
  'observations',
  'observation_events',
  'garden_projects',
  'garden_project_events',
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

const ZONE = 'Europe/Amsterdam';

/** Minutes Amsterdam is ahead of UTC at this instant (60 in winter, 120 in summer). */
function offsetMinutes(at: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((local - Math.floor(at / 1000) * 1000) / 60000);
}

/** The instant a Dutch calendar day (yyyy-mm-dd) starts, as an ISO string in UTC. */
export function dutchDayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d);
  // Midnight is never inside a DST jump in Amsterdam (they happen at 02:00 and 03:00).
  let at = midnightUtc - offsetMinutes(midnightUtc) * 60000;
  at = midnightUtc - offsetMinutes(at) * 60000;
  return new Date(at).toISOString();
}

/** The day after a yyyy-mm-dd day, as yyyy-mm-dd. */
function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The instants that bound Dutch calendar days `from` up to and including `to` (both optional):
 * from the start of `from` (inclusive) to the start of the day after `to` (exclusive).
 */
export function dutchDayRange(
  from: string,
  to: string,
): { fromAt: string | undefined; beforeAt: string | undefined } {
  return {
    fromAt: from ? dutchDayStart(from) : undefined,
    beforeAt: to ? dutchDayStart(nextDay(to)) : undefined,
  };
}

const HEADER = [
  'id',
  'tijdstip',
  'door_id',
  'door',
  'rol',
  'tabel',
  'soort_gegevens',
  'record_id',
  'handeling',
  'reden',
  'gewist_op',
  'wijzigingen',
  'organisatie',
  'omschrijving',
  'wijzigingen_leesbaar',
] as const;

/**
 * The audit entries as CSV for Dutch spreadsheets (the app's one CSV writer, lib/metrics): every
 * raw value, and the same names and readable changes the screen shows.
 */
export function auditCsv(entries: readonly AuditEntry[], lookup: AuditLookup): string {
  return toCsv(
    HEADER,
    entries.map((e) => {
      const person = e.actor ? lookup.people.get(e.actor) : undefined;
      return [
        e.id,
        e.at,
        e.actor,
        person?.displayName,
        roleName(e.actor_role),
        e.table_name,
        tableName(e.table_name),
        e.record_id,
        e.operation,
        e.reason,
        e.redacted_at,
        JSON.stringify(e.changes),
        person?.organisation,
        recordLabel(e.table_name, e.record_id, lookup),
        readableChanges(e, lookup).map(changeText).join('\n'),
      ];
    }),
  );
}
