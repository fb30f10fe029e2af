import type { PlainKey } from '../../lib/i18n/index.ts';

/** A part of the app that gets its own feature folder later; until then it has a placeholder. */
export interface UpcomingFeature {
  path: string;
  title: PlainKey;
  summary: PlainKey;
  /** Built: its feature folder has the routes, so no placeholder. */
  ready?: boolean;
  /** Only for these roles (all roles when absent). */
  roles?: readonly Role[];
}

export type Role = 'smederij' | 'huurder' | 'corporatie' | 'gemeente';

/** The tiles for a role; while the role is not known on the device, the tiles for everyone. */
export function featuresFor(role: string | undefined): UpcomingFeature[] {
  return upcomingFeatures.filter(
    (f) => !f.roles || (role !== undefined && f.roles.includes(role as Role)),
  );
}

/** In the order of the home screen: what people do most comes first. */
export const upcomingFeatures: readonly UpcomingFeature[] = [
  {
    path: '/waarnemingen',
    title: 'feature.observations',
    summary: 'feature.observations.summary',
    ready: true,
  },
  {
    path: '/groene-tuinen',
    title: 'feature.gardens',
    summary: 'feature.gardens.summary',
    ready: true,
  },
  {
    path: '/buurtcijfer',
    title: 'grade.tile',
    summary: 'grade.tile.summary',
    ready: true,
    roles: ['huurder'],
  },
  {
    path: '/wijkschouw',
    title: 'walk.tile',
    summary: 'walk.tile.summary',
    ready: true,
  },
  {
    path: '/toegankelijkheid',
    title: 'feature.accessibility',
    summary: 'feature.accessibility.summary',
    ready: true,
  },
  { path: '/buurten', title: 'feature.neighbourhoods', summary: 'feature.neighbourhoods.summary' },
];
