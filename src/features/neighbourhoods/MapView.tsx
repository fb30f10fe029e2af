import { createEffect, on, onCleanup, onMount, type JSX } from 'solid-js';
import { t } from '../../lib/i18n/index.ts';
import type { WorldPoint } from '../../lib/metrics/index.ts';
import type { AreaMap, AreaStyle } from './leafletMap.ts';

interface MapViewProps {
  shapes: GeoJSON.FeatureCollection | undefined;
  /** Changes identity whenever the colours change (metric, period, data). */
  style: ((code: string) => AreaStyle) | undefined;
  points: readonly WorldPoint[];
  onOpen: (code: string) => void;
  zoom?: number;
}

/**
 * The map region. Leaflet arrives with a dynamic import, so only map routes load it; the
 * container says when its polygons and clusters are drawn (data-rendered) and after each
 * recolouring (data-styled), which the tests and the benchmark wait for.
 */
export function MapView(props: MapViewProps): JSX.Element {
  let element!: HTMLDivElement;
  let map: AreaMap | undefined;
  let styled = 0;
  let lastShapes: GeoJSON.FeatureCollection | undefined;

  const draw = async () => {
    if (!map || !props.shapes || !props.style) return;
    if (props.shapes !== lastShapes) {
      lastShapes = props.shapes;
      map.setAreas(props.shapes, props.style);
    } else {
      map.restyle(props.style);
    }
    await map.rendered();
    element.dataset.styled = String(++styled);
    if (!element.dataset.rendered) {
      element.dataset.rendered = 'true';
      performance.mark('map:rendered');
    }
  };

  onMount(async () => {
    const { createAreaMap } = await import('./leafletMap.ts');
    map = createAreaMap({
      element,
      zoom: props.zoom,
      onOpen: (code) => props.onOpen(code),
      texts: {
        attribution: t('map.attribution'),
        zoomIn: t('map.zoomIn'),
        zoomOut: t('map.zoomOut'),
        cluster: (n) => t('map.cluster', { n }),
      },
    });
    map.setPoints(props.points);
    void draw();
  });
  onCleanup(() => map?.destroy());

  createEffect(on([() => props.shapes, () => props.style], () => void draw(), { defer: true }));
  createEffect(
    on(
      () => props.points,
      (p) => map?.setPoints(p),
      { defer: true },
    ),
  );

  return (
    <div
      ref={element}
      class="area-map"
      role="region"
      aria-label={t('map.region')}
      aria-describedby="map-keyboard-hint"
    />
  );
}
