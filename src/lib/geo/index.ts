/** A WGS84 point: longitude and latitude in degrees. */
export interface LonLat {
  lon: number;
  lat: number;
}

type Ring = [number, number][];

/** A CBS municipality: its code (GM0118) and its name (Hoogeveen). */
export interface Municipality {
  code: string;
  name: string;
}

/** A buurt from the CBS GeoJSON: its code, name, municipality and (multi)polygon. */
export interface BuurtShape {
  code: string;
  name: string;
  municipality: Municipality;
  polygons: Ring[][];
}

/** Ray casting: whether the point lies inside the ring (edges count as inside, as in Postgres). */
export function inRing(p: LonLat, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    // On the edge: inside.
    const cross = (xj - xi) * (p.lat - yi) - (yj - yi) * (p.lon - xi);
    if (
      Math.abs(cross) < 1e-12 &&
      p.lon >= Math.min(xi, xj) &&
      p.lon <= Math.max(xi, xj) &&
      p.lat >= Math.min(yi, yj) &&
      p.lat <= Math.max(yi, yj)
    ) {
      return true;
    }
    if (yi > p.lat !== yj > p.lat && p.lon < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

/**
 * The buurt containing the point, deciding as the database does (private.buurt_of): inside an
 * outer ring and outside its holes; on a shared edge the lowest code wins.
 */
export function buurtAt(p: LonLat, buurten: readonly BuurtShape[]): BuurtShape | undefined {
  const hits = buurten.filter((b) =>
    b.polygons.some(
      ([outer, ...holes]) => outer && inRing(p, outer) && !holes.some((h) => inRing(p, h)),
    ),
  );
  return hits.sort((a, b) => (a.code < b.code ? -1 : 1))[0];
}

/** Reads the buurten from the CBS GeoJSON (public/data/hoogeveen-buurten.geojson). */
export function parseBuurten(geojson: unknown): BuurtShape[] {
  const features = (geojson as { features?: unknown[] }).features ?? [];
  return features.map((f) => {
    const feature = f as {
      properties: { code: string; name: string; gm_code: string; gm_name: string };
      geometry:
        { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
    };
    const g = feature.geometry;
    return {
      code: feature.properties.code,
      name: feature.properties.name,
      municipality: { code: feature.properties.gm_code, name: feature.properties.gm_name },
      polygons: g.type === 'Polygon' ? [g.coordinates] : g.coordinates,
    };
  });
}

/** The municipality the buurten lie in (one deployment's buurten share it), if there are any. */
export function municipalityOf(buurten: readonly BuurtShape[]): Municipality | undefined {
  return buurten[0]?.municipality;
}

/** The Postgres point literal the server stores: "(lon,lat)". */
export function toPointLiteral(p: LonLat): string {
  return `(${p.lon},${p.lat})`;
}
