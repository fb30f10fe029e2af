-- Tenant feedback on green-garden projects (issue 5, point 5): an append-only history of
-- reactions to a garden project, like observation_events for observations. Tenants of the
-- project's buurt react (a thumb up or down and/or a grade 1–5, and a few words) and read back
-- only their own reactions; professionals who see the project read all reactions and may add a
-- comment. The author, their role and organisation are stamped by the server. The table is synced
-- (sync_pull, sync_fetch, sync_push), audited, part of data subject requests and of the tombstone
-- purge. Retention does not apply: it concerns sensitive observations, and garden projects have
-- no sensitive categories.
--
-- Why a table of its own and not observation_events generalised: observation_events has a
-- foreign key to observations, its policies, the tenants' shared view and the retention job all
-- assume an observation; a second parent there would weaken each of them. The columns are the
-- same, so the app shows both alike.

create table public.garden_project_events (
  id uuid primary key,
  municipality_code text not null default 'GM0118' references public.municipalities (code),
  garden_project_id uuid not null references public.garden_projects (id),
  kind text not null check (kind in ('comment', 'feedback')),
  body text not null default '' check (length(body) <= 2000),
  rating smallint check (rating between 1 and 5),
  thumb smallint check (thumb in (-1, 1)),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  author_role text,
  organisation_id uuid references public.organisations (id),
  check (kind <> 'feedback' or rating is not null or thumb is not null)
);
comment on table public.garden_project_events is
  'Append-only reactions to a garden project: tenant feedback (thumb and/or grade 1–5, a few words) and professionals'' comments.';
select private.make_synced('public.garden_project_events');
create index on public.garden_project_events (garden_project_id);
create index on public.garden_project_events (created_by);

-- Validates a reaction and stamps what the server decides: author, role, organisation and the
-- municipality of the project. Reactions are never changed (only erasure clears the author).
create function private.check_garden_project_event() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  project public.garden_projects;
begin
  if tg_op = 'UPDATE' then
    if current_setting('buurtpeil.anonymising', true) is distinct from 'on' then
      perform private.reject('event_immutable',
        'Een reactie kan niet worden gewijzigd. Voeg een nieuwe reactie toe.');
    end if;
    return new;
  end if;
  new.created_by := coalesce(auth.uid(), new.created_by);
  new.author_role := coalesce(private.my_role(), new.author_role);
  new.organisation_id := coalesce(private.my_organisation(), new.organisation_id);
  if new.kind is null or new.kind not in ('comment', 'feedback') then
    perform private.reject('event_kind', 'Kies een reactie of een beoordeling.');
  end if;
  if new.thumb is not null and new.thumb not in (-1, 1) then
    perform private.reject('thumb_value', 'Een duim is omhoog (1) of omlaag (-1).');
  end if;
  if new.rating is not null and new.rating not between 1 and 5 then
    perform private.reject('rating_range', 'Het cijfer moet tussen 1 en 5 liggen.');
  end if;
  if length(coalesce(new.body, '')) > 2000 then
    perform private.reject('body_too_long', 'De tekst is te lang: gebruik hoogstens 2000 tekens.');
  end if;
  if new.kind = 'comment' and length(trim(coalesce(new.body, ''))) = 0 then
    perform private.reject('comment_empty', 'Schrijf een reactie voordat je deze verstuurt.');
  end if;
  if new.kind = 'feedback' and new.rating is null and new.thumb is null then
    perform private.reject('feedback_needs_rating', 'Geef een duim omhoog of omlaag, of een cijfer van 1 tot 5.');
  end if;
  -- As the caller: a project they may not see stays unknown here, and the insert policy refuses.
  select * into project from public.garden_projects g where g.id = new.garden_project_id;
  if project.id is not null then
    if project.deleted_at is not null then
      perform private.reject('garden_project_deleted',
        'Dit tuinproject is verwijderd. Je reactie kan niet meer worden opgeslagen.');
    end if;
    new.municipality_code := project.municipality_code;
  end if;
  return new;
end;
$$;
comment on function private.check_garden_project_event() is
  'Keeps garden project reactions append-only, validates them and stamps author, role and organisation.';
create trigger check_garden_project_event before insert or update on public.garden_project_events
  for each row execute function private.check_garden_project_event();

-- The same rule as the garden_projects select policy, for one project.
create function private.sees_garden_project(project uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select from public.garden_projects g
    where g.id = project and g.municipality_code = private.my_municipality()
      and (private.my_role() in ('gemeente', 'corporatie', 'smederij')
        or (private.my_role() = 'huurder' and private.works_in(g.neighbourhood_code))))
