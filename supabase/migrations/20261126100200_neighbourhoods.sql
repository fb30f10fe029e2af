-- Neighbourhoods: CBS wijken (WK…) and buurten (BU…) with their geometry in Postgres' built-in
-- geometric types (no PostGIS), the buurt of a point, and who works where.

create table public.neighbourhoods (
  code text primary key check (code ~ '^(WK[0-9]{6}|BU[0-9]{8})$'),
  kind text not null check (kind in ('wijk', 'buurt')),
  name text not null,
  wijk_code text references public.neighbourhoods (code),
  municipality_code text not null references public.municipalities (code),
  label point not null,
  bbox box not null,
  homes integer check (homes >= 0),
  inhabitants integer check (inhabitants >= 0),
  check ((kind = 'buurt') = (wijk_code is not null))
);
comment on table public.neighbourhoods is
  'CBS wijken and buurten (geometry: Kadaster / CBS 2019 generalised; names CBS 2024, CC BY 4.0).';
select private.make_synced('public.neighbourhoods');
create index on public.neighbourhoods (wijk_code);

create table public.neighbourhood_rings (
  neighbourhood_code text not null references public.neighbourhoods (code),
  ring_no integer not null,
  is_hole boolean not null,
  ring polygon not null,
  primary key (neighbourhood_code, ring_no)
);
comment on table public.neighbourhood_rings is
  'The rings of each neighbourhood''s (multi)polygon in micro-degrees (lon and lat × 1,000,000; Postgres'' geometric operators compare with an absolute tolerance of 1e-6, which would blur edges given in degrees); holes are marked.';

create table public.profile_neighbourhoods (
  profile_id uuid not null references public.profiles (id) on delete cascade,
  neighbourhood_code text not null references public.neighbourhoods (code),
  primary key (profile_id, neighbourhood_code)
);
comment on table public.profile_neighbourhoods is
  'The buurten or wijken a person works in (a wijk covers all its buurten).';
create index on public.profile_neighbourhoods (neighbourhood_code);

-- The buurt containing a point, or null. On a shared edge the lowest code wins, as on the client.
create function private.buurt_of(p point) returns text
language sql stable security definer
set search_path = ''
as $$
  select n.code
  from public.neighbourhoods n
  where n.kind = 'buurt' and n.deleted_at is null and n.bbox @> box(p, p)
    and exists (select from public.neighbourhood_rings r
                where r.neighbourhood_code = n.code and not r.is_hole
                  and r.ring @> point(p[0] * 1e6, p[1] * 1e6))
    and not exists (select from public.neighbourhood_rings r
                    where r.neighbourhood_code = n.code and r.is_hole
                      and r.ring @> point(p[0] * 1e6, p[1] * 1e6))
  order by n.code
  limit 1
$$;
comment on function private.buurt_of(point) is
  'The buurt code containing a lon/lat point (degrees), or null; tested against the rings in micro-degrees.';

-- The API form: rejects points outside the municipality with a message a person can act on.
create function public.buurt_at(lon double precision, lat double precision) returns text
language plpgsql stable
set search_path = ''
as $$
declare
  found text;
begin
  if lon is null or lat is null or lon not between -180 and 180 or lat not between -90 and 90 then
    raise exception using errcode = '22023', hint = 'invalid_coordinates',
      message = 'Ongeldige coördinaten: geef lengtegraad (lon) en breedtegraad (lat) in graden.';
  end if;
  found := private.buurt_of(point(lon, lat));
  if found is null then
    raise exception using errcode = '22023', hint = 'outside_municipality',
      message = 'Dit punt ligt buiten de gemeente. Kies een plek binnen een buurt van Hoogeveen.';
  end if;
  return found;
end;
$$;
comment on function public.buurt_at(double precision, double precision) is
  'The buurt (BU code) of a WGS84 point; raises outside_municipality for points outside it.';

-- The buurt of a record's point, for the validation triggers: on insert or when the point moves
-- it is looked up (and a point outside the municipality is refused), otherwise it stays.
create function private.buurt_for(tg_op text, new_location point, old_location point, old_buurt text)
returns text
language plpgsql stable
set search_path = ''
as $$
declare
  found text;
begin
  if new_location is null then
    perform private.reject('location_required', 'Geef de plek aan.');
  end if;
  if tg_op = 'UPDATE' and new_location ~= old_location then
    return old_buurt;
  end if;
  found := private.buurt_of(new_location);
  if found is null then
    perform private.reject('outside_municipality',
      'Dit punt ligt buiten de gemeente. Kies een plek binnen een buurt van Hoogeveen.');
  end if;
  return found;
end;
$$;
comment on function private.buurt_for(text, point, point, text) is
  'The buurt of a record''s point for validation triggers; refuses points outside the municipality.';

-- Whether the signed-in user works in the buurt (directly or through its wijk).
create function private.works_in(buurt text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select from public.profile_neighbourhoods pn
    join public.neighbourhoods n on n.code = buurt
    where pn.profile_id = auth.uid()
      and (pn.neighbourhood_code = n.code or pn.neighbourhood_code = n.wijk_code)
  )
$$;
comment on function private.works_in(text) is
  'True when the signed-in user has this buurt, or its wijk, among their neighbourhoods.';

-- The same as a list, for policies that test many rows: evaluated once per query.
create function private.my_buurten() returns text[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(distinct n.code), '{}')
  from public.profile_neighbourhoods pn
  join public.neighbourhoods n on n.code = pn.neighbourhood_code or n.wijk_code = pn.neighbourhood_code
  where pn.profile_id = auth.uid() and n.kind = 'buurt'
$$;
comment on function private.my_buurten() is
  'The buurt codes the signed-in user works in (a wijk stands for all its buurten).';

grant execute on function private.buurt_of(point), private.works_in(text), private.my_buurten(),
  private.buurt_for(text, point, point, text)
  to authenticated, service_role;
grant execute on function public.buurt_at(double precision, double precision)
  to authenticated, service_role;

alter table public.neighbourhoods enable row level security;
alter table public.neighbourhood_rings enable row level security;
alter table public.profile_neighbourhoods enable row level security;
revoke all on public.neighbourhoods, public.neighbourhood_rings, public.profile_neighbourhoods from anon;

create policy "Neighbourhoods are visible to everyone signed in"
  on public.neighbourhoods for select to authenticated
  using (true);
create policy "The municipality changes its neighbourhoods"
  on public.neighbourhoods for update to authenticated
  using (municipality_code = private.my_municipality() and private.my_role() = 'gemeente');
create policy "Neighbourhood shapes are visible to everyone signed in"
  on public.neighbourhood_rings for select to authenticated
  using (true);
create policy "People see their own neighbourhoods; the municipality sees those of its people"
  on public.profile_neighbourhoods for select to authenticated
  using (profile_id = auth.uid()
    or (private.my_role() = 'gemeente' and private.profile_in_my_municipality(profile_id)));
create policy "The municipality assigns its people to its neighbourhoods"
  on public.profile_neighbourhoods for insert to authenticated
  with check (private.my_role() = 'gemeente' and private.profile_in_my_municipality(profile_id)
    and exists (select from public.neighbourhoods n where n.code = neighbourhood_code
                and n.municipality_code = private.my_municipality()));
create policy "The municipality removes its people's neighbourhood assignments"
  on public.profile_neighbourhoods for delete to authenticated
  using (private.my_role() = 'gemeente' and private.profile_in_my_municipality(profile_id));
