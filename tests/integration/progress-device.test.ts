/**
 * The device computes the figures of neighbourhood_progress from the rows it pulls (offline
 * progress views); here both sides run on the same data: the rows a municipality user may read
 * through the API, and the RPC on the server, for several periods and for tenants' suppression.
 */
import { describe, expect, inject, it } from 'vitest';
import {
  computeProgress,
  normaliseServerRow,
  type ProgressInput,
} from '../../src/lib/metrics/index.ts';
import { DEMO, clientAs } from '../support/clients.ts';

const stack = inject('stack');

async function all<T>(
  query: (from: number, to: number) => PromiseLike<{ data: T[] | null; error: unknown }>,
): Promise<T[]> {
  const out: T[] = [];
  for (let from = 0; ; from += 1000) {
    const { data, error } = await query(from, from + 999);
    if (error) throw error;
    out.push(...(data ?? []));
    if (!data || data.length < 1000) return out;
  }
}

/** Everything a municipality user pulls, read through PostgREST as that user. */
async function pulledRows(): Promise<ProgressInput> {
  const api = clientAs(stack, DEMO.gemeente);
  const [neighbourhoods, observations, categories, gardens, checks, grades, targets] =
    await Promise.all([
      all((a, b) => api.from('neighbourhoods').select('*').range(a, b)),
      all((a, b) => api.from('observations').select('*').order('id').range(a, b)),
      all((a, b) => api.from('observation_categories').select('*').range(a, b)),
      all((a, b) => api.from('garden_projects').select('*').order('id').range(a, b)),
      all((a, b) => api.from('accessibility_checks').select('*').order('id').range(a, b)),
      all((a, b) => api.from('neighbourhood_grades').select('*').order('id').range(a, b)),
      all((a, b) => api.from('targets').select('*').order('id').range(a, b)),
    ]);
  return {
    municipality: 'GM0118',
    neighbourhoods,
    observations,
    categories,
    gardens,
    checks,
    grades,
    targets,
  };
}

async function serverRows(user: string, period: string | null) {
  const { data, error } = await clientAs(stack, user).rpc(
    'neighbourhood_progress',
    period === null ? {} : { period },
  );
  if (error) throw error;
  return (data as unknown as Record<string, unknown>[]).map(normaliseServerRow);
}

const now = new Date();
const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
const PERIODS = [
  null,
  String(now.getUTCFullYear()),
  String(now.getUTCFullYear() - 1),
  quarter,
  month,
];

describe('device figures and neighbourhood_progress agree on the same rows', () => {
  it('for the municipality, over all, a year, the previous year, a quarter and a month', async () => {
    const input = await pulledRows();
    expect(input.observations.length).toBeGreaterThan(100);
    expect(input.gardens.length).toBeGreaterThan(10);
    for (const period of PERIODS) {
      const device = computeProgress(input, { period, tenant: false, now: new Date() });
      const server = await serverRows(DEMO.gemeente, period);
      expect({ period, rows: device }).toEqual({ period, rows: server });
    }
  });

  it('for a tenant: the same small counts hidden and sensitive categories left out', async () => {
    const input = await pulledRows();
    for (const period of [null, quarter]) {
      const device = computeProgress(input, { period, tenant: true, now: new Date() });
      const server = await serverRows(DEMO.huurder, period);
      expect({ period, rows: device }).toEqual({ period, rows: server });
      // the rule bites on this data: something is hidden
      expect(server.some((r) => r.observations_resolved === null)).toBe(true);
    }
  });
});
