/** What professionals see of the tenants' reactions to a garden project, at a glance. */
export interface FeedbackSummary {
  /** Feedback rows (comments by professionals are not counted). */
  count: number;
  up: number;
  down: number;
  /** Feedback rows with a grade. */
  rated: number;
  /** The mean grade (1–5) rounded to one decimal, or null without grades. */
  average: number | null;
}

interface ReactionRow {
  kind: string;
  thumb: number | null;
  rating: number | null;
  deleted_at?: string | null;
}

/** Counts thumbs and averages grades of the live feedback rows. */
export function summariseFeedback(rows: readonly ReactionRow[]): FeedbackSummary {
  const feedback = rows.filter((r) => r.kind === 'feedback' && !r.deleted_at);
  const grades = feedback.map((r) => r.rating).filter((g): g is number => g != null);
  const sum = grades.reduce((a, b) => a + b, 0);
  return {
    count: feedback.length,
    up: feedback.filter((r) => r.thumb === 1).length,
    down: feedback.filter((r) => r.thumb === -1).length,
    rated: grades.length,
    average: grades.length ? Math.round((sum / grades.length) * 10) / 10 : null,
  };
}
