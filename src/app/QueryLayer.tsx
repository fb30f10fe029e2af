import type { RouteSectionProps } from '@solidjs/router';
import { QueryClientProvider } from '@tanstack/solid-query';
import { createEffect, on, untrack, type JSX } from 'solid-js';
import { useSession } from '../features/auth/index.ts';
import { makeQueryClient } from './queryClient.ts';

/**
 * One client for the app's lifetime, so cached server reads survive moving between screens
 * (this layer unmounts when the person goes back to the home screen).
 */
const queryClient = makeQueryClient();
/** Whose server reads the cache holds: another person on the same phone starts empty. */
let cacheOwner: string | undefined;

/**
 * Provides TanStack Query to the screens after the first one. A lazy route layout (App.tsx), so
 * TanStack Query (10 KB gzip) stays out of the first screen's JavaScript.
 */
export function QueryLayer(props: RouteSectionProps): JSX.Element {
  const { user } = useSession();
  // Server figures depend on who asks (roles, small-count suppression for tenants): never show
  // one person's cached answers to the next one who signs in on this page. Checked before the
  // screens below start their queries (an effect would run after, and cancel them).
  const forget = (id: string | undefined) => {
    if (id === cacheOwner) return;
    queryClient.clear();
    cacheOwner = id;
  };
  forget(untrack(() => user()?.id));
  createEffect(on(() => user()?.id, forget, { defer: true }));
  return <QueryClientProvider client={queryClient}>{props.children}</QueryClientProvider>;
}