$$;
comment on function private.sees_garden_project(uuid) is
  'True when the signed-in user may see this garden project (professionals; tenants of its buurt).';
grant execute on function private.sees_garden_project(uuid) to authenticated, service_role;

alter table public.garden_project_events enable row level security;
revoke all on public.garden_project_events from anon;

-- Tenants never see other people's reactions (nor who wrote them): only their own. Those who
-- see the project professionally read all of them, as they read observation_events.
create policy "Reactions to a garden project are visible to professionals who see it, and to their own author"
  on public.garden_project_events for select to authenticated
  using (municipality_code = (select private.my_municipality())
    and case (select private.my_role())
      when 'huurder' then created_by = (select auth.uid())
        and private.sees_garden_project(garden_project_id)
      when 'gemeente' then private.sees_garden_project(garden_project_id)
      when 'corporatie' then private.sees_garden_project(garden_project_id)
      when 'smederij' then private.sees_garden_project(garden_project_id)
      else false
    end);
create policy "Tenants give feedback on garden projects they see; professionals comment on them"
  on public.garden_project_events for insert to authenticated
  with check (municipality_code = (select private.my_municipality())
    and private.sees_garden_project(garden_project_id)
    and ((kind = 'feedback' and (select private.my_role()) = 'huurder')
      or (kind = 'comment' and (select private.my_role()) in ('gemeente', 'corporatie', 'smederij'))));
-- No update or delete policy: reactions are append-only (the trigger refuses changes too).

-- Audited like the other domain tables; erasure may clear the author (see erase_personal_data).
create trigger audit_insert after insert on public.garden_project_events
  referencing new table as new_rows for each statement execute function private.audit();
create trigger audit_update after update on public.garden_project_events
  referencing old table as old_rows new table as new_rows for each statement execute function private.audit();
create trigger audit_delete after delete on public.garden_project_events
  referencing old table as old_rows for each statement execute function private.audit();
create trigger erase_personal_data before update on public.garden_project_events
  for each row execute function private.erase_personal_data();

-- Sync: devices may write reactions, and pull and fetch them.
create or replace function private.sync_writable(tbl text) returns boolean
language sql immutable
set search_path = ''
as $$
  select tbl = any (array['observations', 'observation_events', 'garden_projects',
    'garden_project_events', 'accessibility_checks', 'neighbourhood_grades', 'walks',
    'walk_participants', 'attachments', 'targets'])
$$;

-- As before, with a branch for garden project reactions.
create or replace function public.sync_pull(cursor jsonb default null, max_rows integer default 500) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  -- Every transaction below this has finished: rows stamped below it can no longer appear
  -- behind the cursor, however late their transaction committed.
  horizon xid8 := pg_snapshot_xmin(pg_current_snapshot());
  c_tx xid8 := '0';
  c_seq bigint := 0;
  lim integer := least(greatest(coalesce(max_rows, 500), 1), 1000);
  is_tenant boolean := coalesce(private.my_role() = 'huurder', false);
  changes jsonb;
  last_tx xid8;
  last_seq bigint;
  n integer;
