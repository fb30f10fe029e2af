-- The server half of the sync protocol (DESIGN.md, "Sync protocol"): sync_push applies a batch of
-- client mutations exactly once each, sync_pull hands out row changes in commit-safe order.

create table public.sync_mutations (
  client_id uuid not null,
  mutation_id uuid not null,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  status text not null check (status in ('applied', 'rejected')),
  table_name text,
  record_id uuid,
  error_code text,
  error_message text,
  received_at timestamptz not null default now(),
  primary key (client_id, mutation_id)
);
comment on table public.sync_mutations is
  'Every client mutation the server has seen, applied or rejected (with the reason for its author).';
create index on public.sync_mutations (user_id, received_at);

alter table public.sync_mutations enable row level security;
revoke all on public.sync_mutations from anon, authenticated;
grant select, insert on public.sync_mutations to authenticated;
create policy "People see the outcome of their own mutations"
  on public.sync_mutations for select to authenticated
  using (user_id = auth.uid());
create policy "People record their own mutations"
  on public.sync_mutations for insert to authenticated
  with check (user_id = auth.uid());

-- Tables a client may write, and fields the server alone decides.
create function private.sync_writable(tbl text) returns boolean
language sql immutable
set search_path = ''
as $$
  select tbl = any (array['observations', 'observation_events', 'garden_projects',
    'accessibility_checks', 'neighbourhood_grades', 'walks', 'walk_participants', 'attachments',
    'targets'])
$$;
comment on function private.sync_writable(text) is 'Tables that sync_push accepts mutations for.';

create function private.sync_server_field(col text) returns boolean
language sql immutable
set search_path = ''
as $$
  select col = any (array['id', 'version', 'created_at', 'updated_at', 'deleted_at', '_txid',
    '_seq', 'created_by', 'sensitive', 'reporter_organisation_id', 'author_role', 'class',
    'resolved_at', 'completed_at', 'anonymised_at'])
$$;
comment on function private.sync_server_field(text) is
  'Fields set by the server; a client''s values for them are ignored.';

-- Applies one mutation as the calling user (RLS and triggers decide). Raises on rejection.
create function private.apply_mutation(m jsonb) returns void
language plpgsql
set search_path = ''
as $$
declare
  tbl text := m ->> 'table';
  op text := m ->> 'op';
  rid uuid;
  vals jsonb := coalesce(m -> 'values', '{}');
  cols text;
  k text;
  n integer;
  current_deleted timestamptz;
  found_row boolean;
begin
  if tbl is null or not private.sync_writable(tbl) then
    perform private.reject('unknown_table', format('Onbekend soort record: %s.', coalesce(tbl, '(leeg)')));
  end if;
  begin
    rid := (m ->> 'record_id')::uuid;
  exception when invalid_text_representation then
    rid := null;
  end;
  if rid is null then
    perform private.reject('record_id_required', 'Elke wijziging heeft een geldig record-id nodig.');
  end if;
  if jsonb_typeof(vals) <> 'object' then
    perform private.reject('values_object', 'De gegevens van een wijziging moeten een object zijn.');
  end if;
  for k in select jsonb_object_keys(vals) loop
    if not exists (select from information_schema.columns c
                   where c.table_schema = 'public' and c.table_name = tbl and c.column_name = k) then
      perform private.reject('unknown_field', format('Onbekend veld "%s" voor %s.', left(k, 60), tbl));
    end if;
  end loop;
  select string_agg(format('%I', key), ', ') into cols
  from jsonb_object_keys(vals) key where not private.sync_server_field(key);

  if op = 'insert' then
    if cols is null then
      execute format('insert into public.%I (id) values ($1)', tbl) using rid;
    else
      execute format('insert into public.%I (id, %s) select $1, %s from jsonb_populate_record(null::public.%I, $2)',
        tbl, cols, cols, tbl) using rid, vals;
    end if;
    return;
  end if;

  execute format('select true, deleted_at from public.%I where id = $1', tbl)
    into found_row, current_deleted using rid;
  if found_row is null then
    perform private.reject('not_found', 'Dit record bestaat niet (meer) of je mag het niet zien.');
  end if;
  if op = 'delete' then
    if current_deleted is null then
      execute format('update public.%I set deleted_at = now() where id = $1', tbl) using rid;
      get diagnostics n = row_count;
      if n = 0 then
        perform private.reject('not_allowed', 'Je mag dit record niet verwijderen.');
      end if;
    end if;
    return;
  elsif op = 'update' then
    -- Edit versus delete: the delete wins, and the edit is reported back to its author.
    if current_deleted is not null then
      perform private.reject('deleted', 'Dit record is intussen verwijderd; je wijziging is niet opgeslagen.');
    end if;
    if cols is null then
      return;
    end if;
    execute format('update public.%I set (%s) = (select %s from jsonb_populate_record(null::public.%I, $2)) where id = $1',
      tbl, cols, cols, tbl) using rid, vals;
    get diagnostics n = row_count;
    if n = 0 then
      perform private.reject('not_allowed', 'Je mag dit record niet wijzigen.');
    end if;
    return;
  end if;
  perform private.reject('unknown_op', 'Een wijziging is insert, update of delete.');
