/** Home: the start screen and placeholders for the features still to come. */
import type { RouteDefinition } from '@solidjs/router';
import { comingSoonRoute } from './ComingSoonPage.tsx';
import { HomePage } from './HomePage.tsx';
import { upcomingFeatures } from './upcoming.ts';

export { createMyRole } from './role.ts';
export { featuresFor, upcomingFeatures, type UpcomingFeature } from './upcoming.ts';

/** Routes for signed-in people (the app puts them behind `RequireSession`). */
export const homeRoutes: RouteDefinition[] = [
  { path: '/', component: HomePage },
  ...upcomingFeatures.filter((f) => !f.ready).map(comingSoonRoute),
];
