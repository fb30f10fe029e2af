/**
 * Auth: login screens (password, or a code by email), sign-out, and the session state.
 * Other features use `useSession()` and `RequireSession`; they never talk to Supabase Auth.
 */
import type { RouteDefinition } from '@solidjs/router';
import { lazyPage } from '../../ui/lazyPage.ts';
import { authPaths } from './paths.ts';
import { PasswordLoginPage } from './PasswordLoginPage.tsx';

export { authPaths, loginHref } from './paths.ts';
export { RequireSession } from './RequireSession.tsx';
export { SessionProvider, useSession, type Session } from './session.tsx';
export { SignOutButton } from './SignOutButton.tsx';

export const authRoutes: RouteDefinition[] = [
  { path: authPaths.login, component: PasswordLoginPage },
  {
    path: authPaths.loginWithCode,
    component: lazyPage(() => import('./CodeLoginPage.tsx'), 'CodeLoginPage'),
  },
];
