import type { RouteSectionProps } from '@solidjs/router';
import { lazy, type Component } from 'solid-js';

type RouteComponent = Component<RouteSectionProps>;

/**
 * A route component that loads its module on first use, so each screen's code is its own chunk
 * and the first screen downloads only what it shows. The service worker precaches every chunk,
 * so a lazy screen still opens offline.
 */
export function lazyPage<M extends Record<K, RouteComponent>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): RouteComponent {
  return lazy(async () => ({ default: (await load())[name] }));
}
