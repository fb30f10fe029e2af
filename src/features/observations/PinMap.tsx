import { createEffect, onCleanup, onMount, type JSX } from 'solid-js';
import type { LonLat } from '../../lib/geo/index.ts';
import { t } from '../../lib/i18n/index.ts';
import type { PinMap as PinMapHandle } from './pinMap.ts';

/** Hoogeveen's centre, where the map opens when there is no point yet. */
const HOOGEVEEN: LonLat = { lon: 6.47908, lat: 52.72469 };

/**
 * Point at the place on a map. An extra: GPS, the address search and the buurt list do the same
 * without a map, so nothing depends on seeing it or on the tiles loading.
 */
export function PinMap(props: {
  point: LonLat | undefined;
  /** The id of the hint that explains how to point (also with the keyboard). */
  describedBy: string;
  /** False when the place is refused (outside the municipality): the pin goes back. */
  onPick: (p: LonLat) => Promise<boolean>;
}): JSX.Element {
  let element!: HTMLDivElement;
  let handle: PinMapHandle | undefined;
  let alive = true;
  /** The place the form holds, kept by the effect below. */
  let held: LonLat | undefined;
  /** A refused point: the pin returns to the place the form holds (or goes). */
  const putBack = () => {
    if (held) handle?.show(held);
    else handle?.clear();
  };
  onMount(async () => {
    const { createPinMap } = await import('./pinMap.ts');
    if (!alive) return;
    handle = createPinMap({
      element,
      center: props.point ?? HOOGEVEEN,
      zoom: props.point ? 17 : 14,
      texts: {
        attribution: t('location.map.attribution'),
        pin: t('location.map.pin'),
        zoomIn: t('location.map.zoomIn'),
        zoomOut: t('location.map.zoomOut'),
      },
      onPick: (p) => void props.onPick(p).then((ok) => ok || putBack()),
    });
    if (props.point) handle.show(props.point);
  });
  createEffect(() => {
    held = props.point;
    if (held) handle?.show(held);
  });
  onCleanup(() => {
    alive = false;
    handle?.destroy();
  });
  return (
    <div
      ref={element}
      class="pin-map"
      tabindex="0"
      role="application"
      aria-roledescription={t('location.map.role')}
      aria-label={t('location.map.label')}
      aria-describedby={props.describedBy}
    />
  );
}
