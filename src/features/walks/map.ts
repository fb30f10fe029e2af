import type { LonLat } from '../../lib/geo/index.ts';

type Ring = [number, number][];

export interface ProjectedMap {
  width: number;
  height: number;
  /** One SVG path (all rings; holes cut with the even-odd rule). */
  path: string;
  /** The points in SVG coordinates, in the order given; undefined for a point without place. */
  points: ({ x: number; y: number } | undefined)[];
}

/**
 * Fits a buurt's (multi)polygon and some points into a `width`-wide SVG, north up. Longitude is
 * scaled by cos(latitude) so the buurt keeps its shape (at Hoogeveen, 52.7° N, a degree of
 * longitude is about 0.6 of a degree of latitude).
 */
export function projectBuurt(
  polygons: Ring[][],
  points: (LonLat | undefined)[],
  width = 320,
  pad = 12,
): ProjectedMap {
  const all = polygons.flat(2);
  const lons = [...all.map((c) => c[0]), ...points.flatMap((p) => (p ? [p.lon] : []))];
  const lats = [...all.map((c) => c[1]), ...points.flatMap((p) => (p ? [p.lat] : []))];
  if (!lons.length)
    return { width, height: width / 2, path: '', points: points.map(() => undefined) };
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = (width - 2 * pad) / spanX;
  const height = Math.round(Math.min(spanY * scale + 2 * pad, width * 1.5) * 10) / 10;
  const fit = Math.min(scale, (height - 2 * pad) / spanY);
  // A tall buurt is capped in height: centre it across instead.
  const left = pad + (width - 2 * pad - spanX * fit) / 2;
  const x = (lon: number) => round(left + (lon - minLon) * k * fit);
  const y = (lat: number) => round(pad + (maxLat - lat) * fit);
  const path = polygons
    .flat()
    .map(
      (ring) => ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${x(lon)} ${y(lat)}`).join('') + 'Z',
    )
    .join('');
  return {
    width,
    height,
    path,
    points: points.map((p) => (p ? { x: x(p.lon), y: y(p.lat) } : undefined)),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
