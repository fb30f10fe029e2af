/**
 * The walk form's rules, mirroring the database (walks, walk_participants and private.check_walk,
 * which stay authoritative).
 */

export type WalkErrorKey =
  | 'walk.error.title'
  | 'walk.error.buurt'
  | 'walk.error.date'
  | 'walk.error.notes'
  | 'walk.error.people'
  | 'walk.error.organisations';

export interface WalkForm {
  title: string;
  buurt: string;
  /** As the date input gives it: "YYYY-MM-DD" or empty. */
  date: string;
  notes: string;
  /** Organisation id → head count as typed, for the organisations that take part. */
  participants: Record<string, string>;
}

/** Where the form starts: empty, with the planner's own organisation (one person) walking along. */
export function blankWalk(ownOrganisation?: string): WalkForm {
  return {
    title: '',
    buurt: '',
    date: '',
    notes: '',
    participants: ownOrganisation ? { [ownOrganisation]: '1' } : {},
  };
}

export type WalkErrors = Partial<
  Record<'title' | 'buurt' | 'date' | 'notes' | 'organisations', WalkErrorKey>
> & {
  /** Per organisation id. */
  people?: Record<string, WalkErrorKey>;
};

/** A real calendar date "YYYY-MM-DD" (Postgres `date`), within the years the app can hold. */
export function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Checks the form; returns the errors and, when there are none, the participants as numbers. */
export function checkWalk(form: WalkForm): {
  errors: WalkErrors;
  participants?: { organisation_id: string; people: number }[];
} {
  const errors: WalkErrors = {};
  const title = form.title.trim();
  if (title.length < 2 || title.length > 200) errors.title = 'walk.error.title';
  if (!form.buurt) errors.buurt = 'walk.error.buurt';
  if (!isDate(form.date)) errors.date = 'walk.error.date';
  if (form.notes.length > 4000) errors.notes = 'walk.error.notes';
  const entries = Object.entries(form.participants);
  if (!entries.length) errors.organisations = 'walk.error.organisations';
  const participants: { organisation_id: string; people: number }[] = [];
  for (const [organisation_id, typed] of entries) {
    const s = typed.trim();
    const people = s === '' ? 1 : Number(s);
    if (!/^\d*$/.test(s) || people < 0 || people > 100) {
      (errors.people ??= {})[organisation_id] = 'walk.error.people';
    } else participants.push({ organisation_id, people });
  }
  return Object.keys(errors).length ? { errors } : { errors, participants };
}
