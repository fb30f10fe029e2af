/** Maps and neighbourhood pages: progress against the agreements, per buurt and wijk. */
import type { RouteDefinition } from '@solidjs/router';
import { lazyPage } from '../../ui/lazyPage.ts';
import { neighbourhoodPaths } from './paths.ts';

export { neighbourhoodPaths } from './paths.ts';

export const neighbourhoodRoutes: RouteDefinition[] = [
  {
    path: neighbourhoodPaths.map,
    component: lazyPage(() => import('./MapPage.tsx'), 'MapPage', ['neighbourhoods']),
  },
  {
    path: neighbourhoodPaths.compare,
    component: lazyPage(() => import('./ComparePage.tsx'), 'ComparePage', ['neighbourhoods']),
  },
  {
    path: '/buurten/:code',
    component: lazyPage(() => import('./NeighbourhoodPage.tsx'), 'NeighbourhoodPage', [
      'neighbourhoods',
    ]),
  },
];
