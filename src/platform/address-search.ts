import type { LonLat } from '../lib/geo/index.ts';

/** PDOK Locatieserver (free, no key): addresses in the Basisregistratie Adressen en Gebouwen. */
export const LOCATIESERVER = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1/free';

export interface AddressHit {
  /** As PDOK writes it, e.g. "Hoofdstraat 12, 7902EE Hoogeveen" */
  label: string;
  point: LonLat;
}

/** Why a search gave nothing: shown to the person, so they can try the map or the buurt list. */
export class AddressSearchError extends Error {
  constructor(readonly reason: 'offline' | 'failed') {
    super(`address search ${reason}`);
  }
}

/** "POINT(6.4791 52.7247)" → lon/lat; undefined for anything else. */
export function parseWktPoint(wkt: unknown): LonLat | undefined {
  const m = /^POINT\((-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)\)$/.exec(String(wkt ?? ''));
  if (!m) return undefined;
  const lon = Number(m[1]);
  const lat = Number(m[2]);
  return Number.isFinite(lon) && Number.isFinite(lat) ? { lon, lat } : undefined;
}

/**
 * A Solr filter on PDOK's `gemeentenaam`: a one-word name as it is, any other (De Wolden,
 * 's-Hertogenbosch) quoted, so a space or hyphen cannot turn the filter into a different query.
 */
export function municipalityFilter(name: string): string {
  const value = /^[\p{L}\p{N}]+$/u.test(name) ? name : `"${name.replace(/["\\]/g, '\\$&')}"`;
  return `gemeentenaam:${value}`;
}

/**
 * Up to `rows` addresses in the named municipality matching what was typed. The query is sent to
 * PDOK only (no personal data: an address someone typed, nothing about them); the CSP allows
 * api.pdok.nl.
 */
export async function searchAddresses(
  query: string,
  municipality: string,
  {
    rows = 5,
    signal,
    fetchFn = fetch,
  }: { rows?: number; signal?: AbortSignal; fetchFn?: typeof fetch } = {},
): Promise<AddressHit[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  if (globalThis.navigator && !navigator.onLine) throw new AddressSearchError('offline');
  const url = new URL(LOCATIESERVER);
  url.searchParams.set('q', q);
  url.searchParams.append('fq', municipalityFilter(municipality));
  url.searchParams.append('fq', 'type:adres');
  url.searchParams.set('rows', String(rows));
  url.searchParams.set('fl', 'weergavenaam,centroide_ll');
  let body: unknown;
  try {
    const res = await fetchFn(url, { signal, headers: { accept: 'application/json' } });
    if (!res.ok) throw new AddressSearchError('failed');
    body = await res.json();
  } catch (e) {
    if (e instanceof AddressSearchError || (e instanceof DOMException && e.name === 'AbortError'))
      throw e;
    throw new AddressSearchError('failed');
  }
  const docs = (body as { response?: { docs?: unknown[] } }).response?.docs ?? [];
  const hits: AddressHit[] = [];
  for (const doc of docs) {
    const d = doc as { weergavenaam?: unknown; centroide_ll?: unknown };
    const point = parseWktPoint(d.centroide_ll);
    if (typeof d.weergavenaam === 'string' && point) hits.push({ label: d.weergavenaam, point });
  }
  return hits;
}