begin
  if auth.uid() is null then
    raise exception using errcode = '42501', message = 'Log in om gegevens op te halen.';
  end if;
  if cursor is not null and cursor <> 'null'::jsonb then
    begin
      c_tx := (cursor ->> 'txid')::xid8;
      c_seq := (cursor ->> 'seq')::bigint;
    exception when others then
      raise exception using errcode = '22023', hint = 'bad_cursor',
        message = 'De synchronisatiepositie is ongeldig; haal alles opnieuw op.';
    end;
    if c_tx is null or c_seq is null then
      raise exception using errcode = '22023', hint = 'bad_cursor',
        message = 'De synchronisatiepositie is ongeldig; haal alles opnieuw op.';
    end if;
    -- A cursor before the newest purged tombstone may have missed it.
    if (select (c_tx, c_seq) < (h.min_txid, h.min_seq) from private.sync_horizon h) then
      return jsonb_build_object('reset_required', true, 'changes', '[]'::jsonb, 'cursor', null,
        'has_more', false);
    end if;
  end if;

  -- Each branch takes at most one page in index order, so a page costs the same however much
  -- there is; the tenant-only views are skipped for everyone else.
  with c as (
    (select 'organisations' t, x._txid, x._seq, to_jsonb(x) r from public.organisations x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon
      order by x._txid, x._seq limit lim)
    union all (select 'profiles', x._txid, x._seq, to_jsonb(x) from public.profiles x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon
      order by x._txid, x._seq limit lim)
    union all (select 'neighbourhoods', x._txid, x._seq, to_jsonb(x) from public.neighbourhoods x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon
      order by x._txid, x._seq limit lim)
    union all (select 'observation_categories', x._txid, x._seq, to_jsonb(x) from public.observation_categories x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon
      order by x._txid, x._seq limit lim)
    union all (select 'observations', x._txid, x._seq, to_jsonb(x) from public.observations x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon
      order by x._txid, x._seq limit lim)
    union all (select 'observations', x._txid, x._seq, to_jsonb(x) || '{"shared": true}' from public.shared_observations x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon and is_tenant
      order by x._txid, x._seq limit lim)
    union all (select 'observation_events', x._txid, x._seq, to_jsonb(x) from public.observation_events x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon
      order by x._txid, x._seq limit lim)
    union all (select 'observation_events', x._txid, x._seq, to_jsonb(x) || '{"shared": true}' from public.shared_observation_events x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon and is_tenant
      order by x._txid, x._seq limit lim)
    union all (select 'garden_projects', x._txid, x._seq, to_jsonb(x) from public.garden_projects x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon
      order by x._txid, x._seq limit lim)
    union all (select 'garden_project_events', x._txid, x._seq, to_jsonb(x) from public.garden_project_events x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon
      order by x._txid, x._seq limit lim)
    union all (select 'accessibility_checks', x._txid, x._seq, to_jsonb(x) from public.accessibility_checks x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon
      order by x._txid, x._seq limit lim)
    union all (select 'neighbourhood_grades', x._txid, x._seq, to_jsonb(x) from public.neighbourhood_grades x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon
      order by x._txid, x._seq limit lim)
    union all (select 'walks', x._txid, x._seq, to_jsonb(x) from public.walks x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon
      order by x._txid, x._seq limit lim)
    union all (select 'walk_participants', x._txid, x._seq, to_jsonb(x) from public.walk_participants x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon
      order by x._txid, x._seq limit lim)
    union all (select 'targets', x._txid, x._seq, to_jsonb(x) from public.targets x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon
      order by x._txid, x._seq limit lim)
    union all (select 'attachments', x._txid, x._seq, to_jsonb(x) from public.attachments x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon
      order by x._txid, x._seq limit lim)
    union all (select 'moved', x._txid, x._seq, jsonb_build_object('table', x.table_name, 'id', x.record_id)
      from private.sync_moves x
      where (x._txid, x._seq) > (c_tx, c_seq) and x._txid < horizon
      order by x._txid, x._seq limit lim)
  ), page as (
    select * from c order by _txid, _seq limit lim
  )
  select jsonb_agg(jsonb_build_object('table', t, 'row', r - '_txid' - '_seq') order by _txid, _seq),
    (array_agg(_txid order by _txid desc, _seq desc))[1],
    (array_agg(_seq order by _txid desc, _seq desc))[1],
    count(*)
  into changes, last_tx, last_seq, n
  from page;

  return jsonb_build_object(
    'access', private.access_fingerprint(),
    'changes', coalesce(changes, '[]'::jsonb),
    'cursor', case when n > 0 then jsonb_build_object('txid', last_tx::text, 'seq', last_seq)
                   else cursor end,
    'has_more', n = lim,
    'reset_required', false);
end;
$$;

-- As before, with garden project reactions.
create or replace function public.sync_fetch(refs jsonb) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  tbl text;
  ids uuid[];
  found jsonb;
  out jsonb := '[]';
  is_tenant boolean := coalesce(private.my_role() = 'huurder', false);
