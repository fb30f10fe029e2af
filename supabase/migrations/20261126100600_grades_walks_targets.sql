-- Tenant grades per buurt and theme per quarter, neighbourhood walks (wijkschouw) with their
-- participants, and targets from the performance agreements.

create table public.neighbourhood_grades (
  id uuid primary key,
  municipality_code text not null default 'GM0118' references public.municipalities (code),
  neighbourhood_code text not null references public.neighbourhoods (code),
  year integer not null check (year between 2023 and 2100),
  quarter smallint not null check (quarter between 1 and 4),
  theme text not null check (theme in ('schoon', 'heel', 'veilig', 'groen', 'samen')),
  grade smallint not null check (grade between 1 and 10),
  organisation_id uuid references public.organisations (id),
  created_by uuid default auth.uid() references auth.users (id) on delete set null
);
comment on table public.neighbourhood_grades is
  'A tenant''s grade (1–10) for their buurt per theme per quarter; shown to others only as averages.';
select private.make_synced('public.neighbourhood_grades');
create unique index neighbourhood_grades_one_per_person
  on public.neighbourhood_grades (created_by, neighbourhood_code, year, quarter, theme)
  where deleted_at is null;
create index on public.neighbourhood_grades (neighbourhood_code, year, quarter);

create function private.check_grade() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.grade is null or new.grade not between 1 and 10 then
    perform private.reject('grade_range', 'Geef een cijfer van 1 tot en met 10.');
  end if;
  if new.year is null or new.year not between 2023 and 2100 then
    perform private.reject('year_range', 'Het jaar moet tussen 2023 en 2100 liggen.');
  end if;
  if new.theme is null or new.theme not in ('schoon', 'heel', 'veilig', 'groen', 'samen') then
    perform private.reject('unknown_theme', 'Kies een thema: schoon, heel, veilig, groen of samen.');
  end if;
  if new.quarter is null or new.quarter not between 1 and 4 then
    perform private.reject('quarter_range', 'Het kwartaal moet 1, 2, 3 of 4 zijn.');
  end if;
  if not exists (select from public.neighbourhoods n where n.code = new.neighbourhood_code and n.kind = 'buurt') then
    perform private.reject('unknown_buurt', 'Kies een bestaande buurt.');
  end if;
  if tg_op = 'INSERT' then
    new.created_by := coalesce(auth.uid(), new.created_by);
    new.organisation_id := coalesce(private.my_organisation(), new.organisation_id);
    if exists (select from public.neighbourhood_grades g
               where g.created_by = new.created_by and g.neighbourhood_code = new.neighbourhood_code
                 and g.year = new.year and g.quarter = new.quarter and g.theme = new.theme
                 and g.deleted_at is null) then
      perform private.reject('grade_exists',
        'Je hebt dit thema voor dit kwartaal al een cijfer gegeven. Pas dat cijfer aan.');
    end if;
  else
    new.created_by := old.created_by;
    new.organisation_id := old.organisation_id;
  end if;
  return new;
end;
$$;
comment on function private.check_grade() is 'Validates grades (1–10, quarter, buurt, one per person per theme).';
create trigger check_grade before insert or update on public.neighbourhood_grades
  for each row execute function private.check_grade();

alter table public.neighbourhood_grades enable row level security;
revoke all on public.neighbourhood_grades from anon;
create policy "Grades are visible to their author, the buurt team and the municipality"
  on public.neighbourhood_grades for select to authenticated
  using (municipality_code = private.my_municipality()
    and (created_by = auth.uid() or private.my_role() = 'gemeente'
      or (private.my_role() = 'smederij' and private.works_in(neighbourhood_code))));
create policy "Tenants grade the buurten they belong to"
  on public.neighbourhood_grades for insert to authenticated
  with check (municipality_code = private.my_municipality()
    and private.my_role() = 'huurder' and private.works_in(neighbourhood_code));
create policy "Tenants change their own grades"
  on public.neighbourhood_grades for update to authenticated
  using (created_by = auth.uid() and private.my_role() = 'huurder')
  with check (created_by = auth.uid() and private.works_in(neighbourhood_code));

