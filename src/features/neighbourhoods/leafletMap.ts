/**
 * The map itself (Leaflet, loaded only on map routes through a dynamic import): the PDOK
 * background in EPSG:3857, the areas as SVG polygons coloured by the caller, and observation
 * clusters from our own grid clustering when zoomed in. Without tiles (offline, or no network at
 * all) the polygons still draw on the plain background of the map container.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './leafletControls.css';
import { gridCluster, unproject, type WorldPoint } from '../../lib/metrics/index.ts';

export const PDOK_TILES =
  'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png';

/** From this zoom on, observations show as clusters (the whole municipality is about 11). */
export const CLUSTER_ZOOM = 13;
const CELL_PX = 64;

export interface AreaStyle {
  fill: string;
  /** No figure: drawn with a dashed outline as well as the grey, so it never reads as a value. */
  noData: boolean;
  /** Tooltip text: name and value. */
  label: string;
}

export interface MapTexts {
  attribution: string;
  zoomIn: string;
  zoomOut: string;
  cluster: (n: number) => string;
}

export interface AreaMapOptions {
  element: HTMLElement;
  texts: MapTexts;
  onOpen: (code: string) => void;
  zoom?: number;
  center?: [number, number];
}

export interface AreaMap {
  /** Replaces the polygons (level switch). */
  setAreas(collection: GeoJSON.FeatureCollection, style: (code: string) => AreaStyle): void;
  /** Recolours the polygons in place (metric or period switch). */
  restyle(style: (code: string) => AreaStyle): void;
  setPoints(points: readonly WorldPoint[]): void;
  /** Resolves once the areas and clusters of the current view are in the DOM. */
  rendered(): Promise<void>;
  destroy(): void;
}

export function createAreaMap(options: AreaMapOptions): AreaMap {
  const map = L.map(options.element, {
    zoomControl: false,
    attributionControl: false,
    zoomSnap: 0.5,
    minZoom: 9,
    maxZoom: 18,
  });
  L.control
    .zoom({ zoomInTitle: options.texts.zoomIn, zoomOutTitle: options.texts.zoomOut })
    .addTo(map);
  L.control.attribution({ prefix: false }).addAttribution(options.texts.attribution).addTo(map);
  L.tileLayer(PDOK_TILES, {
    maxZoom: 19,
    // CORS, so the service worker caches real responses instead of opaque ones.
    crossOrigin: 'anonymous',
  }).addTo(map);
  const areas = L.geoJSON(undefined, {
    onEachFeature: (feature, layer) => {
      const code = String((feature.properties as { code: string }).code);
      layer.on('click', () => options.onOpen(code));
    },
  }).addTo(map);
  const clusters = L.layerGroup().addTo(map);
  let points: readonly WorldPoint[] = [];

  const tooltip = (text: string) => {
    // Text, never HTML: Leaflet would parse a string.
    const el = document.createElement('span');
    el.textContent = text;
    return el;
  };
  const apply = (style: (code: string) => AreaStyle) => {
    areas.eachLayer((layer) => {
      const path = layer as L.Path & { feature: GeoJSON.Feature };
      const s = style(String((path.feature.properties as { code: string }).code));
      path.setStyle({
        fillColor: s.fill,
        fillOpacity: 0.75,
        color: '#1d2b31',
        weight: s.noData ? 1.5 : 1,
        dashArray: s.noData ? '4 4' : '',
      });
      if (path.getTooltip()) path.setTooltipContent(tooltip(s.label));
      else path.bindTooltip(tooltip(s.label), { sticky: true });
    });
  };

  let fitted = false;
  const drawClusters = () => {
    clusters.clearLayers();
    // Leaflet knows no view before the first areas are fitted.
    if (!fitted) return;
    const zoom = map.getZoom();
    if (zoom < CLUSTER_ZOOM || !points.length) return;
    const b = map.getPixelBounds();
    const scale = 2 ** zoom;
    const pad = CELL_PX;
    const found = gridCluster(points, zoom, CELL_PX, {
      minX: (b.min!.x - pad) / scale,
      minY: (b.min!.y - pad) / scale,
      maxX: (b.max!.x + pad) / scale,
      maxY: (b.max!.y + pad) / scale,
    });
    for (const c of found) {
      const { lon, lat } = unproject(c);
      const size = c.count < 10 ? 30 : c.count < 100 ? 36 : 44;
      const el = document.createElement('span');
      el.textContent = String(c.count);
      el.title = options.texts.cluster(c.count);
      const marker = L.marker([lat, lon], {
        icon: L.divIcon({ className: 'map-cluster', html: el, iconSize: [size, size] }),
        // The list under the map is the keyboard route; clusters only zoom in.
        keyboard: false,
      });
      marker.on('click', () => map.setView([lat, lon], Math.min(map.getZoom() + 2, 18)));
      clusters.addLayer(marker);
    }
  };
  map.on('zoomend moveend', drawClusters);

  return {
    setAreas(collection, style) {
      areas.clearLayers();
      areas.addData(collection);
      apply(style);
      if (!fitted) {
        fitted = true;
        const bounds = areas.getBounds();
        if (options.center) map.setView(options.center, options.zoom ?? CLUSTER_ZOOM);
        else if (options.zoom) map.setView(bounds.getCenter(), options.zoom);
        else map.fitBounds(bounds, { padding: [8, 8] });
        drawClusters();
      }
    },
    restyle: apply,
    setPoints(next) {
      points = next;
      drawClusters();
    },
    rendered: () =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    destroy() {
      map.remove();
    },
  };
}
