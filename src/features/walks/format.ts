import { language } from '../../lib/i18n/index.ts';

/** A walk's date ("YYYY-MM-DD", a calendar day without time zone) as people read it. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(
    language() === 'nl' ? 'nl-NL' : 'en-GB',
    { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  );
}
