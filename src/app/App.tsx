import { Router, type RouteDefinition, type RouteSectionProps } from '@solidjs/router';
import { lazy, type JSX } from 'solid-js';
import { authRoutes, RequireSession, SessionProvider } from '../features/auth/index.ts';
import { accessibilityRoutes } from '../features/accessibility/index.ts';
import { gardenRoutes } from '../features/gardens/index.ts';
import { gradeRoutes } from '../features/grades/index.ts';
import { homeRoutes } from '../features/home/index.ts';
import { neighbourhoodRoutes } from '../features/neighbourhoods/index.ts';
import { observationRoutes } from '../features/observations/index.ts';
import { privacyPublicRoutes, privacyRoutes } from '../features/privacy/index.ts';
import { SyncProvider, syncRoutes, type StartSync } from '../features/sync/index.ts';
import { walkRoutes } from '../features/walks/index.ts';
import type { AuthPort } from '../platform/auth.ts';
import type { ServiceWorkerControl } from '../platform/sw.ts';
import { NotFound } from './NotFound.tsx';
import { Shell } from './Shell.tsx';

/**
 * TanStack Query for every screen but the first ones (login, home): a lazy layout, so its code
 * loads with the first screen that may use it (useQuery needs this provider above it).
 */
const QueryLayer = lazy(async () => ({ default: (await import('./QueryLayer.tsx')).QueryLayer }));

const routes: RouteDefinition[] = [
  ...authRoutes,
  ...privacyPublicRoutes,
  {
    path: '/',
    component: RequireSession,
    children: [
      ...homeRoutes,
      {
        path: '/',
        component: QueryLayer,
        children: [
          ...observationRoutes,
          ...accessibilityRoutes,
          ...gardenRoutes,
          ...gradeRoutes,
          ...walkRoutes,
          ...neighbourhoodRoutes,
          ...privacyRoutes,
          ...syncRoutes,
        ],
      },
    ],
  },
  { path: '*404', component: NotFound },
];

interface AppProps {
  auth: AuthPort;
  startSync: StartSync;
  serviceWorker: ServiceWorkerControl;
}

/** The app's providers and routes; everything platform-specific comes in through props. */
export function App(props: AppProps): JSX.Element {
  const Root = (section: RouteSectionProps) => (
    <Shell serviceWorker={props.serviceWorker}>{section.children}</Shell>
  );
  return (
    <SessionProvider auth={props.auth}>
      <SyncProvider start={props.startSync}>
        {/* explicitLinks: only <A> is routed, so plain links such as the skip link stay native. */}
        <Router root={Root} explicitLinks>
          {routes}
        </Router>
      </SyncProvider>
    </SessionProvider>
  );
}
