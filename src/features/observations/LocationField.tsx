import { createSignal, For, lazy, Show, type JSX } from 'solid-js';
import { buurtAt, municipalityOf, type LonLat } from '../../lib/geo/index.ts';
import { t } from '../../lib/i18n/index.ts';
import {
  AddressSearchError,
  searchAddresses,
  type AddressHit,
} from '../../platform/address-search.ts';
import { currentPosition } from '../../platform/geolocation.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { loadBuurten } from './buurten.ts';
import { describePlace, placeOfBuurt, type Place } from './place.ts';

export type { Place } from './place.ts';

// The map (Leaflet) loads only when someone opens it.
const PinMap = lazy(async () => ({ default: (await import('./PinMap.tsx')).PinMap }));

type LocationNote = 'outside' | 'failed';
type SearchNote = 'none' | 'offline' | 'failed';

/**
 * "Where is it?": the person's GPS position, or a chosen buurt; with `pinpoint` also a point on
 * the map or a found address. Every way ends in a place whose buurt follows from the point, as on
 * the server. Ids start with `idPrefix`; `${idPrefix}-location` (the GPS button) is the one to
 * focus when the place is missing.
 */
export function LocationField(props: {
  idPrefix: string;
  place: Place | undefined;
  onChange: (place: Place | undefined) => void;
  /** Shown under the field when the place is missing. */
  error?: string | undefined;
  /** Also offer the map and the address search: for records whose exact spot matters. */
  pinpoint?: boolean;
}): JSX.Element {
  const { device } = useSync();
  const buurten = createLiveQuery(device, async ({ db }) =>
    (await db.neighbourhoods.where('kind').equals('buurt').toArray()).sort((a, b) =>
      a.name.localeCompare(b.name, 'nl'),
    ),
  );
  const [locating, setLocating] = createSignal(false);
  const [note, setNote] = createSignal<LocationNote>();
  // Named in messages; known once the buurt shapes (with their municipality) have been read.
  const [municipality, setMunicipality] = createSignal('');
  const [mapOpen, setMapOpen] = createSignal(false);
  const [query, setQuery] = createSignal('');
  const [hits, setHits] = createSignal<AddressHit[]>();
  const [searchNote, setSearchNote] = createSignal<SearchNote>();
  const [searching, setSearching] = createSignal(false);
  const id = (part: string) => `${props.idPrefix}-${part}`;

  /** The buurt shapes, remembering whose municipality they are. */
  async function shapes() {
    const found = await loadBuurten();
    setMunicipality(municipalityOf(found)?.name ?? '');
    return found;
  }

  async function useMyLocation() {
    setLocating(true);
    setNote(undefined);
    try {
      const pos = await currentPosition();
      const found = buurtAt(pos.point, await shapes());
      if (!found) {
        props.onChange(undefined);
        setNote('outside');
        return;
      }
      props.onChange({
        point: pos.point,
        accuracy: pos.accuracy,
        buurt: found.code,
        source: 'gps',
      });
    } catch {
      setNote('failed');
    } finally {
      setLocating(false);
    }
  }

  /** A point from the map or an address: the buurt follows from it, as with GPS. */
  async function placeAt(
    point: LonLat,
    source: 'map' | 'address',
    address?: string,
  ): Promise<boolean> {
    const found = buurtAt(point, await shapes());
    if (!found) {
      setNote('outside');
      return false;
    }
    setNote(undefined);
    props.onChange({
      point,
      accuracy: null,
      buurt: found.code,
      source,
      ...(address ? { address } : {}),
    });
    return true;
  }

  async function findAddress() {
    if (searching()) return;
    setSearchNote(undefined);
    setHits(undefined);
    setSearching(true);
    try {
      const name = municipalityOf(await shapes())?.name;
      if (!name) throw new AddressSearchError('failed');
      const found = await searchAddresses(query(), name);
      setHits(found);
      if (!found.length) setSearchNote('none');
    } catch (e) {
      const offline =
        (e instanceof AddressSearchError && e.reason === 'offline') || !navigator.onLine;
      setSearchNote(offline ? 'offline' : 'failed');
    } finally {
      setSearching(false);
    }
  }

  function chooseAddress(hit: AddressHit) {
    setHits(undefined);
    void placeAt(hit.point, 'address', hit.label);
  }

  function chooseBuurt(code: string) {
    const b = buurten()?.find((x) => x.code === code);
    setNote(undefined);
    props.onChange(b && placeOfBuurt(b));
  }

  const buurtName = (code: string) => buurten()?.find((b) => b.code === code)?.name ?? code;
  const noteText = (n: LocationNote) =>
    n === 'outside'
      ? t('location.outside', { municipality: municipality() })
      : t('location.failed');
  const searchNoteText = (n: SearchNote) =>
    n === 'none'
      ? t('location.search.none', { municipality: municipality() })
      : t(n === 'offline' ? 'location.search.offline' : 'location.search.failed');

  return (
    <fieldset class="field" classList={{ 'field--invalid': Boolean(props.error) }}>
      <legend class="field__label">{t('location.legend')}</legend>
      <button
        type="button"
        id={id('location')}
        class="button button--secondary"
        aria-disabled={locating()}
        onClick={() => void (locating() || useMyLocation())}
      >
        {locating() ? t('location.gps.busy') : t('location.gps')}
      </button>
      <p role="status" class="field__hint">
        <Show when={props.place}>
          {/* A fragment keeps the text following a new place while one is already shown. */}
          {(p) => <>{describePlace(p(), buurtName(p().buurt))}</>}
        </Show>
        <Show when={note()}>{(n) => <>{noteText(n())}</>}</Show>
      </p>

      <Show when={props.pinpoint}>
        <button
          type="button"
          class="button button--secondary"
          aria-expanded={mapOpen()}
          aria-controls={id('map-area')}
          onClick={() => setMapOpen(!mapOpen())}
        >
          {mapOpen() ? t('location.map.close') : t('location.map.open')}
        </button>
        <div id={id('map-area')}>
          <Show when={mapOpen()}>
            <p class="field__hint" id={id('map-hint')}>
              {t('location.map.hint')}
            </p>
            <PinMap
              point={props.place?.point}
              describedBy={id('map-hint')}
              onPick={(p) => placeAt(p, 'map')}
            />
          </Show>
        </div>

        <label class="field__label" for={id('address-search')}>
          {t('location.search.label')}
        </label>
        <div class="inline-search">
          <input
            id={id('address-search')}
            class="field__input"
            type="search"
            autocomplete="street-address"
            enterkeyhint="search"
            value={query()}
            onInput={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Enter searches here instead of saving the whole form.
              if (e.key === 'Enter') {
                e.preventDefault();
                void findAddress();
              }
            }}
          />
          <button
            type="button"
            class="button button--secondary"
            aria-disabled={searching()}
            onClick={() => void findAddress()}
          >
            {searching() ? t('location.search.busy') : t('location.search.button')}
          </button>
        </div>
        <div role="status" class="field__hint">
          <Show when={searchNote()}>{(n) => <>{searchNoteText(n())}</>}</Show>
        </div>
        <Show when={hits()?.length}>
          <ul class="address-hits" aria-label={t('location.search.hits')}>
            <For each={hits()}>
              {(hit) => (
                <li>
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => chooseAddress(hit)}
                  >
                    {hit.label}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>

      <label class="field__label" for={id('buurt')}>
        {t('location.buurt')}
      </label>
      <select
        id={id('buurt')}
        class="field__input"
        onChange={(e) => chooseBuurt(e.currentTarget.value)}
      >
        <option value="">{t('location.buurt.choose')}</option>
        {/* Selected per option, so a restored place shows once the buurten arrive. */}
        <For each={buurten()}>
          {(b) => (
            <option value={b.code} selected={b.code === props.place?.buurt}>
              {b.name}
            </option>
          )}
        </For>
      </select>
      <Show when={props.error}>
        <p class="field__error">{props.error}</p>
      </Show>
    </fieldset>
  );
}
