/** Observations: the list on this device and logging a new one (offline first). */
import type { RouteDefinition } from '@solidjs/router';
import { lazyPage } from '../../ui/lazyPage.ts';
import { observationPaths } from './paths.ts';

export { observationPaths } from './paths.ts';

export const observationRoutes: RouteDefinition[] = [
  {
    path: observationPaths.list,
    component: lazyPage(() => import('./ObservationListPage.tsx'), 'ObservationListPage', [
      'fieldwork',
    ]),
  },
  {
    path: observationPaths.new,
    component: lazyPage(() => import('./NewObservationPage.tsx'), 'NewObservationPage', [
      'fieldwork',
    ]),
  },
  {
    path: '/waarnemingen/:id',
    component: lazyPage(() => import('./ObservationDetailPage.tsx'), 'ObservationDetailPage'),
  },
];
