/** Observations: the list on this device and logging a new one (offline first). */
import type { RouteDefinition } from '@solidjs/router';
import { NewObservationPage } from './NewObservationPage.tsx';
import { ObservationDetailPage } from './ObservationDetailPage.tsx';
import { ObservationListPage } from './ObservationListPage.tsx';
import { observationPaths } from './paths.ts';

export { observationPaths } from './paths.ts';

export const observationRoutes: RouteDefinition[] = [
  { path: observationPaths.list, component: ObservationListPage },
  { path: observationPaths.new, component: NewObservationPage },
  { path: '/waarnemingen/:id', component: ObservationDetailPage },
];
