/** Pure rules of the quarterly grades: which quarter, which buurten, earlier grades. */

export const THEMES = ['schoon', 'heel', 'veilig', 'groen', 'samen'] as const;
export type Theme = (typeof THEMES)[number];

export interface Quarter {
  year: number;
  quarter: number;
}

/** The calendar quarter of a moment, in the Netherlands' time zone (a grade on 31 March 23:30 is Q1). */
export function quarterOf(date: Date): Quarter {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(date);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/**
 * The buurten a person may grade: those they belong to (a wijk stands for all its buurten), as
 * private.works_in decides on the server. When the device does not know the memberships, the
 * buurten of what the server already sent this person stand in (a tenant only receives records
 * of their own buurten), so nothing is offered that the server would refuse.
 */
export function gradeableBuurten(
  memberships: readonly string[] | undefined,
  buurten: readonly { code: string; wijk_code: string | null }[],
  seenInBuurten: readonly string[],
): string[] {
  if (memberships) {
    const mine = new Set(memberships);
    return buurten
      .filter((b) => mine.has(b.code) || (b.wijk_code !== null && mine.has(b.wijk_code)))
      .map((b) => b.code);
  }
  const seen = new Set(seenInBuurten);
  return buurten.filter((b) => seen.has(b.code)).map((b) => b.code);
}

export interface GradeRow extends Quarter {
  theme: string;
  grade: number;
}

/** A person's earlier grades for one buurt, newest quarter first, one line per quarter. */
export function gradeHistory(
  rows: readonly GradeRow[],
  except?: Quarter,
): { year: number; quarter: number; grades: Partial<Record<Theme, number>> }[] {
  const byQuarter = new Map<
    number,
    { year: number; quarter: number; grades: Partial<Record<Theme, number>> }
  >();
  for (const r of rows) {
    if (except && r.year === except.year && r.quarter === except.quarter) continue;
    const key = r.year * 10 + r.quarter;
    const line = byQuarter.get(key) ?? { year: r.year, quarter: r.quarter, grades: {} };
    line.grades[r.theme as Theme] = r.grade;
    byQuarter.set(key, line);
  }
  return [...byQuarter.entries()].sort((a, b) => b[0] - a[0]).map(([, line]) => line);
}

/** A grade per theme; a theme without a grade is absent. */
export type Grades = Partial<Record<Theme, number>>;

/** A grade the person picked on the screen; `saved` once a save took it. */
export interface Pick {
  grade: number;
  saved: boolean;
}
export type Picks = Partial<Record<Theme, Pick>>;

/** The grades a person gave one buurt in one quarter, as the device holds them. */
export function storedGrades(
  rows: readonly (GradeRow & { neighbourhood_code: string })[],
  buurt: string,
  quarter: Quarter,
): Grades {
  const grades: Grades = {};
  for (const r of rows)
    if (r.neighbourhood_code === buurt && r.year === quarter.year && r.quarter === quarter.quarter)
      grades[r.theme as Theme] = r.grade;
  return grades;
}

/** What the form shows: the stored grade of each theme, except where the person picked one. */
export function shownGrades(stored: Grades, picks: Picks): Grades {
  const shown: Grades = { ...stored };
  for (const theme of THEMES) {
    const pick = picks[theme];
    if (pick) shown[theme] = pick.grade;
  }
  return shown;
}

/**
 * The picks to keep when the stored grades change (a sync pull, a save). A pick not yet saved
 * always stays: what a person entered is never silently replaced. A saved pick goes once the
 * device holds it, so that theme follows the stored grade again (a later change made on their
 * other phone shows). Returns the same object when nothing changes.
 */
export function settlePicks(stored: Grades, picks: Picks): Picks {
  const kept: Picks = {};
  let changed = false;
  for (const theme of THEMES) {
    const pick = picks[theme];
    if (!pick) continue;
    if (pick.saved && stored[theme] === pick.grade) changed = true;
    else kept[theme] = pick;
  }
  return changed ? kept : picks;
}

/**
 * The picks after a save: each pick the save took (same grade) now waits for the device to hold
 * it; a pick changed while the save ran stays unsaved.
 */
export function markSaved(picks: Picks, saved: Grades): Picks {
  const marked: Picks = {};
  for (const theme of THEMES) {
    const pick = picks[theme];
    if (pick)
      marked[theme] = pick.grade === saved[theme] ? { grade: pick.grade, saved: true } : pick;
  }
  return marked;
}

/** Whether a set of chosen grades may be saved: at least one theme, each a whole 1–10. */
export function checkGrades(grades: Grades): 'grade.error.none' | 'grade.error.range' | undefined {
  const values = Object.values(grades).filter((g): g is number => g !== undefined);
  if (!values.length) return 'grade.error.none';
  if (values.some((g) => !Number.isInteger(g) || g < 1 || g > 10)) return 'grade.error.range';
  return undefined;
}
