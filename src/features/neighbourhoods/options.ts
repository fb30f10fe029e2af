/** The view's choices, kept in the address so a view can be shared, reloaded and printed. */
import { METRICS, isMetric, type MetricKey } from '../../lib/metrics/index.ts';
import type { Level } from './shapes.ts';

export const DEFAULT_METRIC: MetricKey = 'share_resolved';

/** Periods offered: everything, each year of the agreements, and the quarters of this year and last. */
export function periodChoices(now: Date): string[] {
  const year = now.getUTCFullYear();
  const out = [''];
  for (let y = year; y >= 2023; y--) out.push(String(y));
  for (const y of [year, year - 1])
    for (let q = 4; q >= 1; q--)
      if (y < year || q <= Math.floor(now.getUTCMonth() / 3) + 1) out.push(`${y}-Q${q}`);
  return out;
}

export function readLevel(v: unknown): Level {
  return v === 'wijk' ? 'wijk' : 'buurt';
}
export function readMetric(v: unknown): MetricKey {
  return isMetric(v) ? v : DEFAULT_METRIC;
}
export function readPeriod(v: unknown): string | null {
  return typeof v === 'string' && /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(v) ? v : null;
}
export { METRICS };