create table public.walks (
  id uuid primary key,
  municipality_code text not null default 'GM0118' references public.municipalities (code),
  neighbourhood_code text not null references public.neighbourhoods (code),
  title text not null check (length(trim(title)) between 2 and 200),
  planned_for date not null,
  status text not null default 'gepland' check (status in ('gepland', 'gelopen', 'geannuleerd')),
  notes text not null default '' check (length(notes) <= 4000),
  created_by uuid default auth.uid() references auth.users (id) on delete set null
);
comment on table public.walks is 'Neighbourhood walks (wijkschouw): a dated walk in a buurt.';
select private.make_synced('public.walks');
create index on public.walks (neighbourhood_code, planned_for);

create table public.walk_participants (
  id uuid primary key,
  municipality_code text not null default 'GM0118' references public.municipalities (code),
  walk_id uuid not null references public.walks (id),
  organisation_id uuid not null references public.organisations (id),
  people integer not null default 1 check (people between 0 and 100),
  unique (walk_id, organisation_id)
);
comment on table public.walk_participants is 'Organisations taking part in a walk, with a head count.';
select private.make_synced('public.walk_participants');

alter table public.observations
  add constraint observations_walk_id_fkey foreign key (walk_id) references public.walks (id);
alter table public.garden_projects
  add constraint garden_projects_walk_id_fkey foreign key (walk_id) references public.walks (id);

create function private.check_walk() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select from public.neighbourhoods n where n.code = new.neighbourhood_code and n.kind = 'buurt') then
    perform private.reject('unknown_buurt', 'Kies een bestaande buurt voor de wijkschouw.');
  end if;
  if length(trim(coalesce(new.title, ''))) not between 2 and 200 then
    perform private.reject('title_length', 'Geef de wijkschouw een naam van 2 tot 200 tekens.');
  end if;
  if length(coalesce(new.notes, '')) > 4000 then
    perform private.reject('notes_too_long', 'De notities zijn te lang: gebruik hoogstens 4000 tekens.');
  end if;
  if new.status is null or new.status not in ('gepland', 'gelopen', 'geannuleerd') then
    perform private.reject('unknown_status', 'Kies een status: gepland, gelopen of geannuleerd.');
  end if;
  new.created_by := case when tg_op = 'INSERT' then coalesce(auth.uid(), new.created_by) else old.created_by end;
  return new;
end;
$$;
comment on function private.check_walk() is 'Validates walks (an existing buurt) and keeps their author.';
create trigger check_walk before insert or update on public.walks
  for each row execute function private.check_walk();

create function private.sees_walk(walk uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select from public.walks w where w.id = walk
    and w.municipality_code = private.my_municipality()
    and (private.my_role() in ('gemeente', 'corporatie', 'smederij') or private.works_in(w.neighbourhood_code)))
$$;
comment on function private.sees_walk(uuid) is 'True when the signed-in user may see this walk.';
grant execute on function private.sees_walk(uuid) to authenticated, service_role;

alter table public.walks enable row level security;
alter table public.walk_participants enable row level security;
revoke all on public.walks, public.walk_participants from anon;
create policy "Walks are visible to professionals and to tenants of their buurt"
  on public.walks for select to authenticated
  using (private.sees_walk(id));
create policy "Walks are planned by professionals"
  on public.walks for insert to authenticated
  with check (municipality_code = private.my_municipality()
    and private.my_role() in ('gemeente', 'corporatie', 'smederij'));
create policy "Walks are changed by their planner, the buurt team or the municipality"
  on public.walks for update to authenticated
  using (municipality_code = private.my_municipality()
    and (created_by = auth.uid() or private.my_role() = 'gemeente'
      or (private.my_role() = 'smederij' and private.works_in(neighbourhood_code))));
create policy "Participants are visible with their walk"
  on public.walk_participants for select to authenticated
  using (private.sees_walk(walk_id));
create policy "Professionals add participants to walks they see"
  on public.walk_participants for insert to authenticated
  with check (private.sees_walk(walk_id) and private.my_role() in ('gemeente', 'corporatie', 'smederij'));
