/** Pure progress figures: the same numbers on the device as neighbourhood_progress on the server. */
export * from './area.ts';
export * from './breakdown.ts';
export * from './cluster.ts';
export * from './csv.ts';
export * from './geojson.ts';
export * from './metrics.ts';
export * from './period.ts';
export * from './progress.ts';
