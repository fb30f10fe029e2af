import { parseBuurten, type BuurtShape } from '../../lib/geo/index.ts';

let cache: Promise<BuurtShape[]> | undefined;

/**
 * The buurt shapes for finding the buurt of a point on the device. The GeoJSON is part of the
 * precached app, so this works offline.
 */
export function loadBuurten(): Promise<BuurtShape[]> {
  cache ??= fetch('/data/hoogeveen-buurten.geojson')
    .then((r) => r.json() as Promise<unknown>)
    .then(parseBuurten)
    .catch((e: unknown) => {
      cache = undefined;
      throw e;
    });
  return cache;
}
