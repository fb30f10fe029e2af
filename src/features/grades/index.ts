/** Tenant grades: a quarterly grade 1–10 per theme for the tenant's own buurt. */
import type { RouteDefinition } from '@solidjs/router';

export const gradeRoutes: RouteDefinition[] = [];
