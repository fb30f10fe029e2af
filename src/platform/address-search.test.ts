import { describe, expect, test } from 'vitest';
import {
  AddressSearchError,
  municipalityFilter,
  parseWktPoint,
  searchAddresses,
} from './address-search.ts';

function answering(status: number, body: unknown) {
  const calls: URL[] = [];
  const fetchFn = (async (input: URL) => {
    calls.push(input);
    return new Response(JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { calls, fetchFn };
}

describe('address search (PDOK Locatieserver)', () => {
  test('asks for addresses in the given municipality only and reads label and point', async () => {
    const { calls, fetchFn } = answering(200, {
      response: {
        docs: [
          {
            weergavenaam: 'Hoofdstraat 12, 7902EE Hoogeveen',
            centroide_ll: 'POINT(6.4791 52.7247)',
          },
          { weergavenaam: 'Zonder punt' },
          { weergavenaam: 'Kapot punt', centroide_ll: 'POINT(abc 52)' },
        ],
      },
    });
    const hits = await searchAddresses('  Hoofdstraat 12 ', 'Hoogeveen', { fetchFn });
    expect(hits).toEqual([
      { label: 'Hoofdstraat 12, 7902EE Hoogeveen', point: { lon: 6.4791, lat: 52.7247 } },
    ]);
    const url = calls[0]!;
    expect(url.searchParams.get('q')).toBe('Hoofdstraat 12');
    expect(url.searchParams.getAll('fq')).toEqual(['gemeentenaam:Hoogeveen', 'type:adres']);

    // Another deployment's municipality is what its search is limited to.
    await searchAddresses('Hoofdstraat 12', 'Westerveld', { fetchFn });
    expect(calls[1]!.searchParams.getAll('fq')).toEqual(['gemeentenaam:Westerveld', 'type:adres']);
  });

  test('quotes a municipality name that is more than one word', () => {
    expect(municipalityFilter('De Wolden')).toBe('gemeentenaam:"De Wolden"');
    expect(municipalityFilter("'s-Hertogenbosch")).toBe(`gemeentenaam:"'s-Hertogenbosch"`);
    expect(municipalityFilter('Súdwest-Fryslân')).toBe('gemeentenaam:"Súdwest-Fryslân"');
    expect(municipalityFilter('a"b\\c')).toBe('gemeentenaam:"a\\"b\\\\c"');
    expect(municipalityFilter('Tynaarlo')).toBe('gemeentenaam:Tynaarlo');
  });

  test('too short a query asks nothing', async () => {
    const { calls, fetchFn } = answering(200, {});
    expect(await searchAddresses(' a ', 'Hoogeveen', { fetchFn })).toEqual([]);
    expect(calls).toHaveLength(0);
  });

  test('a server error or a broken network is one clear reason', async () => {
    await expect(searchAddresses('Hoofdstraat', 'Hoogeveen', answering(503, {}))).rejects.toEqual(
      new AddressSearchError('failed'),
    );
    const broken = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(
      searchAddresses('Hoofdstraat', 'Hoogeveen', { fetchFn: broken }),
    ).rejects.toBeInstanceOf(AddressSearchError);
  });

  test('reads only well-formed WKT points', () => {
    expect(parseWktPoint('POINT(-1.5 2)')).toEqual({ lon: -1.5, lat: 2 });
    expect(parseWktPoint('POINT(1 2 3)')).toBeUndefined();
    expect(parseWktPoint(undefined)).toBeUndefined();
  });
});
