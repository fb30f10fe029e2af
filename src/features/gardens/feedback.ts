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

/** One reaction or note in a garden project's history, as the page shows it. */
export interface HistoryEntry {
  id: string;
  kind: string;
  body: string;
  thumb: number | null;
  rating: number | null;
  created_at: string;
  /** Still on this device only. */
  unsent: boolean;
  /** The author's organisation: given to professionals only, never a person's name. */
  organisation?: string | undefined;
}

interface EventRow extends ReactionRow {
  id: string;
  body: string;
  created_at: string;
  organisation_id: string | null;
}

/** Who may read a reaction's organisation, and how to name it. */
export interface Attribution {
  /** Organisation names by id. */
  names: ReadonlyMap<string, string>;
  /** The reader's own organisation: the author of a row not yet sent (the server stamps it). */
  own: string | undefined;
}

/**
 * A garden project's history as its page shows it: live reactions and notes, newest first,
 * marked when still on this device (`unsent` ids). With `attribution` (professionals only) each
 * one names its author's organisation; without, nothing about the author is given.
 */
export function gardenHistory(
  rows: readonly EventRow[],
  unsent: ReadonlySet<string>,
  attribution?: Attribution,
): HistoryEntry[] {
  return rows
    .filter((r) => !r.deleted_at)
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id))
    .map((r) => {
      const onDevice = unsent.has(r.id);
      const entry: HistoryEntry = {
        id: r.id,
        kind: r.kind,
        body: r.body,
        thumb: r.thumb,
        rating: r.rating,
        created_at: r.created_at,
        unsent: onDevice,
      };
      if (attribution) {
        const org = r.organisation_id ?? (onDevice ? attribution.own : undefined);
        const name = org ? attribution.names.get(org) : undefined;
        if (name) entry.organisation = name;
      }
      return entry;
    });
}
