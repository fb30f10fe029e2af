/** Privacy and accessibility statements, the audit trail and data subject requests. */
import type { RouteDefinition } from '@solidjs/router';

export const privacyRoutes: RouteDefinition[] = [];
