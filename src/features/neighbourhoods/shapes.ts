/** The CBS shapes of the buurten and wijken, part of the precached app (so offline too). */
export type Level = 'buurt' | 'wijk';

const cache = new Map<Level, Promise<GeoJSON.FeatureCollection>>();

export function loadShapes(level: Level): Promise<GeoJSON.FeatureCollection> {
  let p = cache.get(level);
  if (!p) {
    p = fetch(`/data/hoogeveen-${level === 'buurt' ? 'buurten' : 'wijken'}.geojson`)
      .then((r) => {
        if (!r.ok) throw new Error(`shapes: ${r.status}`);
        return r.json() as Promise<GeoJSON.FeatureCollection>;
      })
      .catch((e: unknown) => {
        cache.delete(level);
        throw e;
      });
    cache.set(level, p);
  }
  return p;
}
