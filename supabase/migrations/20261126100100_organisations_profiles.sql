-- Organisations (the parties of the performance agreements) and profiles (auth user → organisation,
-- role and the neighbourhoods they work in), with the security-definer helpers every policy uses.

create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  municipality_code text not null default 'GM0118' references public.municipalities (code),
  name text not null check (length(trim(name)) between 2 and 120),
  kind text not null check (kind in ('gemeente', 'corporatie', 'huurdersorganisatie', 'smederij')),
  active_until date,
  unique (municipality_code, name)
);
comment on table public.organisations is
  'Gemeente, housing corporations, tenant organisations and De Smederijen of a municipality.';
select private.make_synced('public.organisations');

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  organisation_id uuid not null references public.organisations (id),
  role text not null check (role in ('smederij', 'huurder', 'corporatie', 'gemeente')),
  display_name text not null default '' check (length(display_name) <= 120)
);
comment on table public.profiles is
  'One per auth user: organisation and role (smederij | huurder | corporatie | gemeente).';
select private.make_synced('public.profiles');
create index on public.profiles (organisation_id);

-- Private helpers. security definer so policies can read profiles without recursing into the
-- profiles policies. Who the signed-in user is (role, organisation, municipality) is looked up
-- once per transaction and kept in a transaction-local setting: policies and triggers ask for it
-- for every row they touch.
create function private.me() returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  uid text := nullif(current_setting('request.jwt.claim.sub', true), '');
  cached jsonb := nullif(current_setting('buurtpeil.me', true), '')::jsonb;
  found jsonb;
begin
  uid := coalesce(uid, nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub');
  if cached is not null and cached ->> 'uid' is not distinct from uid then
    return cached;
  end if;
  select jsonb_build_object('uid', uid, 'role', p.role, 'organisation', p.organisation_id,
      'municipality', o.municipality_code)
    into found
  from public.profiles p join public.organisations o on o.id = p.organisation_id
  where p.id = uid::uuid and p.deleted_at is null;
  found := coalesce(found, jsonb_build_object('uid', uid));
  perform set_config('buurtpeil.me', found::text, true);
  return found;
end;
$$;
comment on function private.me() is
  'The signed-in user''s role, organisation and municipality, looked up once per transaction.';

create function private.my_role() returns text
language sql stable security definer
set search_path = ''
as $$
  select private.me() ->> 'role'
$$;
comment on function private.my_role() is 'Role of the signed-in user, or null without a profile.';

create function private.my_organisation() returns uuid
language sql stable security definer
set search_path = ''
as $$
  select (private.me() ->> 'organisation')::uuid
$$;
comment on function private.my_organisation() is 'Organisation of the signed-in user.';

create function private.my_municipality() returns text
language sql stable security definer
set search_path = ''
as $$
  select private.me() ->> 'municipality'
$$;
comment on function private.my_municipality() is 'Municipality of the signed-in user.';

create function private.org_in_my_municipality(org uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select from public.organisations o
                 where o.id = org and o.municipality_code = private.my_municipality())
$$;
comment on function private.org_in_my_municipality(uuid) is
  'True when the organisation belongs to the signed-in user''s municipality.';

create function private.profile_in_my_municipality(profile uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select from public.profiles p join public.organisations o on o.id = p.organisation_id
                 where p.id = profile and o.municipality_code = private.my_municipality())
$$;
comment on function private.profile_in_my_municipality(uuid) is
  'True when the person works for an organisation of the signed-in user''s municipality.';

grant execute on function private.me(), private.my_role(), private.my_organisation(), private.my_municipality(),
  private.org_in_my_municipality(uuid), private.profile_in_my_municipality(uuid)
  to authenticated, service_role;

create function private.check_profile() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if length(coalesce(new.display_name, '')) > 120 then
    perform private.reject('name_too_long', 'De naam is te lang: gebruik hoogstens 120 tekens.');
  end if;
  if new.role is null or new.role not in ('smederij', 'huurder', 'corporatie', 'gemeente') then
    perform private.reject('unknown_role', 'Kies een rol: smederij, huurder, corporatie of gemeente.');
  end if;
  return new;
end;
$$;
comment on function private.check_profile() is 'Validates profiles (name length, role).';
create trigger check_profile before insert or update on public.profiles
  for each row execute function private.check_profile();

alter table public.organisations enable row level security;
alter table public.profiles enable row level security;
revoke all on public.organisations, public.profiles from anon;

create policy "Municipalities are visible to everyone signed in"
  on public.municipalities for select to authenticated
  using (true);

create policy "Organisations of the municipality are visible to everyone signed in there"
  on public.organisations for select to authenticated
  using (municipality_code = private.my_municipality());
create policy "The municipality adds organisations"
  on public.organisations for insert to authenticated
  with check (municipality_code = private.my_municipality() and private.my_role() = 'gemeente');
create policy "The municipality changes organisations"
  on public.organisations for update to authenticated
  using (municipality_code = private.my_municipality() and private.my_role() = 'gemeente');

-- Tenants never see who else uses the app; professionals see the people they work with.
create policy "People see their own profile; professionals see the profiles of their municipality"
  on public.profiles for select to authenticated
  using (id = auth.uid()
    or (private.my_role() in ('gemeente', 'corporatie', 'smederij')
      and exists (select from public.organisations o
                  where o.id = organisation_id and o.municipality_code = private.my_municipality())));
create policy "The municipality adds profiles to its own organisations"
  on public.profiles for insert to authenticated
  with check (private.my_role() = 'gemeente' and private.org_in_my_municipality(organisation_id));
create policy "The municipality manages its people's profiles; people change their own display name"
  on public.profiles for update to authenticated
  using ((private.my_role() = 'gemeente' and private.profile_in_my_municipality(id)) or id = auth.uid())
  with check ((private.my_role() = 'gemeente' and private.org_in_my_municipality(organisation_id))
    or (id = auth.uid() and role = private.my_role() and organisation_id = private.my_organisation()));
