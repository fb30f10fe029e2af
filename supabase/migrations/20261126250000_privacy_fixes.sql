-- Privacy fixes after review (issue 7 follow-up):
-- 1. deleted sensitive observations are anonymised by retention too; the tombstone purge keeps
--    them until then, and the purge's delete entries in the audit log carry no personal values;
-- 2. an erased person's open observations keep their workflow (status, assignment), only the
--    personal fields stay locked;
-- 3. anonymised observations take no new comments, feedback or photos;
-- 5. a municipality without a retention_policies row gets the default period;
-- 6. erasure also covers walks, garden addresses, photos on every record, Storage ownership and
--    (where they exist, on hosted Supabase) GoTrue's own tables; other people's audit history of
--    shared rows loses only the person's fields;
-- 7. the audit log records an update that changes a row's key as delete + insert;
-- 8. coarse_location never returns the exact point.

-- The retention period when a municipality has not set its own.
create function private.default_retention() returns interval
language sql immutable
set search_path = ''
as $$
  select interval '12 months'
$$;
comment on function private.default_retention() is
  'Retention period for sensitive observations when the municipality has no retention_policies row.';

-- A sensitive observation whose details retention has not yet removed: never anonymised, or
-- closed again after it was (an erased reporter's open observation, closed later).
create function private.awaits_retention(o public.observations) returns boolean
language sql immutable
set search_path = ''
as $$
  select o.sensitive and (o.anonymised_at is null or o.resolved_at > o.anonymised_at)
$$;
comment on function private.awaits_retention(public.observations) is
  'True for a sensitive observation whose personal data retention still has to remove.';

-- As in 20261126230000, and: the tombstone purge (buurtpeil.purging) logs deletes without
-- personal values; an update that changes a row's key (profile_neighbourhoods) is logged as the
-- old row deleted and the new row inserted, since there is no pair to compare.
create or replace function private.audit() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  actor uuid := auth.uid();
  actor_role text := coalesce(private.my_role(), auth.role());
  purging boolean := current_setting('buurtpeil.purging', true) = 'on';
  why text := coalesce(nullif(current_setting('buurtpeil.audit_reason', true), ''),
    case when purging then 'purge' end);
  erasing text[] := case when current_setting('buurtpeil.anonymising', true) = 'on' or purging
    then private.personal_fields() else '{}'::text[] end;
  redacted timestamptz := case when purging then now() end;
begin
  if tg_op = 'INSERT' then
    insert into public.audit_log
      (municipality_code, actor, actor_role, table_name, record_id, operation, changes, reason)
    select private.audit_municipality(tg_table_name, j), actor, actor_role, tg_table_name,
      private.audit_key(j), 'insert', j - '_txid' - '_seq' - 'version' - 'updated_at', why
    from (select to_jsonb(n) as j from new_rows n) r;
  elsif tg_op = 'DELETE' then
    insert into public.audit_log (municipality_code, actor, actor_role, table_name, record_id,
      operation, changes, reason, redacted_at)
    select private.audit_municipality(tg_table_name, j), actor, actor_role, tg_table_name,
      private.audit_key(j), 'delete',
      private.audit_redact(j - '_txid' - '_seq' - 'version' - 'updated_at', erasing), why, redacted
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
    -- Rows whose key changed have no partner: the old key is gone, the new one appeared.
    insert into public.audit_log
      (municipality_code, actor, actor_role, table_name, record_id, operation, changes, reason)
    select private.audit_municipality(tg_table_name, o.j), actor, actor_role, tg_table_name,
      private.audit_key(o.j), 'delete',
      private.audit_redact(o.j - '_txid' - '_seq' - 'version' - 'updated_at', erasing), why
    from (select to_jsonb(x) as j from old_rows x) o
    where not exists (select from new_rows x where private.audit_key(to_jsonb(x)) = private.audit_key(o.j));
    insert into public.audit_log
      (municipality_code, actor, actor_role, table_name, record_id, operation, changes, reason)
    select private.audit_municipality(tg_table_name, n.j), actor, actor_role, tg_table_name,
      private.audit_key(n.j), 'insert', n.j - '_txid' - '_seq' - 'version' - 'updated_at', why
    from (select to_jsonb(x) as j from new_rows x) n
    where not exists (select from old_rows x where private.audit_key(to_jsonb(x)) = private.audit_key(n.j));
  end if;
  return null;
end;
$$;
comment on function private.audit() is
  'One audit_log row per changed record (changed fields old → new; key changes as delete + insert); '
  'personal values left out while erasing or purging.';

-- The purge removes tombstones for good; a sensitive observation (and its comments and photos)
-- waits until retention has anonymised it, or its audit history would keep the personal data with
-- nothing left to redact it by.
create function private.keep_until_anonymised() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  j jsonb := to_jsonb(old);
  obs uuid;
begin
  if current_setting('buurtpeil.purging', true) is distinct from 'on' then
    return old;
  end if;
  obs := case tg_table_name
    when 'observations' then j ->> 'id'
    when 'observation_events' then j ->> 'observation_id'
    when 'attachments' then case when j ->> 'record_table' = 'observations' then j ->> 'record_id' end
  end::uuid;
  if obs is not null and exists (select from public.observations o
                                 where o.id = obs and private.awaits_retention(o)) then
    return null;
  end if;
  return old;
end;
$$;
comment on function private.keep_until_anonymised() is
  'Skips purging tombstones of sensitive observations (and their events and photos) not yet anonymised.';
do $$
declare
  t text;
begin
  foreach t in array array['observations', 'observation_events', 'attachments'] loop
    execute format('create trigger keep_until_anonymised before delete on public.%I
      for each row execute function private.keep_until_anonymised()', t);
  end loop;
end
$$;

-- As in 20261126230000 while erasing. Otherwise an anonymised observation keeps its workflow
-- (status, assignment, close reason) but its reporter's data (description, exact place) stays gone.
create or replace function private.erase_personal_data() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_setting('buurtpeil.anonymising', true) = 'on' then
    return jsonb_populate_record(new, coalesce(nullif(current_setting('buurtpeil.erase', true), ''), '{}')::jsonb);
  end if;
  if tg_table_name = 'observations' then
    if old.anonymised_at is not null and (new.description is distinct from old.description
        or not (new.location ~= old.location) or new.accuracy_m is distinct from old.accuracy_m) then
      perform private.reject('anonymised',
        'De persoonlijke gegevens van deze waarneming zijn gewist. De beschrijving en de plek '
        'kunnen niet meer worden gewijzigd; de status en de toewijzing wel.');
    end if;
    new.anonymised_at := old.anonymised_at;
  end if;
  return new;
end;
$$;
comment on function private.erase_personal_data() is
  'Lets retention and erasure clear authors; locks the personal fields of anonymised observations.';

-- No new comments, feedback or photos on an anonymised observation: they would bring back what
-- was removed. Status changes and assignments (the workflow) still go in.
create function private.refuse_on_anonymised() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_table_name = 'observation_events' then
    if new.kind in ('comment', 'feedback') and exists (select from public.observations o
        where o.id = new.observation_id and o.anonymised_at is not null) then
      perform private.reject('observation_anonymised',
        'De persoonlijke gegevens van deze waarneming zijn gewist. Er kunnen geen reacties of '
        'beoordelingen meer bij.');
    end if;
  elsif new.record_table = 'observations' and exists (select from public.observations o
      where o.id = new.record_id and o.anonymised_at is not null) then
    perform private.reject('observation_anonymised',
      'De persoonlijke gegevens van deze waarneming zijn gewist. Er kunnen geen foto''s meer bij.');
  end if;
  return new;
end;
$$;
comment on function private.refuse_on_anonymised() is
  'Refuses new comments, feedback and photos on anonymised observations.';
create trigger refuse_on_anonymised before insert on public.observation_events
  for each row execute function private.refuse_on_anonymised();
create trigger refuse_on_anonymised before insert on public.attachments
  for each row execute function private.refuse_on_anonymised();

-- A point inside the buurt, whatever its shape: on a horizontal line through an outer ring, the
-- middle between two successive crossings lies inside that ring; the first such middle that is
-- in the buurt (not in a hole, not claimed by a neighbour on a shared edge) is taken. The label
-- point is the last resort (the buurt's own, never the record's point).
create function private.inside_point(buurt text) returns point
language plpgsql stable
set search_path = ''
as $$
declare
  r record;
  pts point[];
  n integer;
  y float8;
  xs float8[];
  a point;
  b point;
  i integer;
  f float8;
  q point;
begin
  for r in select ring, box(ring) as bb from public.neighbourhood_rings
           where neighbourhood_code = buurt and not is_hole
           order by area(box(ring)) desc loop
    select array_agg(point(m[1]::float8, m[2]::float8) order by ord) into pts
    from regexp_matches(r.ring::text, '\(([-0-9.e+]+),([-0-9.e+]+)\)', 'g') with ordinality as t(m, ord);
    n := coalesce(array_length(pts, 1), 0);
    continue when n < 3;
    foreach f in array array[0.5, 0.25, 0.75, 0.375, 0.625, 0.125, 0.875] loop
      y := (r.bb[1])[1] + f * ((r.bb[0])[1] - (r.bb[1])[1]);
      select array_agg(x order by x) into xs from (
        select (pts[k])[0] + (y - (pts[k])[1]) * ((pts[k % n + 1])[0] - (pts[k])[0])
                             / ((pts[k % n + 1])[1] - (pts[k])[1]) as x
        from generate_series(1, n) k
        where ((pts[k])[1] <= y) <> ((pts[k % n + 1])[1] <= y)) c;
      i := 1;
      while i < coalesce(array_length(xs, 1), 0) loop
        q := point((xs[i] + xs[i + 1]) / 2e6, y / 1e6);
        if private.buurt_of(q) = buurt then
          return q;
        end if;
        i := i + 2;
      end loop;
    end loop;
  end loop;
  return (select n2.label from public.neighbourhoods n2 where n2.code = buurt);
end;
$$;
comment on function private.inside_point(text) is
  'A point inside the buurt (scanline through its rings); its label point as the last resort.';

-- As in 20261126230000, but it never returns the exact point: the buurt's label point, the point
-- rounded to about 100 m, or another point inside the buurt.
create or replace function private.coarse_location(p point, buurt text) returns point
language sql stable
set search_path = ''
as $$
  select coalesce(
    (select n.label from public.neighbourhoods n
     where n.code = buurt and private.buurt_of(n.label) = buurt),
    (select q from (select point(round(p[0]::numeric, 3)::float8, round(p[1]::numeric, 3)::float8) q) x
     where private.buurt_of(x.q) = buurt and not (x.q ~= p)),
    private.inside_point(buurt))
$$;

-- As in 20261126230000, and it also takes observations closed again after an earlier
-- anonymisation (their new close reason and comments).
create or replace function private.anonymise_observations(ids uuid[], why text) returns jsonb
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
  for obs in select * from public.observations o where o.id = any (ids)
    and (o.anonymised_at is null or o.resolved_at > o.anonymised_at)
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

-- The retention job, now also for deleted sensitive observations (deleted longer ago than the
-- period, whatever their status) and for municipalities without their own period.
create or replace function public.retention_run(older_than interval default null) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  due uuid[];
begin
  select coalesce(array_agg(o.id order by coalesce(o.resolved_at, o.deleted_at)), '{}') into due
  from public.observations o
  left join public.retention_policies p on p.municipality_code = o.municipality_code
  cross join lateral (select now() - coalesce(older_than, p.sensitive_after, private.default_retention())
                      as cutoff) c
  where private.awaits_retention(o)
    and ((o.status in ('opgelost', 'gesloten') and o.resolved_at < c.cutoff) or o.deleted_at < c.cutoff);
  return private.anonymise_observations(due, 'retention');
end;
$$;
comment on function public.retention_run(interval) is
  'Anonymises sensitive observations closed or deleted longer than the retention period ago; returns counts.';

-- The retention period of the signed-in person's municipality in months, for the privacy
-- statement (the policy table itself is the municipality's to read).
create function public.retention_months() returns integer
language sql stable security definer
set search_path = ''
as $$
  select (extract(year from i) * 12 + extract(month from i))::integer
  from (select justify_interval(coalesce(
    (select p.sensitive_after from public.retention_policies p
     where p.municipality_code = private.my_municipality()),
    private.default_retention())) as i) x
$$;
comment on function public.retention_months() is
  'Months after closing that sensitive observations of my municipality are anonymised.';
revoke all on function public.retention_months() from public, anon;
grant execute on function public.retention_months() to authenticated;

-- What erasure blanks on records a person created, per table (the author always goes too).
-- Observations (anonymise_observations) and photos (tombstoned, files queued) are handled apart.
-- A new table with authors: add it here, and give it the erase_personal_data trigger.
create function private.erasure_plan() returns jsonb
language sql immutable
set search_path = ''
as $$
  select '{
    "observation_events": {"body": ""},
    "garden_projects": {"address": ""},
    "walks": {"title": "Wijkschouw", "notes": ""},
    "accessibility_checks": {},
    "neighbourhood_grades": {}
  }'::jsonb
$$;
comment on function private.erasure_plan() is
  'Per table, the columns erasure blanks (and with what) on the records a person created.';

-- The fields of a table that are the erased person's on records they created.
create function private.erased_fields(tbl text) returns text[]
language sql immutable
set search_path = ''
as $$
  select array['created_by'] || coalesce(array(select jsonb_object_keys(private.erasure_plan() -> tbl)), '{}')
$$;
comment on function private.erased_fields(text) is
  'The author column and the columns erasure blanks of a table: what is the erased person''s there.';

-- Right to erasure, as in 20261126230000, and: open observations keep their workflow; their
-- photos everywhere are removed; walk titles and notes and garden addresses they wrote are
-- blanked; Storage forgets them as owner; GoTrue's audit log and factors (hosted Supabase only)
-- lose them; other people's audit entries of those records lose only the person's fields.
create or replace function public.dsr_erase(person uuid) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  obs jsonb;
  plan jsonb := private.erasure_plan();
  t text;
  blank jsonb;
  sets text;
  k integer;
  unlinked integer := 0;
  texts integer := 0;
  photos integer;
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

  -- Their photos on any record: the row is tombstoned, the file queued for the Storage job.
  with gone as (
    update public.attachments a set deleted_at = coalesce(a.deleted_at, now()), created_by = null
    where a.created_by = person returning a.id::text as id, a.storage_path
  ), queued as (
    insert into public.photo_erasures (storage_path, reason)
    select storage_path, 'erasure' from gone on conflict (storage_path) do nothing
  )
  select count(*), coalesce(array_agg(id), '{}') into photos, ids from gone;
  all_ids := all_ids || ids;

  for t, blank in select * from jsonb_each(plan) loop
    select string_agg(format('%I = %L', e.key, e.value), ', ') into sets from jsonb_each_text(blank) e;
    execute format('with changed as (update public.%I x set %s created_by = null where x.created_by = $1
                    returning x.id::text) select count(*), coalesce(array_agg(id), ''{}'') from changed',
                   t, coalesce(sets || ', ', ''))
      into k, ids using person;
    if t = 'observation_events' then
      texts := k;
    else
      unlinked := unlinked + k;
    end if;
    all_ids := all_ids || ids;
  end loop;

  update public.profiles set display_name = '', deleted_at = coalesce(deleted_at, now()) where id = person;
  delete from public.profile_neighbourhoods where profile_id = person;
  delete from public.sync_mutations where user_id = person;
  update storage.objects set owner = null, owner_id = null
  where owner = person or owner_id = person::text;

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
  -- Tables only hosted GoTrue has (the local stack serves a subset of its API).
  if to_regclass('auth.audit_log_entries') is not null then
    execute 'delete from auth.audit_log_entries where payload ->> ''actor_id'' = $1' using person::text;
  end if;
  if to_regclass('auth.mfa_factors') is not null then
    execute 'delete from auth.mfa_factors where user_id = $1' using person;
  end if;
  if to_regclass('auth.flow_state') is not null then
    execute 'delete from auth.flow_state where user_id = $1' using person;
  end if;

  -- What the person did, and who they are, loses its personal values and the person as actor;
  -- other people's entries about records the person created lose only the person's fields.
  update public.audit_log l set
    changes = private.audit_redact(l.changes,
      case when l.actor = person or l.table_name in ('profiles', 'profile_neighbourhoods')
        then private.personal_fields() else '{}' end || private.erased_fields(l.table_name)),
    actor = case when l.actor = person then null else l.actor end,
    redacted_at = now()
  where l.actor = person
     or (l.table_name in ('profiles', 'profile_neighbourhoods') and
         (l.record_id = person::text or l.record_id like person::text || '/%'))
     or (l.record_id = any (all_ids) and l.changes ?| private.erased_fields(l.table_name));

  perform set_config('buurtpeil.anonymising', 'off', true);
  perform set_config('buurtpeil.audit_reason', '', true);
  perform set_config('buurtpeil.erase', '', true);
  return jsonb_build_object('person', person, 'observations', obs -> 'observations',
    'photos', (obs -> 'photos')::integer + photos, 'comments', texts, 'records_unlinked', unlinked);
end;
$$;

grant execute on function private.default_retention(), private.awaits_retention(public.observations),
  private.erasure_plan(), private.erased_fields(text), private.inside_point(text)
  to authenticated, service_role;