end;
$$;
comment on function private.apply_mutation(jsonb) is
  'Applies one client mutation (insert, field update, tombstone delete) as the calling user.';
grant execute on function private.apply_mutation(jsonb), private.sync_writable(text),
  private.sync_server_field(text) to authenticated;

-- One mutation, on its own: applied, or rejected with a reason that is kept for its author.
create function private.push_one(client uuid, m jsonb) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  mid uuid := (m ->> 'id')::uuid;
  msg text;
  hint text;
  state text;
begin
  begin
    perform private.apply_mutation(m);
    insert into public.sync_mutations (client_id, mutation_id, status, table_name, record_id)
    values (client, mid, 'applied', m ->> 'table', (m ->> 'record_id')::uuid);
    return jsonb_build_object('id', mid, 'status', 'applied');
  exception when others then
    get stacked diagnostics msg = message_text, hint = pg_exception_hint, state = returned_sqlstate;
    -- Deadlocks, serialisation failures, lock and resource trouble pass: the whole push fails
    -- and is retried, instead of a person's change being refused for good.
    if state in ('40001', '40P01', '55P03', '57014') or state like '53%' then
      raise;
    end if;
    hint := coalesce(nullif(hint, ''), case state
      when '23505' then 'duplicate' when '23503' then 'missing_reference'
      when '42501' then 'not_allowed' when '22P02' then 'invalid_value'
      when '22003' then 'out_of_range' when '23502' then 'required' else 'rejected' end);
    if state = '42501' and msg like 'new row violates row-level security%' then
      msg := 'Je mag dit record niet opslaan.';
    end if;
    insert into public.sync_mutations
      (client_id, mutation_id, status, table_name, record_id, error_code, error_message)
    values (client, mid, 'rejected', left(m ->> 'table', 64),
      case when (m ->> 'record_id') ~* '^[0-9a-f-]{36}$' then (m ->> 'record_id')::uuid end,
      hint, left(msg, 1000));
    return jsonb_build_object('id', mid, 'status', 'rejected', 'code', hint, 'message', left(msg, 1000));
  end;
end;
$$;
comment on function private.push_one(uuid, jsonb) is
  'Applies one mutation in its own subtransaction and records the outcome for its author.';

-- A run of new records for one table with the same fields, in one statement (the common case: a
-- device sending what it collected offline). Raises if any of them fails; the caller then applies
-- them one by one, so a bad one is still isolated.
create function private.push_insert_run(client uuid, tbl text, run jsonb) returns void
language plpgsql
set search_path = ''
as $$
declare
  cols text;
  k text;
begin
  for k in select jsonb_object_keys(run -> 0 -> 'values') loop
    if not exists (select from pg_attribute a
                   where a.attrelid = format('public.%I', tbl)::regclass and a.attname = k
                     and a.attnum > 0 and not a.attisdropped) then
      raise exception 'unknown field %', k;
    end if;
  end loop;
  select string_agg(format('r.%I', key), ', ' order by key) into cols
  from jsonb_object_keys(run -> 0 -> 'values') key where not private.sync_server_field(key);
  execute format(
    'insert into public.%I (id%s) select (m ->> ''record_id'')::uuid%s
     from jsonb_array_elements($1) m cross join lateral jsonb_populate_record(null::public.%I, m -> ''values'') r',
    tbl, coalesce(', ' || replace(cols, 'r.', ''), ''), coalesce(', ' || cols, ''), tbl) using run;
  insert into public.sync_mutations (client_id, mutation_id, status, table_name, record_id)
  select client, (m ->> 'id')::uuid, 'applied', tbl, (m ->> 'record_id')::uuid
  from jsonb_array_elements(run) m;
end;
$$;
comment on function private.push_insert_run(uuid, text, jsonb) is
  'Inserts a run of new records of one table with the same fields in one statement.';
