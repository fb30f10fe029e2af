/** Home: the start screen with a tile per feature (per role). */
import type { RouteDefinition } from '@solidjs/router';
import { HomePage } from './HomePage.tsx';

export { createMyRole } from './role.ts';
export { featuresFor, upcomingFeatures, type UpcomingFeature } from './upcoming.ts';

/** Routes for signed-in people (the app puts them behind `RequireSession`). */
export const homeRoutes: RouteDefinition[] = [{ path: '/', component: HomePage }];
