/**
 * Grid clustering of points on a Web Mercator map: points are put in square cells of a fixed
 * size in screen pixels at the current zoom, and each cell with points becomes one cluster at the
 * mean position of its points. O(n) per zoom level, no packages.
 */

/** A point in Web Mercator "world" units at zoom 0 (0–256 across the world). */
export interface WorldPoint {
  x: number;
  y: number;
}

const TILE = 256;

/** WGS84 lon/lat to world units at zoom 0 (the projection of EPSG:3857 tiles). */
export function project(lon: number, lat: number): WorldPoint {
  const clamped = Math.max(-85.05112878, Math.min(85.05112878, lat));
  const s = Math.sin((clamped * Math.PI) / 180);
  return {
    x: ((lon + 180) / 360) * TILE,
    y: (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * TILE,
  };
}

/** World units at zoom 0 back to lon/lat. */
export function unproject(p: WorldPoint): { lon: number; lat: number } {
  const lon = (p.x / TILE) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * p.y) / TILE;
  return { lon, lat: (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n))) };
}

export interface Cluster {
  /** Mean position of its points, in world units at zoom 0. */
  x: number;
  y: number;
  count: number;
  /** Indices of the points in it (into the input array). */
  members: number[];
}

/** Bounds in world units at zoom 0; points outside are skipped. */
export interface WorldBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Clusters points in cells of `cellPx` screen pixels at `zoom`. Only points inside `bounds`
 * (when given) are considered, so panning a city costs the points in view.
 */
export function gridCluster(
  points: readonly WorldPoint[],
  zoom: number,
  cellPx: number,
  bounds?: WorldBounds,
): Cluster[] {
  const cell = cellPx / 2 ** zoom;
  const cells = new Map<number, Cluster>();
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (
      bounds &&
      (p.x < bounds.minX || p.x > bounds.maxX || p.y < bounds.minY || p.y > bounds.maxY)
    )
      continue;
    // One number per cell: the grid at zoom ≤ 22 with cells ≥ 1 px has < 2^30 columns.
    const key = Math.floor(p.y / cell) * 1_073_741_824 + Math.floor(p.x / cell);
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { x: 0, y: 0, count: 0, members: [] }));
    c.x += p.x;
    c.y += p.y;
    c.count++;
    c.members.push(i);
  }
  return [...cells.values()].map((c) => ({ ...c, x: c.x / c.count, y: c.y / c.count }));
}
