-- Accessibility checks of homes (agreement 3): the answers, and the class derived from them in the
-- database so every client agrees.

-- Agreement 3: externally accessible = living room reachable without stairs; internally =
-- toilet, bathroom/shower and a bedroom reachable from the living room without stairs (a stair
-- lift counts); or made so with a few small adaptations.
create function public.accessibility_class(living_room text, toilet text, bathroom text, bedroom text)
returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select case
    when living_room in ('ja', 'traplift') and toilet in ('ja', 'traplift')
      and bathroom in ('ja', 'traplift') and bedroom in ('ja', 'traplift') then 'toegankelijk'
    when living_room in ('ja', 'traplift', 'kleine_aanpassing')
      and toilet in ('ja', 'traplift', 'kleine_aanpassing')
      and bathroom in ('ja', 'traplift', 'kleine_aanpassing')
      and bedroom in ('ja', 'traplift', 'kleine_aanpassing') then 'met_kleine_aanpassingen'
    when living_room in ('ja', 'traplift') then 'alleen_extern'
    else 'niet_toegankelijk'
  end
$$;
comment on function public.accessibility_class(text, text, text, text) is
  'Class of a home per agreement 3: toegankelijk, met_kleine_aanpassingen, alleen_extern, niet_toegankelijk.';
grant execute on function public.accessibility_class(text, text, text, text) to authenticated, service_role;

create table public.accessibility_checks (
  id uuid primary key,
  municipality_code text not null default 'GM0118' references public.municipalities (code),
  corporation_id uuid not null references public.organisations (id),
  address text not null check (length(trim(address)) between 3 and 300),
  complex_name text not null default '' check (length(complex_name) <= 200),
  location point not null,
  neighbourhood_code text not null references public.neighbourhoods (code),
  living_room text not null check (living_room in ('ja', 'nee', 'kleine_aanpassing', 'traplift')),
  toilet text not null check (toilet in ('ja', 'nee', 'kleine_aanpassing', 'traplift')),
  bathroom text not null check (bathroom in ('ja', 'nee', 'kleine_aanpassing', 'traplift')),
  bedroom text not null check (bedroom in ('ja', 'nee', 'kleine_aanpassing', 'traplift')),
  scooter_storage text not null default 'niet_nodig'
    check (scooter_storage in ('aanwezig', 'nodig', 'niet_nodig')),
  new_build boolean not null default false,
  build_year integer check (build_year between 1800 and 2100),
  class text generated always as
    (public.accessibility_class(living_room, toilet, bathroom, bedroom)) stored,
  checked_at timestamptz not null default now(),
  created_by uuid default auth.uid() references auth.users (id) on delete set null
);
comment on table public.accessibility_checks is
  'Accessibility checks of homes per agreement 3; class is derived in the database.';
select private.make_synced('public.accessibility_checks');
create index on public.accessibility_checks (neighbourhood_code);
create index on public.accessibility_checks (corporation_id);
create index on public.accessibility_checks (lower(address));

create function private.check_accessibility() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  answers constant text[] := array['ja', 'nee', 'kleine_aanpassing', 'traplift'];
begin
  if not exists (select from public.organisations o where o.id = new.corporation_id and o.kind = 'corporatie') then
    perform private.reject('corporation_required', 'Kies de woningcorporatie van deze woning.');
  end if;
  if not (new.living_room = any(answers) and new.toilet = any(answers)
          and new.bathroom = any(answers) and new.bedroom = any(answers)) then
    perform private.reject('answer_required',
      'Beantwoord alle vier de vragen met ja, nee, kleine aanpassing of traplift.');
  end if;
  if length(trim(coalesce(new.address, ''))) not between 3 and 300 then
    perform private.reject('address_length', 'Geef het adres van de woning (3 tot 300 tekens).');
  end if;
  if new.scooter_storage is null or new.scooter_storage not in ('aanwezig', 'nodig', 'niet_nodig') then
    perform private.reject('scooter_storage_value', 'Kies bij de scootmobielstalling: aanwezig, nodig of niet nodig.');
  end if;
  if new.build_year is not null and new.build_year not between 1800 and extract(year from now())::int + 5 then
    perform private.reject('build_year_range', 'Het bouwjaar moet tussen 1800 en over vijf jaar liggen.');
  end if;
  new.neighbourhood_code := private.buurt_for(tg_op, new.location,
    case when tg_op = 'UPDATE' then old.location end, case when tg_op = 'UPDATE' then old.neighbourhood_code end);
  new.created_by := case when tg_op = 'INSERT' then coalesce(auth.uid(), new.created_by) else old.created_by end;
  return new;
end;
$$;
comment on function private.check_accessibility() is
  'Validates accessibility checks (corporation, answers, build year, buurt from the point).';
create trigger check_accessibility before insert or update on public.accessibility_checks
  for each row execute function private.check_accessibility();

alter table public.accessibility_checks enable row level security;
revoke all on public.accessibility_checks from anon;

create policy "Accessibility checks are visible to their corporation, the buurt team and the municipality"
  on public.accessibility_checks for select to authenticated
  using (municipality_code = private.my_municipality()
    and private.edits_corporation_record(corporation_id, neighbourhood_code));
create policy "Accessibility checks are made by their corporation, the buurt team or the municipality"
  on public.accessibility_checks for insert to authenticated
  with check (municipality_code = private.my_municipality()
    and private.edits_corporation_record(corporation_id, neighbourhood_code));
create policy "Accessibility checks are changed by their corporation, the buurt team or the municipality"
  on public.accessibility_checks for update to authenticated
  using (municipality_code = private.my_municipality()
    and private.edits_corporation_record(corporation_id, neighbourhood_code))
  with check (private.edits_corporation_record(corporation_id, neighbourhood_code));