grant execute on function private.push_one(uuid, jsonb), private.push_insert_run(uuid, text, jsonb)
  to authenticated;

create function public.sync_push(client_id uuid, mutations jsonb) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  n integer;
  i integer := 0;
  j integer;
  m jsonb;
  mid uuid;
  seen jsonb;
  results jsonb[] := '{}';
  run jsonb;
  fresh boolean[];
  keyset text[];
  slow_until integer := -1;
begin
  if auth.uid() is null then
    raise exception using errcode = '42501', message = 'Log in om gegevens te versturen.';
  end if;
  if client_id is null or jsonb_typeof(mutations) is distinct from 'array' then
    raise exception using errcode = '22023', hint = 'bad_batch',
      message = 'sync_push verwacht een client-id en een lijst met wijzigingen.';
  end if;
  n := jsonb_array_length(mutations);
  if n > 500 then
    raise exception using errcode = '22023', hint = 'batch_too_large',
      message = 'Stuur hoogstens 500 wijzigingen tegelijk.';
  end if;
  -- One push per client at a time, so a retry that overlaps its original waits and then skips.
  perform pg_advisory_xact_lock(hashtextextended(client_id::text, 0));
  -- What this client already sent: answered from the record, never applied twice.
  select coalesce(jsonb_object_agg(s.mutation_id::text, to_jsonb(s)), '{}') into seen
  from public.sync_mutations s
  where s.client_id = sync_push.client_id
    and s.mutation_id = any (array(select (e ->> 'id')::uuid from jsonb_array_elements(mutations) e
                                   where (e ->> 'id') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'));
  -- Which mutations are new inserts with well-formed ids (candidates for a run).
  select array_agg(
      (e ->> 'id') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      and (e ->> 'record_id') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      and not seen ? lower(e ->> 'id') and e ->> 'op' = 'insert'
      and private.sync_writable(e ->> 'table') and jsonb_typeof(e -> 'values') = 'object'
      order by ord),
    array_agg(e ->> 'table' || ':' || coalesce((select string_agg(k, ',' order by k) from jsonb_object_keys(
      case when jsonb_typeof(e -> 'values') = 'object' then e -> 'values' else '{}' end) k), '') order by ord)
  into fresh, keyset
  from jsonb_array_elements(mutations) with ordinality as t(e, ord);

  while i < n loop
    m := mutations -> i;
    if fresh[i + 1] and i > slow_until then
      j := i;
      while j + 1 < n and fresh[j + 2] and keyset[j + 2] = keyset[i + 1] loop
        j := j + 1;
      end loop;
      if j > i then
        select jsonb_agg(mutations -> x order by x) into run from generate_series(i, j) x;
        begin
          perform private.push_insert_run(sync_push.client_id, m ->> 'table', run);
          for x in i .. j loop
            results := results || jsonb_build_object('id', (mutations -> x) -> 'id', 'status', 'applied');
          end loop;
          i := j + 1;
          continue;
        exception when others then
          -- one of them is refused: apply the whole run one by one below
          slow_until := j;
        end;
      end if;
    end if;
    begin
      mid := (m ->> 'id')::uuid;
    exception when others then
      mid := null;
    end;
    if mid is null then
      results := results || jsonb_build_object('id', m -> 'id', 'status', 'rejected',
        'code', 'mutation_id_required', 'message', 'Elke wijziging heeft een geldig id nodig.');
    elsif seen ? mid::text then
      results := results || jsonb_build_object('id', mid, 'status', seen -> mid::text ->> 'status',
        'duplicate', true, 'code', seen -> mid::text -> 'error_code',
        'message', seen -> mid::text -> 'error_message');
    else
      results := results || private.push_one(sync_push.client_id, m);
      -- the same id twice in one batch is answered once
      seen := seen || jsonb_build_object(mid::text, (select to_jsonb(s) from public.sync_mutations s
        where s.client_id = sync_push.client_id and s.mutation_id = mid));
    end if;
    i := i + 1;
  end loop;
  return jsonb_build_object('results', to_jsonb(results));
end;
$$;
comment on function public.sync_push(uuid, jsonb) is
  'Applies a batch of client mutations exactly once each (security invoker: RLS applies); returns per-mutation results.';
grant execute on function public.sync_push(uuid, jsonb) to authenticated;

-- A record that moves out of someone's sight (another buurt, a sensitive category, another
-- corporation) sends them nothing: RLS hides the new version. So such moves are noted here, and
-- a device that holds a moved record downloads its data again. Only the id is shared.
create table private.sync_moves (
  _txid xid8 not null default pg_current_xact_id(),
  _seq bigint not null default nextval('private.sync_seq'),
  table_name text not null,
  record_id uuid not null,
  at timestamptz not null default now()
);
comment on table private.sync_moves is
  'Records whose visibility may have changed (moved, reclassified, reassigned): devices holding them resync.';
create index on private.sync_moves (_txid, _seq);
grant select on private.sync_moves to authenticated;
grant insert on private.sync_moves to authenticated;

create function private.note_move() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into private.sync_moves (table_name, record_id) values (tg_table_name, new.id);
  return null;
end;
$$;
comment on function private.note_move() is 'Notes that a record may have moved out of someone''s sight.';

create trigger note_move after update on public.observations
  for each row when (old.neighbourhood_code is distinct from new.neighbourhood_code
    or old.sensitive is distinct from new.sensitive
    or (new.sensitive and old.assigned_organisation_id is distinct from new.assigned_organisation_id)
    or old.anonymised_at is distinct from new.anonymised_at
    or old.municipality_code is distinct from new.municipality_code)
  execute function private.note_move();
create trigger note_move after update on public.garden_projects
  for each row when (old.neighbourhood_code is distinct from new.neighbourhood_code
    or old.corporation_id is distinct from new.corporation_id)
  execute function private.note_move();
create trigger note_move after update on public.accessibility_checks
  for each row when (old.neighbourhood_code is distinct from new.neighbourhood_code
    or old.corporation_id is distinct from new.corporation_id)
  execute function private.note_move();
create trigger note_move after update on public.walks
  for each row when (old.neighbourhood_code is distinct from new.neighbourhood_code)
  execute function private.note_move();

-- The current version of particular records, as far as the caller may see them: a device asks
-- for records it holds that sync_pull marked as moved, and drops those that do not come back.
create function public.sync_fetch(refs jsonb) returns jsonb
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
      'accessibility_checks', 'neighbourhood_grades', 'walks', 'walk_participants', 'targets',
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
comment on function public.sync_fetch(jsonb) is
  'The current rows of the given records that the caller may see (RLS applies); the rest are gone for them.';
grant execute on function public.sync_fetch(jsonb) to authenticated;

-- Clients whose cursor is older than this must download everything again (tombstones before it
-- may have been purged).
create table private.sync_horizon (
  only_row boolean primary key default true check (only_row),
  min_txid xid8 not null default '0',
  min_seq bigint not null default 0
);
comment on table private.sync_horizon is
  'The position of the newest purged tombstone: cursors before it must start over.';
insert into private.sync_horizon default values;
grant select on private.sync_horizon to authenticated;

-- Changes whenever what the user may see changes (role, organisation, neighbourhoods): the
-- client then downloads everything again, so rows it may no longer see are gone from the device.
create function private.access_fingerprint() returns text
language sql stable security definer
set search_path = ''
as $$
  select md5(concat_ws('|', p.role, p.organisation_id::text, p.deleted_at is null,
    (select string_agg(pn.neighbourhood_code, ',' order by pn.neighbourhood_code)
     from public.profile_neighbourhoods pn where pn.profile_id = p.id)))
  from public.profiles p where p.id = auth.uid()
$$;
comment on function private.access_fingerprint() is
  'A hash of what decides the signed-in user''s access; sync_pull returns it so clients can notice a change.';
grant execute on function private.access_fingerprint() to authenticated;

create function public.sync_pull(cursor jsonb default null, max_rows integer default 500) returns jsonb
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
comment on function public.sync_pull(jsonb, integer) is
  'Row changes after the cursor that can no longer be overtaken by a running transaction, in order, RLS-filtered.';
grant execute on function public.sync_pull(jsonb, integer) to authenticated;

-- Removes tombstones older than `keep` for good and moves the horizon, so clients that were away
-- longer re-download instead of missing a delete. Run by a scheduled job (pg_cron on Supabase).
create function private.purge_tombstones(keep interval default '180 days') returns integer
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
  foreach t in array array['observation_events', 'attachments', 'walk_participants', 'targets',
    'neighbourhood_grades', 'accessibility_checks', 'garden_projects'] loop
    execute format('with gone as (delete from public.%I where deleted_at < now() - $1 returning _txid, _seq)
                    select (select count(*) from gone), g._txid, g._seq
                    from (select 1) one left join lateral
                      (select _txid, _seq from gone order by _txid desc, _seq desc limit 1) g on true', t)
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
comment on function private.purge_tombstones(interval) is
  'Deletes old tombstones and raises the sync horizon (clients behind it get reset_required).';
