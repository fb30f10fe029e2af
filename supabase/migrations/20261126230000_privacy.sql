-- Privacy by design (issue 7): the audit trail also covers who works where and the neighbourhoods;
-- personal data in it can be redacted (and nothing else changed); sensitive observations are
-- anonymised a configurable time after closing; the municipality answers data subject requests
-- (export, erasure). Photo files are erased through the Storage API from a queue (photo_erasures),
-- because Storage keeps its files outside the database.

-- Why an entry was written (retention, erasure) and when its personal values were removed.
alter table public.audit_log
  add column reason text,
  add column redacted_at timestamptz;
comment on column public.audit_log.reason is
  'Why the change was made, when the system made it: retention or erasure (a data subject request).';
comment on column public.audit_log.redacted_at is
  'When personal values in this entry were replaced by "[verwijderd]" (retention or erasure).';

-- The key of a logged row: id, code, or (for who-works-where) person and neighbourhood.
create function private.audit_key(j jsonb) returns text
language sql immutable
set search_path = ''
as $$
  select coalesce(j ->> 'id', j ->> 'code',
    (j ->> 'profile_id') || '/' || (j ->> 'neighbourhood_code'),
    j ->> 'municipality_code')
$$;
comment on function private.audit_key(jsonb) is
  'The record key the audit log uses: id, code, profile_id/neighbourhood_code, or municipality_code.';

-- Fields that hold personal data: free text, who, and exact places.
create function private.personal_fields() returns text[]
language sql immutable
set search_path = ''
as $$
  select array['description', 'close_reason', 'body', 'display_name', 'notes', 'address',
    'location', 'accuracy_m', 'created_by', 'email']
$$;
comment on function private.personal_fields() is
  'Columns that hold personal data (free text, authors, exact places): what redaction removes.';

-- What redaction leaves in place of a value.
create function private.redacted() returns jsonb
language sql immutable
set search_path = ''
as $$
  select '"[verwijderd]"'::jsonb
$$;
comment on function private.redacted() is 'The marker that replaces a redacted value in the audit log.';

-- The changes of an entry with the given fields' values replaced by the marker.
create function private.audit_redact(changes jsonb, fields text[]) returns jsonb
language sql immutable
set search_path = ''
as $$
  select coalesce(jsonb_object_agg(k, case
      when k = any (fields) and v <> 'null'::jsonb and v <> '""'::jsonb then private.redacted()
      else v end), '{}'::jsonb)
  from jsonb_each(changes) as e(k, v)
$$;
comment on function private.audit_redact(jsonb, text[]) is
  'Replaces the values of personal fields in an audit entry''s changes by "[verwijderd]".';

-- The municipality of a logged record (profiles and who-works-where: through the organisation).
create or replace function private.audit_municipality(tbl text, j jsonb) returns text
language sql stable security definer
set search_path = ''
as $$
  select coalesce(j ->> 'municipality_code',
    case tbl
      when 'profiles' then (select o.municipality_code from public.organisations o
                            where o.id = (j ->> 'organisation_id')::uuid)
      when 'profile_neighbourhoods' then (select o.municipality_code from public.profiles p
                                          join public.organisations o on o.id = p.organisation_id
                                          where p.id = (j ->> 'profile_id')::uuid)
    end)
$$;

-- As before (one insert per statement, changed fields old → new), now with the key helper, the
-- reason, and erasing: while personal data is being erased the log says that it changed, not
-- what it was.
create or replace function private.audit() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  actor uuid := auth.uid();
  actor_role text := coalesce(private.my_role(), auth.role());
  why text := nullif(current_setting('buurtpeil.audit_reason', true), '');
  erasing text[] := case when current_setting('buurtpeil.anonymising', true) = 'on'
    then private.personal_fields() else '{}'::text[] end;
