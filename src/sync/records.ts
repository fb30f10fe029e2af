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
  return db.transaction(
    'rw',
    [db.observations, db.attachments, db.outbox, db.photos, db.sync_state],
    async () => {
      const id = await insertRecord(ctx, 'observations', {
        ...input,
        observed_at: input.observed_at ?? ctx.now().toISOString(),
        status: 'nieuw',
      });
      for (const photo of photos)
        await addPhoto(ctx, { ...photo, table: 'observations', recordId: id });
      return id;
    },
  );
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

/** What a person enters for a green-garden project (agreement 13). */
export interface GardenInput {
  corporation_id: string;
  title: string;
  address: string;
  /** Postgres point literal "(lon,lat)". */
  location: string;
  /** The buurt the device found for the point (the server decides again). */
  neighbourhood_code: string;
  status: 'aangemeld' | 'gepland' | 'uitgevoerd' | 'nazorg' | 'afgerond';
  households: number;
  tiles_removed_m2: number;
  green_added_m2: number;
  trees: number;
  plants: number;
  rain_barrels: number;
  facade_garden: boolean;
  green_roof_m2: number;
  walk_id?: string | null;
}

/** A garden photo: before the work, or after it (taken with the before photo as an overlay). */
export type GardenPhoto = Omit<NewPhoto, 'table' | 'recordId' | 'kind'> & {
  kind: 'before' | 'after';
};

/**
 * Saves a new garden project with its before/after photos: the record, the photos' bytes and
 * attachment rows, and all their outbox entries in one transaction.
 */
export async function createGarden(
  ctx: WriteContext,
  input: GardenInput,
  photos: GardenPhoto[] = [],
): Promise<string> {
  const { db } = ctx;
  return db.transaction(
    'rw',
    [db.garden_projects, db.attachments, db.outbox, db.photos, db.sync_state],
    async () => {
      const id = await insertRecord(ctx, 'garden_projects', { ...input });
      for (const photo of photos)
        await addPhoto(ctx, { ...photo, table: 'garden_projects', recordId: id });
      return id;
    },
  );
}

/**
 * Changes a garden project (only what changed is sent) and adds photos, in one transaction: a
 * refused change leaves neither the new values nor the photos behind.
 */
export async function updateGarden(
  ctx: WriteContext,
  id: string,
  changes: Partial<GardenInput>,
  photos: GardenPhoto[] = [],
): Promise<void> {
  const { db } = ctx;
  await db.transaction(
    'rw',
    [db.garden_projects, db.attachments, db.outbox, db.photos, db.sync_state],
    async () => {
      await updateRecord(ctx, 'garden_projects', id, { ...changes });
      for (const photo of photos)
        await addPhoto(ctx, { ...photo, table: 'garden_projects', recordId: id });
    },
  );
}

/** A reaction to a garden project: a tenant's feedback, or a professional's comment. */
export interface GardenFeedbackInput {
  garden_project_id: string;
  kind: 'feedback' | 'comment';
  /** A few words (at most 2000 characters); required for a comment. */
  body: string;
  /** Feedback needs a thumb, a grade, or both. */
  thumb?: -1 | 1 | null;
  rating?: number | null;
}

/**
 * Saves a reaction to a garden project with its outbox entry in one transaction. Reactions are
 * append-only: each one is a new row. The server stamps author, role and organisation.
 */
export function addGardenFeedback(ctx: WriteContext, input: GardenFeedbackInput): Promise<string> {
  return insertRecord(ctx, 'garden_project_events', {
    garden_project_id: input.garden_project_id,
    kind: input.kind,
    body: input.body.trim(),
    thumb: input.thumb ?? null,
    rating: input.rating ?? null,
  });
}

export type GradeTheme = 'schoon' | 'heel' | 'veilig' | 'groen' | 'samen';

/** A tenant's grades for one buurt and quarter: 1–10 per theme they chose to grade. */
export interface GradesInput {
  neighbourhood_code: string;
  year: number;
  quarter: number;
  grades: Partial<Record<GradeTheme, number>>;
  /** Whose grades these are: an earlier grade of this person for the same theme is changed. */
  userId: string;
}

/**
 * Saves a tenant's quarterly grades in one transaction. The database allows one grade per
 * person, buurt, theme and quarter, so a theme graded before is changed instead of added again.
 * Returns the ids of the grade rows.
 */
export async function saveGrades(ctx: WriteContext, input: GradesInput): Promise<string[]> {
  const { db } = ctx;
  return db.transaction('rw', [db.neighbourhood_grades, db.outbox, db.sync_state], async () => {
    const existing = (
      await db.neighbourhood_grades
        .where('neighbourhood_code')
        .equals(input.neighbourhood_code)
        .toArray()
    ).filter(
      (g) =>
        !g.deleted_at &&
        g.year === input.year &&
        g.quarter === input.quarter &&
        // A row made on this device has no author until the server stamps it.
        (g.created_by === input.userId || g.created_by == null),
    );
    const ids: string[] = [];
    for (const [theme, grade] of Object.entries(input.grades)) {
      if (grade === undefined) continue;
      const earlier = existing.find((g) => g.theme === theme);
      if (earlier) {
        await updateRecord(ctx, 'neighbourhood_grades', earlier.id, { grade });
        ids.push(earlier.id);
      } else {
        ids.push(
          await insertRecord(ctx, 'neighbourhood_grades', {
            neighbourhood_code: input.neighbourhood_code,
            year: input.year,
            quarter: input.quarter,
            theme,
            grade,
          }),
        );
      }
    }
    return ids;
  });
}

/** What a person enters to plan a neighbourhood walk (wijkschouw). */
export interface WalkInput {
  neighbourhood_code: string;
  title: string;
  /** The date, "YYYY-MM-DD". */
  planned_for: string;
  notes: string;
}

/** Plans a walk with its participating organisations (and head counts) in one transaction. */
export async function createWalk(
  ctx: WriteContext,
  input: WalkInput,
  participants: { organisation_id: string; people: number }[] = [],
): Promise<string> {
  const { db } = ctx;
  return db.transaction(
    'rw',
    [db.walks, db.walk_participants, db.outbox, db.sync_state],
    async () => {
      const id = await insertRecord(ctx, 'walks', { ...input, status: 'gepland' });
      for (const p of participants)
        await insertRecord(ctx, 'walk_participants', { walk_id: id, ...p });
      return id;
    },
  );
}

/** Changes a walk (its status after walking it, notes, date). */
export function updateWalk(
  ctx: WriteContext,
  id: string,
  changes: Partial<WalkInput> & { status?: 'gepland' | 'gelopen' | 'geannuleerd' },
): Promise<void> {
  return updateRecord(ctx, 'walks', id, changes);
}
