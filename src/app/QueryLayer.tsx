import type { RouteSectionProps } from '@solidjs/router';
import { QueryClientProvider } from '@tanstack/solid-query';
import type { JSX } from 'solid-js';
import { makeQueryClient } from './queryClient.ts';

/**
 * One client for the app's lifetime, so cached server reads survive moving between screens
 * (this layer unmounts when the person goes back to the home screen).
 */
const queryClient = makeQueryClient();

/**
 * Provides TanStack Query to the screens after the first one. A lazy route layout (App.tsx), so
 * TanStack Query (10 KB gzip) stays out of the first screen's JavaScript.
 */
export function QueryLayer(props: RouteSectionProps): JSX.Element {
  return <QueryClientProvider client={queryClient}>{props.children}</QueryClientProvider>;
}
