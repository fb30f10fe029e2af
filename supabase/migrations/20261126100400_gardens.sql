-- Green-garden projects (agreement 13, the corporations' "tuinaanpak"): measures per project and
-- a status workflow; photos are attachments.

create table public.garden_projects (
  id uuid primary key,
  municipality_code text not null default 'GM0118' references public.municipalities (code),
  corporation_id uuid not null references public.organisations (id),
  title text not null check (length(trim(title)) between 2 and 200),
  address text not null default '' check (length(address) <= 300),
  location point not null,
  neighbourhood_code text not null references public.neighbourhoods (code),
  status text not null default 'aangemeld'
    check (status in ('aangemeld', 'gepland', 'uitgevoerd', 'nazorg', 'afgerond')),
  households integer not null default 0 check (households >= 0),
  tiles_removed_m2 numeric(10, 1) not null default 0 check (tiles_removed_m2 >= 0),
  green_added_m2 numeric(10, 1) not null default 0 check (green_added_m2 >= 0),
  trees integer not null default 0 check (trees >= 0),
  plants integer not null default 0 check (plants >= 0),
  rain_barrels integer not null default 0 check (rain_barrels >= 0),
  facade_garden boolean not null default false,
  green_roof_m2 numeric(10, 1) not null default 0 check (green_roof_m2 >= 0),
  walk_id uuid,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  completed_at timestamptz
);
comment on table public.garden_projects is
  'Green-garden projects: tiles out, green in, trees, rain barrels; participating households as a count.';
select private.make_synced('public.garden_projects');
create index on public.garden_projects (neighbourhood_code, status);
create index on public.garden_projects (corporation_id);

create function private.check_garden_project() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  steps constant text[] := array['aangemeld', 'gepland', 'uitgevoerd', 'nazorg', 'afgerond'];
begin
  if not exists (select from public.organisations o where o.id = new.corporation_id and o.kind = 'corporatie') then
    perform private.reject('corporation_required', 'Kies de woningcorporatie van dit project.');
  end if;
  if length(trim(coalesce(new.title, ''))) not between 2 and 200 then
    perform private.reject('title_length', 'Geef het project een naam van 2 tot 200 tekens.');
  end if;
  if length(coalesce(new.address, '')) > 300 then
    perform private.reject('address_too_long', 'Het adres is te lang: gebruik hoogstens 300 tekens.');
  end if;
  if new.status is null or not new.status = any(steps) then
    perform private.reject('unknown_status', 'Kies een status: aangemeld, gepland, uitgevoerd, nazorg of afgerond.');
  end if;
  if new.households < 0 or new.tiles_removed_m2 < 0 or new.green_added_m2 < 0 or new.trees < 0
     or new.plants < 0 or new.rain_barrels < 0 or new.green_roof_m2 < 0 then
    perform private.reject('negative_measure', 'Aantallen en oppervlaktes kunnen niet negatief zijn.');
  end if;
  new.neighbourhood_code := private.buurt_for(tg_op, new.location,
    case when tg_op = 'UPDATE' then old.location end, case when tg_op = 'UPDATE' then old.neighbourhood_code end);
  if tg_op = 'INSERT' then
    new.created_by := coalesce(auth.uid(), new.created_by);
  else
    new.created_by := old.created_by;
    -- One step forward or back along the workflow at a time.
    if new.status is distinct from old.status
       and abs(array_position(steps, new.status) - array_position(steps, old.status)) <> 1 then
      perform private.reject('status_transition', format(
        'De status kan niet van ''%s'' naar ''%s''. Zet het project stap voor stap verder.',
        old.status, new.status));
    end if;
  end if;
  if new.status in ('uitgevoerd', 'nazorg', 'afgerond') then
    new.completed_at := coalesce(new.completed_at, now());
  else
    new.completed_at := null;
  end if;
  return new;
end;
$$;
comment on function private.check_garden_project() is
  'Validates garden projects: corporation, measures ≥ 0, buurt from the point, workflow steps.';
create trigger check_garden_project before insert or update on public.garden_projects
  for each row execute function private.check_garden_project();

-- Who may change a garden project: its corporation, the team of its buurt, the municipality.
create function private.edits_corporation_record(corporation uuid, buurt text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select case private.my_role()
    when 'gemeente' then true
    when 'corporatie' then corporation = private.my_organisation()
    when 'smederij' then private.works_in(buurt)
    else false
  end
$$;
comment on function private.edits_corporation_record(uuid, text) is
  'True when the signed-in user may change a corporation''s record (garden project, check).';
grant execute on function private.edits_corporation_record(uuid, text) to authenticated, service_role;

alter table public.garden_projects enable row level security;
revoke all on public.garden_projects from anon;

create policy "Garden projects are visible to professionals, and to tenants of their buurt"
  on public.garden_projects for select to authenticated
  using (municipality_code = private.my_municipality()
    and (private.my_role() in ('gemeente', 'corporatie', 'smederij')
      or (private.my_role() = 'huurder' and private.works_in(neighbourhood_code))));
create policy "Garden projects are started by their corporation, the buurt team or the municipality"
  on public.garden_projects for insert to authenticated
  with check (municipality_code = private.my_municipality()
    and private.edits_corporation_record(corporation_id, neighbourhood_code));
create policy "Garden projects are changed by their corporation, the buurt team or the municipality"
  on public.garden_projects for update to authenticated
  using (municipality_code = private.my_municipality()
    and private.edits_corporation_record(corporation_id, neighbourhood_code))
  with check (private.edits_corporation_record(corporation_id, neighbourhood_code));
