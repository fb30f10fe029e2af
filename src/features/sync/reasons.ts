import type { PlainKey } from '../../lib/i18n/index.ts';
import type { OutboxEntry } from '../../sync/db.ts';

const KNOWN: Record<string, PlainKey> = {
  outside_municipality: 'sync.reason.outside_municipality',
  not_allowed: 'sync.reason.not_allowed',
  deleted: 'sync.reason.deleted',
  duplicate: 'sync.reason.duplicate',
  unknown_category: 'sync.reason.unknown_category',
  status_transition: 'sync.reason.status_transition',
  close_reason_required: 'sync.reason.close_reason_required',
  not_found: 'sync.reason.not_found',
  photo_removed: 'sync.reason.photo_removed',
  // The server's own texts say "cijfer"; the app calls the 1–5 rating "sterren" everywhere.
  rating_range: 'sync.reason.rating_range',
  feedback_needs_rating: 'sync.reason.feedback_needs_rating',
};

/**
 * Why the server refused a change, in the person's language where the app knows the reason; the
 * server's own (Dutch) message otherwise, so the reason is never hidden.
 */
export function reasonOf(entry: OutboxEntry): { key: PlainKey } | { text: string } {
  const key = entry.error_code ? KNOWN[entry.error_code] : undefined;
  return key ? { key } : { text: entry.error_message || entry.error_code || '' };
}

/** The dictionary key naming the kind of record a change is about. */
export function recordKey(entry: OutboxEntry): PlainKey {
  return `record.${entry.table}` as PlainKey;
}
