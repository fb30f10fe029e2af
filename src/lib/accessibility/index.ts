/** An answer to one question of agreement 3: can it be reached without stairs? */
export type Reach = 'ja' | 'nee' | 'kleine_aanpassing' | 'traplift';

export type AccessibilityClass =
  'toegankelijk' | 'met_kleine_aanpassingen' | 'alleen_extern' | 'niet_toegankelijk';

export interface AccessibilityAnswers {
  living_room: Reach;
  toilet: Reach;
  bathroom: Reach;
  bedroom: Reach;
}

const reachable = (r: Reach) => r === 'ja' || r === 'traplift';
const withSmallChanges = (r: Reach) => reachable(r) || r === 'kleine_aanpassing';

/**
 * The class of a home per agreement 3, exactly as the database derives it
 * (public.accessibility_class): externally accessible = living room without stairs; internally =
 * toilet, bathroom and a bedroom without stairs (a stair lift counts); or so with small changes.
 */
export function accessibilityClass(a: AccessibilityAnswers): AccessibilityClass {
  const all = [a.living_room, a.toilet, a.bathroom, a.bedroom];
  if (all.every(reachable)) return 'toegankelijk';
  if (all.every(withSmallChanges)) return 'met_kleine_aanpassingen';
  if (reachable(a.living_room)) return 'alleen_extern';
  return 'niet_toegankelijk';
}
