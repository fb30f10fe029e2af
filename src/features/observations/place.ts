import type { LonLat } from '../../lib/geo/index.ts';
import { t } from '../../lib/i18n/index.ts';
import { parsePoint } from '../../sync/validate.ts';

/** Where a record is: a point, the buurt it lies in, and how the point was found. */
export interface Place {
  point: LonLat;
  /** How sure GPS was, in metres; null for a point that did not come from GPS. */
  accuracy: number | null;
  buurt: string;
  /** How the point was found; none for a chosen buurt (its centre) or a saved record's point. */
  source?: 'gps' | 'map' | 'address';
  /** The address picked in the search, shown back to the person. */
  address?: string;
}

/** A chosen buurt stands for its centre (the label point the server stores as "(lon,lat)"). */
export function placeOfBuurt(buurt: { code: string; label: unknown }): Place | undefined {
  const point = parsePoint(buurt.label);
  return point ? { point, accuracy: null, buurt: buurt.code } : undefined;
}

/**
 * What the form says back about a place. A draft saved before places knew their source still has
 * the GPS accuracy (or, from the garden form, no accuracy field at all).
 */
export function describePlace(place: Place, buurtName: string): string {
  if (place.source === 'map') return t('location.status.pinned', { buurt: buurtName });
  if (place.source === 'address')
    return t('location.status.address', { buurt: buurtName, address: place.address ?? '' });
  if (typeof place.accuracy === 'number')
    return t('location.status.gps', { buurt: buurtName, accuracy: Math.round(place.accuracy) });
  return t('location.status.buurt', { buurt: buurtName });
}
