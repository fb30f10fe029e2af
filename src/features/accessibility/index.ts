/** Accessibility checks of homes (agreement 3): the list on this device and the step-by-step check. */
import type { RouteDefinition } from '@solidjs/router';
import { lazyPage } from '../../ui/lazyPage.ts';
import { accessibilityPaths } from './paths.ts';

export { accessibilityPaths } from './paths.ts';

export const accessibilityRoutes: RouteDefinition[] = [
  {
    path: accessibilityPaths.list,
    component: lazyPage(() => import('./AccessibilityListPage.tsx'), 'AccessibilityListPage'),
  },
  {
    path: accessibilityPaths.new,
    component: lazyPage(() => import('./NewCheckPage.tsx'), 'NewCheckPage'),
  },
];
