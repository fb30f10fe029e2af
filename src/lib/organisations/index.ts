/**
 * Whether an organisation still takes new work on `day` (an ISO date): one that ended (such as
 * Woonservice, merged in 2026) keeps its history but is no longer offered for new records.
 */
export function stillActive(
  org: { active_until: string | null; deleted_at?: string | null },
  day: string = new Date().toISOString().slice(0, 10),
): boolean {
  return !org.deleted_at && (!org.active_until || org.active_until > day);
}
