/** Tenant grades: a tenant gives their buurt a grade 1–10 per theme each quarter. */
import type { RouteDefinition } from '@solidjs/router';
import { lazyPage } from '../../ui/lazyPage.ts';

export const gradePath = '/buurtcijfer';

export const gradeRoutes: RouteDefinition[] = [
  {
    path: gradePath,
    component: lazyPage(() => import('./GradePage.tsx'), 'GradePage', ['fieldwork']),
  },
];
