/** Tenants' reactions to garden projects, as a neighbourhood page shows them. */
import { shown } from '../../lib/metrics/index.ts';
import { summariseFeedback } from '../gardens/index.ts';

/** The figures shown; null where a tenant may not see them. */
export interface ShownFeedback {
  count: number | null;
  up: number | null;
  down: number | null;
  rated: number | null;
  /** Mean grade 1–5, one decimal; null without grades, or hidden. */
  average: number | null;
}

/**
 * Counts and the average grade of the feedback rows (professionals' comments left out). For
 * tenants the page's rule for every figure applies (neighbourhood_progress, private.shown): counts
 * under five are hidden, and so is an average of fewer than five grades.
 */
export function gardenFeedbackFigures(
  rows: readonly {
    kind: string;
    thumb: number | null;
    rating: number | null;
    deleted_at?: string | null;
  }[],
  tenant: boolean,
): ShownFeedback {
  const s = summariseFeedback(rows);
  return {
    count: shown(s.count, tenant),
    up: shown(s.up, tenant),
    down: shown(s.down, tenant),
    rated: shown(s.rated, tenant),
    average: tenant && s.rated < 5 ? null : s.average,
  };
}
