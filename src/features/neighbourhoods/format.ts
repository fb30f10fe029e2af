/** Numbers as people read them in the chosen language. */
import { language, t } from '../../lib/i18n/index.ts';
import type { MetricDef } from '../../lib/metrics/index.ts';

const locale = () => (language() === 'en' ? 'en-GB' : 'nl-NL');

/**
 * Intl formatters are slow to make and fast to use: one per language and options, kept. (Making
 * them per value made tables and charts the slowest part of these pages.)
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numbers(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n${locale()}${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale(), options)));
  return f;
}
function dates(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d${locale()}${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale(), options)));
  return f;
}

/** A value of a measure, or "hidden / unknown" when there is none. */
export function formatValue(value: number | null | undefined, format: MetricDef['format']): string {
  if (value === null || value === undefined) return t('map.noData');
  switch (format) {
    case 'share':
      return numbers({ style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'grade':
    case 'rate':
      return numbers({ minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case 'area':
      return `${numbers({ maximumFractionDigits: 0 }).format(value)} m²`;
    case 'count':
      return numbers({ maximumFractionDigits: 0 }).format(value);
  }
}

/** A count as shown, with the tenant's small-count rule spelled out. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return t('map.hidden');
  return numbers().format(value);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return t('map.neverSynced');
  return dates({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A day, as in lists of reports and reactions. */
export function formatDate(iso: string): string {
  return dates({ dateStyle: 'short' }).format(new Date(iso));
}

/** Starts a download of text as a file (CSV, GeoJSON), made on the device, so it works offline. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
