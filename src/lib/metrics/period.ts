/** Periods as neighbourhood_progress takes them: null (everything), 'YYYY', 'YYYY-Qn' or 'YYYY-MM'. */
export type Period = string | null;

/** First month and end month (exclusive) as 'YYYY-MM-01', like private.period_bounds. */
export function periodBounds(period: Period): { first: string; end: string } | undefined {
  if (period === null || period === '') return { first: '1900-01-01', end: '3000-01-01' };
  let m = /^(\d{4})$/.exec(period);
  if (m) return { first: `${m[1]}-01-01`, end: `${Number(m[1]) + 1}-01-01` };
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const start = (Number(m[2]) - 1) * 3;
    return { first: monthKey(Number(m[1]), start), end: monthKey(Number(m[1]), start + 3) };
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) {
    const start = Number(m[2]) - 1;
    return { first: monthKey(Number(m[1]), start), end: monthKey(Number(m[1]), start + 1) };
  }
  return undefined;
}

/** 'YYYY-MM-01' for a year and a zero-based month that may run past December. */
export function monthKey(year: number, month0: number): string {
  const y = year + Math.floor(month0 / 12);
  const m = ((month0 % 12) + 12) % 12;
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The month (as 'YYYY-MM-01', UTC like the database's session time zone) of a timestamp. */
export function monthOf(timestamp: string): string {
  // Fast path for UTC timestamps as the server and the device write them (no Date per row).
  if (/^\d{4}-\d{2}-\d{2}T[^+-]*(Z|[+-]00(:?00)?)$/.test(timestamp))
    return `${timestamp.slice(0, 7)}-01`;
  const d = new Date(timestamp);
  return monthKey(d.getUTCFullYear(), d.getUTCMonth());
}

/** Whether a month key lies in the period. */
export function inPeriod(month: string, bounds: { first: string; end: string }): boolean {
  return month >= bounds.first && month < bounds.end;
}

/** The year targets are read for: the period's year, else the current year. */
export function targetYear(period: Period, now: Date): number {
  const y = period ? Number(period.slice(0, 4)) : NaN;
  return Number.isFinite(y) ? y : now.getUTCFullYear();
}

/** The last `n` month keys up to and including the month of `now`, oldest first. */
export function lastMonths(now: Date, n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    monthKey(now.getUTCFullYear(), now.getUTCMonth() - (n - 1 - i)),
  );
}
