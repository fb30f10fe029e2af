/**
 * Sync for people: the device data of whoever is signed in, its status ("on this device" or
 * "sent"), the sending page with refused changes and their reasons, and the export of unsent work.
 */
import type { RouteDefinition } from '@solidjs/router';
import { syncPath } from './paths.ts';
import { lazyPage } from '../../ui/lazyPage.ts';

export { syncPath } from './paths.ts';
export { ReloadNeeded, SyncBadge } from './SyncBadge.tsx';
export { createLiveQuery } from './live.ts';
export { SyncProvider, useSync, type StartSync, type SyncContextValue } from './SyncProvider.tsx';

export const syncRoutes: RouteDefinition[] = [
  { path: syncPath, component: lazyPage(() => import('./SyncPage.tsx'), 'SyncPage') },
];