begin
  if auth.uid() is null then
    raise exception using errcode = '42501', message = 'Log in om gegevens op te halen.';
  end if;
  if jsonb_typeof(refs) is distinct from 'array' or jsonb_array_length(refs) > 1000 then
    raise exception using errcode = '22023', hint = 'bad_refs',
      message = 'sync_fetch verwacht een lijst van hoogstens 1000 records.';
  end if;
  for tbl in select distinct r ->> 'table' from jsonb_array_elements(refs) r loop
    continue when tbl is null or tbl not in ('observations', 'observation_events', 'garden_projects',
      'garden_project_events',      'accessibility_checks', 'neighbourhood_grades', 'walks', 'walk_participants', 'targets',
      'attachments', 'organisations', 'profiles');
    select array_agg((r ->> 'id')::uuid) into ids from jsonb_array_elements(refs) r
    where r ->> 'table' = tbl and (r ->> 'id') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
    execute format('select coalesce(jsonb_agg(jsonb_build_object(''table'', %L, ''row'', to_jsonb(x) - ''_txid'' - ''_seq'')), ''[]'')
                    from public.%I x where x.id = any ($1)', tbl, tbl) into found using ids;
    out := out || found;
    if is_tenant and tbl in ('observations', 'observation_events') then
      execute format('select coalesce(jsonb_agg(jsonb_build_object(''table'', %L, ''row'', (to_jsonb(x) - ''_txid'' - ''_seq'') || ''{"shared": true}'')), ''[]'')
                      from public.%I x where x.id = any ($1)', tbl, 'shared_' || tbl) into found using ids;
      out := out || found;
    end if;
  end loop;
  return jsonb_build_object('rows', out);
end;
$$;

-- Reactions are purged before their projects; a project tombstone stays while reactions point at it.
create or replace function private.purge_tombstones(keep interval default '180 days') returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
  t text;
  n integer;
  total integer := 0;
  newest_tx xid8;
  newest_seq bigint;
  high_tx xid8 := '0';
  high_seq bigint := 0;
begin
  perform set_config('buurtpeil.purging', 'on', true);
  -- Children before their parents; a tombstone that a live row still points at stays until that
  -- row is gone too (a foreign key would refuse the delete).
  foreach t in array array['observation_events', 'garden_project_events', 'attachments', 'walk_participants', 'targets',
    'neighbourhood_grades', 'accessibility_checks', 'garden_projects', 'observations', 'walks'] loop
    execute format('with gone as (delete from public.%I x where x.deleted_at < now() - $1 %s
                      returning _txid, _seq)
                    select (select count(*) from gone), g._txid, g._seq
                    from (select 1) one left join lateral
                      (select _txid, _seq from gone order by _txid desc, _seq desc limit 1) g on true',
                   t, case t
                     when 'observations' then
                       'and not exists (select from public.observation_events e where e.observation_id = x.id)
                        and not exists (select from public.attachments a
                                        where a.record_table = ''observations'' and a.record_id = x.id)'
                     when 'garden_projects' then
                       'and not exists (select from public.garden_project_events e where e.garden_project_id = x.id)'
                     when 'walks' then
                       'and not exists (select from public.walk_participants p where p.walk_id = x.id)
                        and not exists (select from public.observations o where o.walk_id = x.id)
                        and not exists (select from public.garden_projects g where g.walk_id = x.id)'
                     else '' end)
      into n, newest_tx, newest_seq using keep;
    total := total + n;
    if newest_tx is not null and (newest_tx, newest_seq) > (high_tx, high_seq) then
      high_tx := newest_tx;
      high_seq := newest_seq;
    end if;
  end loop;
  -- Only a client that has not yet seen a purged tombstone must start over.
  if total > 0 then
    update private.sync_horizon h set min_txid = high_tx, min_seq = high_seq
    where (high_tx, high_seq) > (h.min_txid, h.min_seq);
  end if;
  delete from private.sync_moves where at < now() - keep;
  perform set_config('buurtpeil.purging', 'off', true);
  return total;
end;
$$;

-- Data subject requests include reactions to garden projects (export: all; erasure: text and author).
create or replace function public.dsr_export(person uuid) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  records jsonb := '{}';
  t text;
  found jsonb;
begin
  perform private.dsr_person(person);
  foreach t in array array['observations', 'observation_events', 'garden_projects', 'garden_project_events',
    'accessibility_checks', 'neighbourhood_grades', 'walks', 'attachments'] loop
    execute format('select coalesce(jsonb_agg(to_jsonb(x) - ''_txid'' - ''_seq'' order by x.created_at), ''[]'')
                    from public.%I x where x.created_by = $1', t) into found using person;
    records := records || jsonb_build_object(t, found);
  end loop;
  return jsonb_build_object(
    'exported_at', now(),
    'person', (select jsonb_build_object('id', p.id, 'display_name', p.display_name, 'role', p.role,
        'organisation', o.name, 'email', u.email, 'created_at', p.created_at,
        'last_sign_in_at', u.last_sign_in_at, 'deleted_at', p.deleted_at)
      from public.profiles p join public.organisations o on o.id = p.organisation_id
      left join auth.users u on u.id = p.id where p.id = person),
    'neighbourhoods', (select coalesce(jsonb_agg(pn.neighbourhood_code order by pn.neighbourhood_code), '[]')
      from public.profile_neighbourhoods pn where pn.profile_id = person),
    'records', records,
    'activity', (select coalesce(jsonb_agg(jsonb_build_object('at', l.at, 'table', l.table_name,
        'record_id', l.record_id, 'operation', l.operation, 'changes', l.changes) order by l.id), '[]')
      from public.audit_log l where l.actor = person));
end;
$$;

create or replace function public.dsr_erase(person uuid) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  obs jsonb;
  t text;
  k integer;
  unlinked integer := 0;
  texts integer;
  ids text[];
  all_ids text[] := '{}';
begin
  perform private.dsr_person(person);
  if person = auth.uid() then
    raise exception using errcode = '22023', hint = 'dsr_not_self',
      message = 'Je kunt je eigen gegevens niet wissen. Vraag een collega.';
  end if;
  obs := private.anonymise_observations(
    array(select o.id from public.observations o where o.created_by = person), 'erasure');
  if jsonb_array_length(obs -> 'failed') > 0 then
    raise exception using errcode = '23514', hint = 'dsr_incomplete',
      message = 'Niet alle waarnemingen van deze persoon konden worden geanonimiseerd. Er is niets gewist.';
  end if;

  perform set_config('buurtpeil.anonymising', 'on', true);
  perform set_config('buurtpeil.audit_reason', 'erasure', true);
  perform set_config('buurtpeil.erase', '{"created_by": null}', true);
  with changed as (
    update public.observation_events e set body = '', created_by = null
    where e.created_by = person returning e.id::text
  )
  select count(*), coalesce(array_agg(id), '{}') into texts, ids from changed;
  all_ids := all_ids || ids;
  -- Their reactions to garden projects keep thumb and grade (statistics), not text or author.
  with changed as (
    update public.garden_project_events e set body = '', created_by = null
    where e.created_by = person returning e.id::text
  )
  select count(*), coalesce(array_agg(id), '{}') into k, ids from changed;
  texts := texts + k;
  all_ids := all_ids || ids;
  foreach t in array array['garden_projects', 'accessibility_checks', 'neighbourhood_grades',
    'walks', 'attachments'] loop
    execute format('with changed as (update public.%I x set created_by = null where x.created_by = $1
                    returning x.id::text) select count(*), coalesce(array_agg(id), ''{}'') from changed', t)
      into k, ids using person;
    unlinked := unlinked + k;
    all_ids := all_ids || ids;
  end loop;

  update public.profiles set display_name = '', deleted_at = coalesce(deleted_at, now()) where id = person;
  delete from public.profile_neighbourhoods where profile_id = person;
  delete from public.sync_mutations where user_id = person;

  -- The account as GoTrue's soft delete leaves it: no identifiers, no password, no sessions.
  update auth.users set
    email = encode(sha256(convert_to(id::text || coalesce(email, ''), 'UTF8')), 'hex') || '@verwijderd.invalid',
    phone = null, encrypted_password = null, email_change = '', phone_change = '',
    confirmation_token = '', recovery_token = '', email_change_token_new = '',
    email_change_token_current = '', phone_change_token = '', raw_user_meta_data = '{}',
    raw_app_meta_data = '{}', banned_until = '2999-12-31', deleted_at = coalesce(deleted_at, now())
  where id = person;
  update auth.identities set identity_data = '{}',
    provider_id = encode(sha256(convert_to(user_id::text || provider || provider_id, 'UTF8')), 'hex')
  where user_id = person;
  delete from auth.one_time_tokens where user_id = person;
  delete from auth.sessions where user_id = person;
  delete from auth.refresh_tokens where user_id = person::text;

  update public.audit_log l set
    changes = private.audit_redact(l.changes, private.personal_fields()),
    actor = case when l.actor = person then null else l.actor end,
    redacted_at = now()
  where l.actor = person
     or (l.table_name in ('profiles', 'profile_neighbourhoods') and
         (l.record_id = person::text or l.record_id like person::text || '/%'))
     or l.record_id = any (all_ids);

  perform set_config('buurtpeil.anonymising', 'off', true);
  perform set_config('buurtpeil.audit_reason', '', true);
  perform set_config('buurtpeil.erase', '', true);
  return jsonb_build_object('person', person, 'observations', obs -> 'observations',
    'photos', obs -> 'photos', 'comments', texts, 'records_unlinked', unlinked);
end;
$$;
