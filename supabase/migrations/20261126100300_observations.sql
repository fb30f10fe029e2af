-- Liveability observations: the category tree, observations with their status workflow, and the
-- append-only history of events (status changes, comments, tenant feedback).

create table public.observation_categories (
  code text primary key check (code ~ '^[a-z]+(\.[a-z_]+)?$'),
  parent_code text references public.observation_categories (code),
  theme text not null check (theme in ('schoon', 'heel', 'veilig', 'groen', 'sociaal', 'positief')),
  name_nl text not null,
  name_en text not null,
  icon text not null default '',
  sensitive boolean not null default false,
  positive boolean not null default false,
  sort integer not null default 0
);
comment on table public.observation_categories is
  'Two-level tree of observation categories (theme → category); sensitive ones are shielded.';
select private.make_synced('public.observation_categories');

create table public.observations (
  id uuid primary key,
  municipality_code text not null default 'GM0118' references public.municipalities (code),
  category_code text not null references public.observation_categories (code),
  sensitive boolean not null default false,
  severity smallint not null default 2 check (severity between 1 and 5),
  description text not null default '' check (length(description) <= 2000),
  location point not null,
  accuracy_m real check (accuracy_m between 0 and 10000),
  neighbourhood_code text not null references public.neighbourhoods (code),
  status text not null default 'nieuw'
    check (status in ('nieuw', 'in_behandeling', 'opgelost', 'gesloten')),
  close_reason text check (length(close_reason) <= 1000),
  assigned_organisation_id uuid references public.organisations (id),
  walk_id uuid,
  reporter_organisation_id uuid references public.organisations (id),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  observed_at timestamptz not null default now(),
  resolved_at timestamptz,
  anonymised_at timestamptz
);
comment on table public.observations is
  'Liveability observations (leefbaarheidswaarnemingen) logged in a buurt, with a status workflow.';
select private.make_synced('public.observations');
create index on public.observations (neighbourhood_code, status);
create index on public.observations (created_by);
create index on public.observations (assigned_organisation_id);

-- Validates an observation and fills what the server decides: buurt, sensitivity, reporter.
create function private.check_observation() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  cat public.observation_categories;
begin
  select * into cat from public.observation_categories where code = new.category_code;
  if cat.code is null or cat.parent_code is null or cat.deleted_at is not null then
    perform private.reject('unknown_category',
      'Kies een bestaande categorie (niet alleen een thema).');
  end if;
  if new.severity is null or new.severity not between 1 and 5 then
    perform private.reject('severity_range', 'De ernst moet tussen 1 en 5 liggen.');
  end if;
  if length(coalesce(new.description, '')) > 2000 then
    perform private.reject('description_too_long',
      'De beschrijving is te lang: gebruik hoogstens 2000 tekens.');
  end if;
  if new.accuracy_m is not null and new.accuracy_m not between 0 and 10000 then
    perform private.reject('accuracy_range', 'De nauwkeurigheid moet tussen 0 en 10.000 meter liggen.');
  end if;
  if new.observed_at is null or new.observed_at > now() + interval '1 day' then
    perform private.reject('observed_in_future', 'De datum van de waarneming kan niet in de toekomst liggen.');
  end if;
  if new.location is null then
    perform private.reject('location_required', 'Geef de plek van de waarneming aan.');
  end if;
  new.neighbourhood_code := private.buurt_for(tg_op, new.location,
    case when tg_op = 'UPDATE' then old.location end, case when tg_op = 'UPDATE' then old.neighbourhood_code end);
  new.sensitive := cat.sensitive;
  if tg_op = 'INSERT' then
    new.created_by := coalesce(auth.uid(), new.created_by);
    new.reporter_organisation_id := coalesce(private.my_organisation(), new.reporter_organisation_id);
    if new.status <> 'nieuw' then
      perform private.reject('status_start', 'Een nieuwe waarneming begint met de status ''nieuw''.');
    end if;
  else
    new.created_by := old.created_by;
    new.reporter_organisation_id := old.reporter_organisation_id;
    if new.status is distinct from old.status then
      if not (old.status, new.status) in (
        ('nieuw', 'in_behandeling'), ('nieuw', 'opgelost'), ('nieuw', 'gesloten'),
        ('in_behandeling', 'opgelost'), ('in_behandeling', 'gesloten'),
        ('opgelost', 'in_behandeling'), ('gesloten', 'in_behandeling')) then
        perform private.reject('status_transition', format(
          'De status kan niet van ''%s'' naar ''%s''. Zet de waarneming eerst in behandeling.',
          old.status, new.status));
      end if;
      new.resolved_at := case when new.status in ('opgelost', 'gesloten') then now() end;
      if new.status = 'in_behandeling' then
        new.close_reason := null;
      end if;
    end if;
  end if;
  if length(coalesce(new.close_reason, '')) > 1000 then
    perform private.reject('close_reason_too_long', 'De reden is te lang: gebruik hoogstens 1000 tekens.');
  end if;
  if new.status = 'gesloten' and length(trim(coalesce(new.close_reason, ''))) = 0 then
    perform private.reject('close_reason_required',
      'Geef een reden op waarom de waarneming zonder actie wordt gesloten.');
  end if;
  return new;
