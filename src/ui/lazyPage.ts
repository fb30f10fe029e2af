import type { RouteSectionProps } from '@solidjs/router';
import { lazy, type Component } from 'solid-js';
import { loadAreas, type Area } from '../lib/i18n/index.ts';

type RouteComponent = Component<RouteSectionProps>;

/**
 * A route component that loads its module on first use, so each screen's code is its own chunk
 * and the first screen downloads only what it shows. `areas` names the dictionaries its texts
 * come from (routes-i18n.test.ts checks the list): they load alongside the chunk, and the screen
 * renders once both are there, so it never shows a text before it is loaded. The service worker
 * precaches every chunk, so a lazy screen still opens offline.
 */
export function lazyPage<M extends Record<K, RouteComponent>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
  areas: readonly Area[] = [],
): RouteComponent {
  return lazy(async () => {
    const [module] = await Promise.all([load(), loadAreas(areas)]);
    return { default: module[name] };
  });
}
