/** Neighbourhood walks (wijkschouw): plan one, log observations during it, print a summary. */
import type { RouteDefinition } from '@solidjs/router';
import { lazyPage } from '../../ui/lazyPage.ts';
import { walkPaths } from './paths.ts';

export { walkPaths } from './paths.ts';

export const walkRoutes: RouteDefinition[] = [
  {
    path: walkPaths.list,
    component: lazyPage(() => import('./WalkListPage.tsx'), 'WalkListPage', ['fieldwork']),
  },
  {
    path: walkPaths.new,
    component: lazyPage(() => import('./NewWalkPage.tsx'), 'NewWalkPage', ['fieldwork']),
  },
  {
    path: '/wijkschouw/:id',
    component: lazyPage(() => import('./WalkDetailPage.tsx'), 'WalkDetailPage', ['fieldwork']),
  },
  {
    path: '/wijkschouw/:id/verslag',
    component: lazyPage(() => import('./WalkSummaryPage.tsx'), 'WalkSummaryPage', ['fieldwork']),
  },
];