create policy "Organisations change their own participation; the municipality any"
  on public.walk_participants for update to authenticated
  using (private.sees_walk(walk_id)
    and (private.my_role() = 'gemeente' or organisation_id = private.my_organisation()))
  with check (private.my_role() = 'gemeente' or organisation_id = private.my_organisation());

create function private.check_walk_participant() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.people is null or new.people not between 0 and 100 then
    perform private.reject('people_range', 'Het aantal deelnemers moet tussen 0 en 100 liggen.');
  end if;
  if tg_op = 'UPDATE' and (new.walk_id is distinct from old.walk_id
      or new.organisation_id is distinct from old.organisation_id) then
    perform private.reject('participant_immutable', 'Een deelname kan niet naar een andere wijkschouw of organisatie.');
  end if;
  return new;
end;
$$;
comment on function private.check_walk_participant() is 'Validates walk participants (head count 0–100, fixed walk and organisation).';
create trigger check_walk_participant before insert or update on public.walk_participants
  for each row execute function private.check_walk_participant();

create table public.targets (
  id uuid primary key,
  municipality_code text not null default 'GM0118' references public.municipalities (code),
  neighbourhood_code text references public.neighbourhoods (code),
  organisation_id uuid references public.organisations (id),
  year integer not null check (year between 2023 and 2100),
  metric text not null check (metric in (
    'new_builds_accessible_share', 'homes_accessible_share', 'scooter_storages',
    'gardens_completed', 'tiles_removed_m2', 'green_added_m2', 'trees_planted',
    'observations_resolved_share', 'average_grade', 'zero_step_homes')),
  -- null: a qualitative target (the agreements name the activity but no number).
  target_value numeric check (target_value >= 0),
  agreement_no integer check (agreement_no between 1 and 40),
  description text not null default '' check (length(description) <= 500)
);
comment on table public.targets is
  'Targets from the performance agreements per neighbourhood (or all), organisation (or all) and year.';
select private.make_synced('public.targets');

create function private.check_target() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.target_value is not null and new.target_value < 0 then
    perform private.reject('target_negative', 'Een streefwaarde kan niet negatief zijn.');
  end if;
  if new.year is null or new.year not between 2023 and 2100 then
    perform private.reject('year_range', 'Het jaar moet tussen 2023 en 2100 liggen.');
  end if;
  if new.metric is null or new.metric not in ('new_builds_accessible_share', 'homes_accessible_share',
      'scooter_storages', 'gardens_completed', 'tiles_removed_m2', 'green_added_m2', 'trees_planted',
      'observations_resolved_share', 'average_grade', 'zero_step_homes') then
    perform private.reject('unknown_metric', 'Kies een bestaande maat voor dit doel.');
  end if;
  if new.metric like '%\_share' escape '\' and new.target_value > 1 then
    perform private.reject('share_range', 'Een aandeel is een getal van 0 tot en met 1 (bijvoorbeeld 0,9 voor 90%).');
  end if;
  if new.agreement_no is not null and new.agreement_no not between 1 and 40 then
    perform private.reject('agreement_range', 'Het nummer van de afspraak moet tussen 1 en 40 liggen.');
  end if;
  if length(coalesce(new.description, '')) > 500 then
    perform private.reject('description_too_long', 'De toelichting is te lang: gebruik hoogstens 500 tekens.');
  end if;
  return new;
end;
$$;
comment on function private.check_target() is 'Validates targets (value ≥ 0, shares ≤ 1, year, metric, agreement).';
create trigger check_target before insert or update on public.targets
  for each row execute function private.check_target();

alter table public.targets enable row level security;
revoke all on public.targets from anon;
create policy "Targets are visible to everyone signed in in the municipality"
  on public.targets for select to authenticated
  using (municipality_code = private.my_municipality());
create policy "The municipality sets targets"
  on public.targets for insert to authenticated
  with check (municipality_code = private.my_municipality() and private.my_role() = 'gemeente');
create policy "The municipality changes targets"
  on public.targets for update to authenticated
  using (municipality_code = private.my_municipality() and private.my_role() = 'gemeente');