begin
  if tg_op = 'INSERT' then
    insert into public.audit_log
      (municipality_code, actor, actor_role, table_name, record_id, operation, changes, reason)
    select private.audit_municipality(tg_table_name, j), actor, actor_role, tg_table_name,
      private.audit_key(j), 'insert', j - '_txid' - '_seq' - 'version' - 'updated_at', why
    from (select to_jsonb(n) as j from new_rows n) r;
  elsif tg_op = 'DELETE' then
    insert into public.audit_log
      (municipality_code, actor, actor_role, table_name, record_id, operation, changes, reason)
    select private.audit_municipality(tg_table_name, j), actor, actor_role, tg_table_name,
      private.audit_key(j), 'delete',
      private.audit_redact(j - '_txid' - '_seq' - 'version' - 'updated_at', erasing), why
    from (select to_jsonb(o) as j from old_rows o) r;
  else
    insert into public.audit_log
      (municipality_code, actor, actor_role, table_name, record_id, operation, changes, reason)
    select private.audit_municipality(tg_table_name, n.j), actor, actor_role, tg_table_name,
      private.audit_key(n.j), 'update', d.diff, why
    from (select to_jsonb(x) as j from new_rows x) n
    join (select to_jsonb(x) as j from old_rows x) o on private.audit_key(o.j) = private.audit_key(n.j)
    cross join lateral (
      select jsonb_object_agg(k, jsonb_build_array(
          case when k = any (erasing) then private.redacted() else o.j -> k end, n.j -> k)) as diff
      from jsonb_object_keys(n.j) k
      where k not in ('_txid', '_seq', 'version', 'updated_at') and (o.j -> k) is distinct from (n.j -> k)
    ) d
    where d.diff is not null;
  end if;
  return null;
end;
$$;

-- True when `b` is `a` with some personal values redacted (and at most its actor removed).
create function private.is_redaction(a public.audit_log, b public.audit_log) returns boolean
language sql immutable
set search_path = ''
as $$
  select a.id = b.id and a.at = b.at and a.table_name = b.table_name and a.record_id = b.record_id
    and a.operation = b.operation
    and a.municipality_code is not distinct from b.municipality_code
    and a.actor_role is not distinct from b.actor_role
    and a.reason is not distinct from b.reason
    and (b.actor is null or b.actor = a.actor)
    and b.redacted_at is not null
    and (select array_agg(k order by k) from jsonb_object_keys(a.changes) k)
      is not distinct from (select array_agg(k order by k) from jsonb_object_keys(b.changes) k)
    and not exists (select from jsonb_each(b.changes) e(k, v)
                    where v is distinct from a.changes -> k and v <> private.redacted())
$$;
comment on function private.is_redaction(public.audit_log, public.audit_log) is
  'True when the second entry only replaces personal values of the first by the marker.';

-- Append-only, with one exception that cannot be used for anything else: while the retention
-- job or an erasure runs, an entry's personal values may be replaced by the marker.
create or replace function private.forbid_audit_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and current_setting('buurtpeil.anonymising', true) = 'on' then
    if private.is_redaction(old, new) then
      return new;
    end if;
  end if;
  raise exception using errcode = '42501', hint = 'audit_immutable',
    message = 'Het auditlogboek kan niet worden gewijzigd of verwijderd.';
end;
$$;

-- Only the triggers write the log: the service role (which bypasses RLS) cannot forge entries
-- either (changing and removing them is refused by the trigger, with its own message).
revoke insert on public.audit_log from service_role;

-- Who works where, and the neighbourhoods themselves, are audited too.
do $$
declare
  t text;