end;
$$;
comment on function private.check_observation() is
  'Validates observations (category, ranges, buurt from the point, status workflow, close reason).';
create trigger check_observation before insert or update on public.observations
  for each row execute function private.check_observation();

create table public.observation_events (
  id uuid primary key,
  municipality_code text not null default 'GM0118' references public.municipalities (code),
  observation_id uuid not null references public.observations (id),
  kind text not null check (kind in ('comment', 'status', 'feedback', 'assignment')),
  body text not null default '' check (length(body) <= 2000),
  rating smallint check (rating between 1 and 5),
  thumb smallint check (thumb in (-1, 1)),
  from_status text,
  to_status text,
  assigned_organisation_id uuid references public.organisations (id),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  author_role text
);
comment on table public.observation_events is
  'Append-only history of an observation: status changes, comments, tenant feedback, assignments.';
select private.make_synced('public.observation_events');
create index on public.observation_events (observation_id);

create function private.check_observation_event() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and current_setting('buurtpeil.anonymising', true) is distinct from 'on' then
    perform private.reject('event_immutable',
      'De geschiedenis kan niet worden gewijzigd. Voeg een nieuwe reactie toe.');
  end if;
  if tg_op = 'INSERT' then
    new.created_by := coalesce(auth.uid(), new.created_by);
    new.author_role := coalesce(private.my_role(), new.author_role);
    if new.kind is null or new.kind not in ('comment', 'status', 'feedback', 'assignment') then
      perform private.reject('event_kind', 'Kies een reactie, een beoordeling, een statuswijziging of een toewijzing.');
    end if;
    if new.thumb is not null and new.thumb not in (-1, 1) then
      perform private.reject('thumb_value', 'Een duim is omhoog (1) of omlaag (-1).');
    end if;
    if length(coalesce(new.body, '')) > 2000 then
      perform private.reject('body_too_long', 'De tekst is te lang: gebruik hoogstens 2000 tekens.');
    end if;
    if new.kind = 'comment' and length(trim(new.body)) = 0 then
      perform private.reject('comment_empty', 'Schrijf een reactie voordat je deze verstuurt.');
    end if;
    if new.kind = 'feedback' and new.rating is null and new.thumb is null then
      perform private.reject('feedback_needs_rating', 'Geef een duim omhoog of omlaag, of een cijfer van 1 tot 5.');
    end if;
    if new.rating is not null and new.rating not between 1 and 5 then
      perform private.reject('rating_range', 'Het cijfer moet tussen 1 en 5 liggen.');
    end if;
  end if;
  return new;
end;
$$;
comment on function private.check_observation_event() is
  'Keeps events append-only and validates comments and feedback.';
create trigger check_observation_event before insert or update on public.observation_events
  for each row execute function private.check_observation_event();

