import type { PlainKey } from '../../lib/i18n/index.ts';

/** A feature as the home screen and the menu offer it. */
export interface UpcomingFeature {
  path: string;
  title: PlainKey;
  summary: PlainKey;
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
  },
  {
    path: '/groene-tuinen',
    title: 'feature.gardens',
    summary: 'feature.gardens.summary',
  },
  {
    path: '/buurtcijfer',
    title: 'feature.grades',
    summary: 'feature.grades.summary',
    roles: ['huurder'],
  },
  {
    path: '/wijkschouw',
    title: 'feature.walks',
    summary: 'feature.walks.summary',
  },
  {
    path: '/toegankelijkheid',
    title: 'feature.accessibility',
    summary: 'feature.accessibility.summary',
  },
  {
    path: '/buurten',
    title: 'feature.neighbourhoods',
    summary: 'feature.neighbourhoods.summary',
  },
];