begin
  foreach t in array array['profile_neighbourhoods', 'neighbourhoods'] loop
    execute format('create trigger audit_insert after insert on public.%I
      referencing new table as new_rows for each statement execute function private.audit()', t);
    execute format('create trigger audit_update after update on public.%I
      referencing old table as old_rows new table as new_rows for each statement execute function private.audit()', t);
    execute format('create trigger audit_delete after delete on public.%I
      referencing old table as old_rows for each statement execute function private.audit()', t);
  end loop;
end
$$;

-- How long sensitive observations keep their details after closing, per municipality.
create table public.retention_policies (
  municipality_code text primary key references public.municipalities (code),
  sensitive_after interval not null default interval '12 months'
    check (sensitive_after between interval '1 month' and interval '10 years')
);
comment on table public.retention_policies is
  'Retention per municipality: sensitive observations are anonymised this long after closing.';
insert into public.retention_policies (municipality_code) select code from public.municipalities;
alter table public.retention_policies enable row level security;
revoke all on public.retention_policies from anon, authenticated;
grant select, update (sensitive_after) on public.retention_policies to authenticated;
create policy "The municipality sees its retention period"
  on public.retention_policies for select to authenticated
  using (municipality_code = private.my_municipality() and private.my_role() = 'gemeente');
create policy "The municipality sets its retention period"
  on public.retention_policies for update to authenticated
  using (municipality_code = private.my_municipality() and private.my_role() = 'gemeente');
create trigger audit_insert after insert on public.retention_policies
  referencing new table as new_rows for each statement execute function private.audit();
create trigger audit_update after update on public.retention_policies
  referencing old table as old_rows new table as new_rows for each statement execute function private.audit();

-- Photo files to remove from Storage (the Storage API deletes a file and its row together).
create table public.photo_erasures (
  storage_path text primary key,
  bucket_id text not null default 'photos',
  reason text not null,
  requested_at timestamptz not null default now(),
  erased_at timestamptz
);
comment on table public.photo_erasures is
  'Photo files whose record was anonymised or erased: a job removes them through the Storage API.';
alter table public.photo_erasures enable row level security;
revoke all on public.photo_erasures from anon, authenticated;
grant select, update (erased_at) on public.photo_erasures to service_role;

-- While personal data is erased (only inside the functions below), the check triggers' "author
-- never changes" is overruled by the fields in buurtpeil.erase. At all other times nobody sets
-- anonymised_at, and an anonymised observation cannot be changed (its details are gone).
create function private.erase_personal_data() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_setting('buurtpeil.anonymising', true) = 'on' then
    return jsonb_populate_record(new, coalesce(nullif(current_setting('buurtpeil.erase', true), ''), '{}')::jsonb);
  end if;
  if tg_table_name = 'observations' then
    if old.anonymised_at is not null then
      perform private.reject('anonymised',
        'Deze waarneming is geanonimiseerd (bewaartermijn) en kan niet meer worden gewijzigd.');
    end if;
    new.anonymised_at := old.anonymised_at;
  end if;
  return new;
end;
$$;
comment on function private.erase_personal_data() is
  'Lets retention and erasure clear authors; keeps anonymised observations frozen otherwise.';

-- Named to run after the check_* triggers (which keep created_by) and before stamp_row.
do $$
declare
  t text;
begin
  foreach t in array array['observations', 'observation_events', 'garden_projects',
    'accessibility_checks', 'neighbourhood_grades', 'walks', 'attachments'] loop
    execute format('create trigger erase_personal_data before update on public.%I
      for each row execute function private.erase_personal_data()', t);
  end loop;
end
$$;

-- A place that still counts for the same buurt but no longer points at a home: the buurt's
-- label point, or the point rounded to about 100 m, whichever stays inside the buurt.
create function private.coarse_location(p point, buurt text) returns point
language sql stable
set search_path = ''
as $$
  select coalesce(
    (select n.label from public.neighbourhoods n
     where n.code = buurt and private.buurt_of(n.label) = buurt),
    (select q from (select point(round(p[0]::numeric, 3)::float8, round(p[1]::numeric, 3)::float8) q) x
     where private.buurt_of(x.q) = buurt),
    p)
$$;
comment on function private.coarse_location(point, text) is
  'A point in the same buurt that no longer identifies a home (label point or ~100 m rounding).';

-- Removes the personal data of observations: description, close reason, exact place, reporter,
-- comments, photos (rows tombstoned, files queued); keeps category, buurt, status and dates so the
-- counts stay right. Devices receive the anonymised rows on their next pull. Each observation is
-- done on its own: one that fails is reported and left whole.
create function private.anonymise_observations(ids uuid[], why text) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  obs public.observations;
  done uuid[] := '{}';
  failed jsonb := '[]';
  n_events integer := 0;
  n_photos integer := 0;
  k integer;
  event_ids text[];
  photo_ids text[];
  msg text;
begin
  perform set_config('buurtpeil.anonymising', 'on', true);
  perform set_config('buurtpeil.audit_reason', why, true);
  perform set_config('buurtpeil.erase', '{"created_by": null}', true);
  for obs in select * from public.observations o where o.id = any (ids) and o.anonymised_at is null
    order by o.id for update loop
    begin
      with gone as (
        update public.attachments a set deleted_at = coalesce(a.deleted_at, now()), created_by = null
        where a.record_table = 'observations' and a.record_id = obs.id
        returning a.id, a.storage_path
      ), queued as (
        insert into public.photo_erasures (storage_path, reason)
        select storage_path, why from gone on conflict (storage_path) do nothing
      )
      select count(*), array_agg(id::text) into k, photo_ids from gone;
      n_photos := n_photos + k;
      with changed as (
        update public.observation_events e set body = '', created_by = null
        where e.observation_id = obs.id and (e.body <> '' or e.created_by is not null)
        returning e.id
      )
      select count(*) into k from changed;
      n_events := n_events + k;
      select array_agg(e.id::text) into event_ids from public.observation_events e
      where e.observation_id = obs.id;
      update public.observations o set
        description = '',
        close_reason = case when o.close_reason is null then null else 'Geanonimiseerd' end,
        accuracy_m = null,
        created_by = null,
        location = private.coarse_location(o.location, o.neighbourhood_code),
        anonymised_at = now()
      where o.id = obs.id;
      -- Earlier entries in the audit log lose the same values, and the reporter as actor.
      update public.audit_log l set
        changes = private.audit_redact(l.changes, private.personal_fields()),
        actor = case when l.actor = obs.created_by then null else l.actor end,
        redacted_at = now()
      where (l.table_name = 'observations' and l.record_id = obs.id::text)
         or (l.table_name = 'observation_events' and l.record_id = any (coalesce(event_ids, '{}')))
         or (l.table_name = 'attachments' and l.record_id = any (coalesce(photo_ids, '{}')));
      done := done || obs.id;
    exception when others then
      get stacked diagnostics msg = message_text;
      failed := failed || jsonb_build_object('id', obs.id, 'message', msg);
    end;
  end loop;
  perform set_config('buurtpeil.anonymising', 'off', true);
  perform set_config('buurtpeil.audit_reason', '', true);
  perform set_config('buurtpeil.erase', '', true);
  return jsonb_build_object('observations', coalesce(array_length(done, 1), 0), 'ids', to_jsonb(done),
    'events', n_events, 'photos', n_photos, 'failed', failed);
end;
$$;
comment on function private.anonymise_observations(uuid[], text) is
  'Removes description, exact place, reporter, comments and photos of observations; counts stay.';

-- The retention job: sensitive observations closed longer ago than their municipality's period
-- (or `older_than`, for an operator) are anonymised. Scheduled daily with pg_cron in production.
create function public.retention_run(older_than interval default null) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  due uuid[];
begin
  select coalesce(array_agg(o.id order by o.resolved_at), '{}') into due
  from public.observations o
  join public.retention_policies p on p.municipality_code = o.municipality_code
  where o.sensitive and o.anonymised_at is null and o.status in ('opgelost', 'gesloten')
    and o.resolved_at < now() - coalesce(older_than, p.sensitive_after);
  return private.anonymise_observations(due, 'retention');
end;
$$;
comment on function public.retention_run(interval) is
  'Anonymises sensitive observations closed longer than the retention period ago; returns counts.';
revoke all on function public.retention_run(interval) from public, anon, authenticated;
grant execute on function public.retention_run(interval) to service_role;

-- Production: a daily job where pg_cron is enabled (Supabase: Database → Extensions). Locally,
-- and where it is not, the stack or an operator calls retention_run(); see the README.
do $$
begin
  if exists (select from pg_extension where extname = 'pg_cron') then
    perform cron.schedule('buurtpeil-retention', '17 3 * * *', 'select public.retention_run()');
  end if;
end
$$;

-- Data subject requests are for the municipality, about people of its own organisations.
create function private.dsr_person(person uuid) returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if private.my_role() is distinct from 'gemeente' then
    raise exception using errcode = '42501', hint = 'dsr_not_allowed',
      message = 'Alleen de gemeente kan gegevens van een persoon opvragen of wissen.';
  end if;
  if person is null or not private.profile_in_my_municipality(person) then
    raise exception using errcode = '22023', hint = 'dsr_unknown_person',
      message = 'Deze persoon is niet gevonden bij de organisaties van je gemeente.';
  end if;
end;
$$;
comment on function private.dsr_person(uuid) is
  'Refuses a data subject request unless the caller is the municipality of this person.';

-- Right of access: everything a person created, who they are to the app, and what they did.
create function public.dsr_export(person uuid) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  records jsonb := '{}';
  t text;
  found jsonb;
begin
  perform private.dsr_person(person);
  foreach t in array array['observations', 'observation_events', 'garden_projects',
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
comment on function public.dsr_export(uuid) is
  'AVG right of access: the person, their neighbourhoods, every record they created and their changes (JSON).';
revoke all on function public.dsr_export(uuid) from public, anon;
grant execute on function public.dsr_export(uuid) to authenticated;

-- Right to erasure. Statistics stay (records keep category, buurt, status, grades, measures);
-- what points to the person goes: their account's identifiers and sessions, their profile and
-- neighbourhoods, authorship everywhere, the text and photos of their observations, the text of
-- their comments, and their name and actions in the audit log.
create function public.dsr_erase(person uuid) returns jsonb
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
comment on function public.dsr_erase(uuid) is
  'AVG right to erasure: anonymises a person (account, profile, authorship, texts, photos, audit) keeping statistics.';
revoke all on function public.dsr_erase(uuid) from public, anon;
grant execute on function public.dsr_erase(uuid) to authenticated;

grant execute on function private.audit_key(jsonb), private.personal_fields(), private.redacted(),
  private.audit_redact(jsonb, text[]), private.is_redaction(public.audit_log, public.audit_log),
  private.coarse_location(point, text), private.dsr_person(uuid)
  to authenticated, service_role;
