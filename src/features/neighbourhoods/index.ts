/** Maps and neighbourhood pages: progress against the agreements, per buurt and wijk. */
import type { RouteDefinition } from '@solidjs/router';

export const neighbourhoodRoutes: RouteDefinition[] = [];
