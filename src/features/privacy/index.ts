/** Privacy and accessibility statements, the audit trail and data subject requests. */
import type { RouteDefinition } from '@solidjs/router';
import { lazyPage } from '../../ui/lazyPage.ts';
import { privacyPaths } from './paths.ts';

export { privacyPaths } from './paths.ts';
export { providePrivacyApi, type PrivacyApi } from './api.ts';
export { PrivacyMenuLinks } from './MenuLinks.tsx';

/** Screens for signed-in people (the municipality's audit log and data requests). */
export const privacyRoutes: RouteDefinition[] = [
  {
    path: privacyPaths.audit,
    component: lazyPage(() => import('./AuditPage.tsx'), 'AuditPage', [
      'audit',
      'fieldwork',
      'neighbourhoods',
      'privacy',
    ]),
  },
  {
    path: privacyPaths.requests,
    component: lazyPage(() => import('./DataRequestsPage.tsx'), 'DataRequestsPage', ['privacy']),
  },
];

/** Public screens: the privacy and accessibility statement, readable before logging in. */
export const privacyPublicRoutes: RouteDefinition[] = [
  {
    path: privacyPaths.statement,
    component: lazyPage(() => import('./StatementPage.tsx'), 'StatementPage', ['privacy']),
  },
];
