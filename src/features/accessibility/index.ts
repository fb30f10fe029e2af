/** Accessibility checks of homes (agreement 3): the list on this device and the step-by-step check. */
import type { RouteDefinition } from '@solidjs/router';
import { AccessibilityListPage } from './AccessibilityListPage.tsx';
import { NewCheckPage } from './NewCheckPage.tsx';
import { accessibilityPaths } from './paths.ts';

export { accessibilityPaths } from './paths.ts';

export const accessibilityRoutes: RouteDefinition[] = [
  { path: accessibilityPaths.list, component: AccessibilityListPage },
  { path: accessibilityPaths.new, component: NewCheckPage },
];
