/**
 * One area's share of the device's rows: a neighbourhood page needs the figures of one buurt or
 * wijk, not of all 61, so it reads and computes only the records of that area's own buurten.
 */
import type { AreaRow, ProgressInput } from './progress.ts';

/**
 * The codes whose records count for an area, through the wijk relation: a buurt itself; a wijk
 * itself and every buurt whose `wijk_code` is the wijk.
 */
export function areaBuurten(neighbourhoods: readonly AreaRow[], code: string): Set<string> {
  const codes = new Set([code]);
  for (const n of neighbourhoods) if (n.wijk_code === code) codes.add(n.code);
  return codes;
}

/**
 * The rows one area's figures need: the area and its buurten, and the records whose
 * `neighbourhood_code` is one of them. computeProgress over this gives the same row for `code`
 * as over everything (progress.test.ts), for far less work; it has no rows for other areas.
 */
export function areaInput(input: ProgressInput, code: string): ProgressInput {
  const codes = areaBuurten(input.neighbourhoods, code);
  const own = <R extends { neighbourhood_code: string }>(rows: readonly R[]) =>
    rows.filter((r) => codes.has(r.neighbourhood_code));
  return {
    ...input,
    neighbourhoods: input.neighbourhoods.filter((n) => codes.has(n.code)),
    observations: own(input.observations),
    gardens: own(input.gardens),
    checks: own(input.checks),
    grades: own(input.grades),
  };
}
