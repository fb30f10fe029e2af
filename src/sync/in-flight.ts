import type { OutboxEntry, SyncDatabase } from './db.ts';

/**
 * The entries on their way to the server: every pending entry up to this `seq` (kept in
 * `sync_state` under this key while a push runs). One small record marks a whole batch, instead
 * of rewriting each entry twice.
 */
export const IN_FLIGHT = 'in_flight';

/** The `seq` up to which pending entries are on their way, if a push is running (or was killed). */
export async function inFlightUpTo(db: SyncDatabase): Promise<number | undefined> {
  return (await db.sync_state.get(IN_FLIGHT))?.value as number | undefined;
}

/**
 * Whether an entry may have reached the server: it was sent before, or it is on its way now. The
 * server would skip such an entry as a duplicate if it came again with more in it, so a later
 * change to its record must be an entry of its own. `inFlight` is `inFlightUpTo`, read in the
 * same transaction.
 */
export function isSent(entry: OutboxEntry, inFlight: number | undefined): boolean {
  return entry.attempts > 0 || entry.status !== 'pending' || (inFlight ?? 0) >= entry.seq;
}
