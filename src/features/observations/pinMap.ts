/**
 * A small map to point at the place of an observation (Leaflet, loaded only when the person opens
 * it). Tap or click to put the pin, drag it to correct; with the keyboard, move the map with the
 * arrow keys and press Enter to put the pin under the cross in the middle.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { LonLat } from '../../lib/geo/index.ts';
import { PDOK_TILES } from '../neighbourhoods/leafletMap.ts';
import '../neighbourhoods/leafletControls.css';
import './pinMap.css';

export interface PinMapOptions {
  element: HTMLElement;
  center: LonLat;
  zoom: number;
  texts: { attribution: string; pin: string; zoomIn: string; zoomOut: string };
  onPick: (point: LonLat) => void;
}

export interface PinMap {
  /** Shows a point chosen elsewhere (GPS, an address) without reporting it back. */
  show(point: LonLat): void;
  /** No place (yet): the pin goes. */
  clear(): void;
  destroy(): void;
}

export function createPinMap(options: PinMapOptions): PinMap {
  const map = L.map(options.element, {
    zoomControl: false,
    attributionControl: false,
    minZoom: 10,
    maxZoom: 19,
  }).setView([options.center.lat, options.center.lon], options.zoom);
  L.control
    .zoom({ zoomInTitle: options.texts.zoomIn, zoomOutTitle: options.texts.zoomOut })
    .addTo(map);
  L.control.attribution({ prefix: false }).addAttribution(options.texts.attribution).addTo(map);
  L.tileLayer(PDOK_TILES, { maxZoom: 19, crossOrigin: 'anonymous' }).addTo(map);

  const icon = L.divIcon({ className: 'pin-map__pin', iconSize: [28, 28], iconAnchor: [14, 28] });
  let marker: L.Marker | undefined;
  const put = (at: L.LatLng) => {
    if (marker) return void marker.setLatLng(at);
    // Not focusable itself: the map is, and Enter puts the pin (one keyboard stop, not two).
    marker = L.marker(at, { icon, draggable: true, keyboard: false, title: options.texts.pin });
    marker.on('dragend', () => pick(marker!.getLatLng()));
    marker.addTo(map);
  };
  const pick = (at: L.LatLng) => {
    put(at);
    options.onPick({ lon: at.lng, lat: at.lat });
  };
  map.on('click', (e) => pick(e.latlng));
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.target !== options.element) return;
    e.preventDefault();
    pick(map.getCenter());
  };
  options.element.addEventListener('keydown', onKey);

  return {
    show(point) {
      const at = L.latLng(point.lat, point.lon);
      // The pin the person just put: leave the map where they are looking.
      if (marker?.getLatLng().equals(at)) return;
      put(at);
      map.panTo(at);
    },
    clear() {
      marker?.remove();
      marker = undefined;
    },
    destroy() {
      options.element.removeEventListener('keydown', onKey);
      map.remove();
    },
  };
}
