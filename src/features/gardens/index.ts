/** Green-garden projects (agreement on greening): list, the project form, before/after photos. */
import type { RouteDefinition } from '@solidjs/router';

export const gardenRoutes: RouteDefinition[] = [];