-- A status change or assignment is recorded in the history by the server, so every client agrees.
create function private.record_observation_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    insert into public.observation_events
      (id, municipality_code, observation_id, kind, body, from_status, to_status, created_by, author_role)
    values (gen_random_uuid(), new.municipality_code, new.id, 'status',
      coalesce(case when new.status = 'gesloten' then new.close_reason end, ''),
      old.status, new.status, auth.uid(), private.my_role());
  end if;
  if new.assigned_organisation_id is distinct from old.assigned_organisation_id then
    insert into public.observation_events
      (id, municipality_code, observation_id, kind, assigned_organisation_id, created_by, author_role)
    values (gen_random_uuid(), new.municipality_code, new.id, 'assignment',
      new.assigned_organisation_id, auth.uid(), private.my_role());
  end if;
  return null;
end;
$$;
comment on function private.record_observation_change() is
  'Appends a status or assignment event when an observation''s status or assignee changes.';
create trigger record_observation_change after update on public.observations
  for each row execute function private.record_observation_change();

-- Who may see the full details of an observation (tenants see other people's reports only through
-- public.shared_observations, without reporter and exact location).
create function private.sees_observation(
  sensitive boolean, buurt text, reporter_org uuid, assigned_org uuid, reporter uuid
) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select case private.my_role()
    when 'gemeente' then true
    when 'smederij' then not sensitive or private.works_in(buurt)
      or reporter_org = private.my_organisation()
    when 'corporatie' then not sensitive or reporter_org = private.my_organisation()
      or assigned_org = private.my_organisation()
    when 'huurder' then reporter = auth.uid()
    else false
  end
$$;
comment on function private.sees_observation(boolean, text, uuid, uuid, uuid) is
  'True when the signed-in user may see this observation in full (see the privacy rules).';

