/** Green-garden projects (agreement 13): the list on this device, a project with its tenants' reactions, and the project form. */
import type { RouteDefinition } from '@solidjs/router';
import { lazyPage } from '../../ui/lazyPage.ts';
import { gardenPaths } from './paths.ts';

export { summariseFeedback, type FeedbackSummary } from './feedback.ts';
export { gardenPaths } from './paths.ts';

export const gardenRoutes: RouteDefinition[] = [
  {
    path: gardenPaths.list,
    component: lazyPage(() => import('./GardenListPage.tsx'), 'GardenListPage', ['fieldwork']),
  },
  {
    path: gardenPaths.new,
    component: lazyPage(() => import('./GardenFormPage.tsx'), 'GardenFormPage', ['fieldwork']),
  },
  {
    path: '/groene-tuinen/:id',
    component: lazyPage(() => import('./GardenDetailPage.tsx'), 'GardenDetailPage', ['fieldwork']),
  },
  {
    path: '/groene-tuinen/:id/wijzigen',
    component: lazyPage(() => import('./GardenFormPage.tsx'), 'GardenFormPage', ['fieldwork']),
  },
];
