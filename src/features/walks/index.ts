/** Neighbourhood walks (wijkschouw): plan, log during the walk, print the summary. */
import type { RouteDefinition } from '@solidjs/router';

export const walkRoutes: RouteDefinition[] = [];
