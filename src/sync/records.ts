import { addPhoto, type NewPhoto } from './photos.ts';
import { insertRecord, updateRecord, type WriteContext } from './writes.ts';

/** What a person enters for a new observation. */
export interface ObservationInput {
  category_code: string;
  severity: number;
  description: string;
  /** Postgres point literal "(lon,lat)". */
  location: string;
  accuracy_m: number | null;
  /** The buurt the device found for the point (the server decides again). */
  neighbourhood_code: string;
  walk_id?: string | null;
  observed_at?: string;
}

/**
 * Saves an observation with its photos: the record, every photo's bytes and attachment row, and
 * their outbox entries in one transaction. A full disk leaves nothing half-saved.
 */
export async function createObservation(
  ctx: WriteContext,
  input: ObservationInput,
  photos: Omit<NewPhoto, 'table' | 'recordId'>[] = [],
): Promise<string> {
  const { db } = ctx;
  return db.transaction('rw', [db.observations, db.attachments, db.outbox, db.photos], async () => {
    const id = await insertRecord(ctx, 'observations', {
      ...input,
      observed_at: input.observed_at ?? ctx.now().toISOString(),
      status: 'nieuw',
    });
    for (const photo of photos)
      await addPhoto(ctx, { ...photo, table: 'observations', recordId: id });
    return id;
  });
}

/** Changes an observation's fields (only what changed is sent). */
export function updateObservation(
  ctx: WriteContext,
  id: string,
  changes: Partial<ObservationInput> & Record<string, unknown>,
) {
  return updateRecord(ctx, 'observations', id, changes);
}

/** Adds a comment or tenant feedback to an observation (events are append-only). */
export function addEvent(
  ctx: WriteContext,
  event: {
    observation_id: string;
    kind: 'comment' | 'feedback';
    body: string;
    rating?: number | null;
    thumb?: -1 | 1 | null;
  },
): Promise<string> {
  return insertRecord(ctx, 'observation_events', event);
}
