/** Numbers as people read them in the chosen language. */
import { language, t } from '../../lib/i18n/index.ts';
import type { MetricDef } from '../../lib/metrics/index.ts';

const locale = () => (language() === 'en' ? 'en-GB' : 'nl-NL');

/** A value of a measure, or "hidden / unknown" when there is none. */
export function formatValue(value: number | null | undefined, format: MetricDef['format']): string {
  if (value === null || value === undefined) return t('map.noData');
  switch (format) {
    case 'share':
      return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(
        value,
      );
    case 'grade':
    case 'rate':
      return new Intl.NumberFormat(locale(), {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(value);
    case 'area':
      return `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(value)} m²`;
    case 'count':
      return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(value);
  }
}

/** A count as shown, with the tenant's small-count rule spelled out. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return t('map.hidden');
  return new Intl.NumberFormat(locale()).format(value);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return t('map.neverSynced');
  return new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
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