-- Who may change an observation (status, assignment, details).
create function private.edits_observation(buurt text, reporter_org uuid, assigned_org uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select case private.my_role()
    when 'gemeente' then true
    when 'smederij' then private.works_in(buurt) or reporter_org = private.my_organisation()
    when 'corporatie' then reporter_org = private.my_organisation()
      or assigned_org = private.my_organisation()
    else false
  end
$$;
comment on function private.edits_observation(text, uuid, uuid) is
  'True when the signed-in user may change this observation.';

-- Tenants see non-sensitive observations of the neighbourhoods they belong to.
create function private.tenant_shares(sensitive boolean, buurt text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select private.my_role() = 'huurder' and not sensitive and private.works_in(buurt)
$$;
comment on function private.tenant_shares(boolean, text) is
  'True when this observation is shown (redacted) to the signed-in tenant.';

grant execute on function private.sees_observation(boolean, text, uuid, uuid, uuid),
  private.edits_observation(text, uuid, uuid), private.tenant_shares(boolean, text)
  to authenticated, service_role;

alter table public.observation_categories enable row level security;
alter table public.observations enable row level security;
alter table public.observation_events enable row level security;
revoke all on public.observation_categories, public.observations, public.observation_events from anon;

create policy "Categories are visible to everyone signed in"
  on public.observation_categories for select to authenticated
  using (true);
create policy "The municipality manages categories"
  on public.observation_categories for insert to authenticated
  with check (private.my_role() = 'gemeente');
create policy "The municipality changes categories"
  on public.observation_categories for update to authenticated
  using (private.my_role() = 'gemeente');

-- The rules of private.sees_observation, written out so that the per-user values are computed
-- once per query (the sub-selects) instead of once per row: sync_pull reads many rows.
create policy "Observations are visible to those who may see their details"
  on public.observations for select to authenticated
  using (municipality_code = (select private.my_municipality())
    and case (select private.my_role())
      when 'gemeente' then true
      when 'smederij' then not sensitive
        or neighbourhood_code = any ((select private.my_buurten())::text[])
        or reporter_organisation_id = (select private.my_organisation())
      when 'corporatie' then not sensitive
        or reporter_organisation_id = (select private.my_organisation())
        or assigned_organisation_id = (select private.my_organisation())
      when 'huurder' then created_by = (select auth.uid())
      else false
    end);
create policy "Everyone with a profile logs observations; tenants only non-sensitive ones"
  on public.observations for insert to authenticated
  with check (municipality_code = private.my_municipality()
    and (private.my_role() <> 'huurder' or not sensitive));
create policy "Observations are changed by their neighbourhood team, reporter, assignee or the municipality"
  on public.observations for update to authenticated
  using (municipality_code = private.my_municipality()
    and private.edits_observation(neighbourhood_code, reporter_organisation_id, assigned_organisation_id))
  with check (municipality_code = private.my_municipality());

-- Events follow their observation: who sees it sees its history; tenants see feedback and
-- comments on observations shared with them, but never the author.
create function private.sees_observation_id(obs uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select from public.observations o
    where o.id = obs and o.municipality_code = private.my_municipality()
      and (private.sees_observation(o.sensitive, o.neighbourhood_code, o.reporter_organisation_id,
             o.assigned_organisation_id, o.created_by)
           or private.tenant_shares(o.sensitive, o.neighbourhood_code)))
$$;
comment on function private.sees_observation_id(uuid) is
  'True when the signed-in user may see the observation (in full, or shared as a tenant).';
create function private.sees_observation_in_full(obs uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select from public.observations o
    where o.id = obs and o.municipality_code = private.my_municipality()
      and private.sees_observation(o.sensitive, o.neighbourhood_code, o.reporter_organisation_id,
            o.assigned_organisation_id, o.created_by))
$$;
comment on function private.sees_observation_in_full(uuid) is
  'True when the signed-in user may see the observation with all its details.';
grant execute on function private.sees_observation_id(uuid), private.sees_observation_in_full(uuid)
  to authenticated, service_role;

create policy "Events are visible with their observation, to those who see it in full"
  on public.observation_events for select to authenticated
  using (private.sees_observation_in_full(observation_id));
create policy "People who see an observation comment on it; tenants give feedback"
  on public.observation_events for insert to authenticated
  with check (private.sees_observation_id(observation_id)
    and (kind = 'feedback' or (kind = 'comment' and private.my_role() <> 'huurder')));

-- What tenants see of the history of observations shared with them: never who wrote it.
create view public.shared_observation_events with (security_barrier = true) as
  select e.id, e.municipality_code, e.observation_id, e.kind, e.body, e.rating, e.thumb,
    e.from_status, e.to_status, e.version, e.created_at, e.updated_at, e.deleted_at, e._txid, e._seq
  from public.observation_events e
  where exists (
    select from public.observations o
    where o.id = e.observation_id
      and private.tenant_shares(o.sensitive, o.neighbourhood_code)
      and o.municipality_code = private.my_municipality()
      and o.created_by is distinct from auth.uid()
      and o.anonymised_at is null);
comment on view public.shared_observation_events is
  'History (comments, feedback, status) of observations shared with a tenant, without authors.';
revoke all on public.shared_observation_events from anon;
grant select on public.shared_observation_events to authenticated;
revoke insert, update, delete, truncate on public.shared_observation_events from authenticated;

-- What tenants see of observations in their neighbourhoods that others reported: no reporter, no
-- exact location (rounded to about 100 m), no accuracy.
create view public.shared_observations with (security_barrier = true) as
  select o.id, o.municipality_code, o.category_code, o.severity, o.description,
    point(round(o.location[0]::numeric, 3)::float8, round(o.location[1]::numeric, 3)::float8) as location,
    o.neighbourhood_code, o.status, o.observed_at, o.resolved_at, o.version, o.created_at,
    o.updated_at, o.deleted_at, o._txid, o._seq
  from public.observations o
  where private.tenant_shares(o.sensitive, o.neighbourhood_code)
    and o.municipality_code = private.my_municipality()
    and o.created_by is distinct from auth.uid()
    and o.anonymised_at is null;
comment on view public.shared_observations is
  'Non-sensitive observations of a tenant''s neighbourhoods, without reporter or exact location.';
revoke all on public.shared_observations from anon;
grant select on public.shared_observations to authenticated;
revoke insert, update, delete, truncate on public.shared_observations from authenticated;
