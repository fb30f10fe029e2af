/** The map's data as GeoJSON: each area's polygon with the figures it is coloured by. */

export interface AreaFeature {
  type: 'Feature';
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}
export interface AreaCollection {
  type: 'FeatureCollection';
  features: AreaFeature[];
}

/**
 * A copy of the shapes with the given properties per code (features without figures are left
 * out), plus the licence line the source data requires.
 */
export function withFigures(
  shapes: AreaCollection,
  figures: ReadonlyMap<string, Record<string, unknown>>,
  attribution: string,
): AreaCollection & { attribution: string } {
  return {
    type: 'FeatureCollection',
    attribution,
    features: shapes.features.flatMap((f) => {
      const code = String(f.properties.code);
      const props = figures.get(code);
      return props
        ? [
            {
              type: 'Feature' as const,
              id: code,
              geometry: f.geometry,
              properties: { code, ...props },
            },
          ]
        : [];
    }),
  };
}
