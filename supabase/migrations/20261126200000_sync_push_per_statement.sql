-- A device that comes back online with a day of work sends hundreds of observations at once
-- (sync_push, one insert statement per run of them). This makes that path cheaper per row
-- without changing what it decides: per-user values in the insert policies are computed once per
-- statement, the observation rollups are adjusted once per statement instead of once per row,
-- the buurt of a point tests only the rings of the buurten whose box holds it, and sync_push
-- answers a run without copying its answer list once per row.

-- The same rules as before; the sub-selects make the per-user values one lookup per statement.
drop policy "Everyone with a profile logs observations; tenants only non-sensitive ones"
  on public.observations;
create policy "Everyone with a profile logs observations; tenants only non-sensitive ones"
  on public.observations for insert to authenticated
  with check (municipality_code = (select private.my_municipality())
    and ((select private.my_role()) <> 'huurder' or not sensitive));
drop policy "People record their own mutations" on public.sync_mutations;
create policy "People record their own mutations"
  on public.sync_mutations for insert to authenticated
  with check (user_id = (select auth.uid()));

-- The same answer as before (on a shared edge the lowest code wins); the rings are tested only
-- for the buurten whose bounding box holds the point, in one pass.
create or replace function private.buurt_of(p point) returns text
language sql stable security definer
set search_path = ''
as $$
  select n.code
  from public.neighbourhoods n
  cross join lateral (
    select bool_or(not r.is_hole) as inside, bool_or(r.is_hole) as in_hole
    from public.neighbourhood_rings r
    where r.neighbourhood_code = n.code and r.ring @> point(p[0] * 1e6, p[1] * 1e6)
  ) hit
  where n.kind = 'buurt' and n.deleted_at is null and n.bbox @> box(p, p)
    and hit.inside and not hit.in_hole
  order by n.code
  limit 1
$$;

-- Takes the old versions of changed observations out of the rollups and puts the new versions in,
-- grouped, so a statement that writes many rows touches each counter once.
create function private.bump_observations(gone public.observations[], came public.observations[])
returns void
language sql security definer
set search_path = ''
as $$
  with delta as (
    select o.neighbourhood_code, date_trunc('month', o.observed_at)::date as month,
      o.category_code, o.status, o.resolved_at, o.observed_at, -1 as s
    from unnest(gone) o where o.deleted_at is null
    union all
    select o.neighbourhood_code, date_trunc('month', o.observed_at)::date,
      o.category_code, o.status, o.resolved_at, o.observed_at, 1
    from unnest(came) o where o.deleted_at is null
  ), counted as (
    insert into private.observation_rollup as t (neighbourhood_code, month, category_code, status, n)
    select neighbourhood_code, month, category_code, status, sum(s)
    from delta group by 1, 2, 3, 4 having sum(s) <> 0
    on conflict (neighbourhood_code, month, category_code, status) do update set n = t.n + excluded.n
  )
  insert into private.resolution_rollup as t (neighbourhood_code, month, days, n)
  select neighbourhood_code, month,
    private.days_bucket(extract(day from resolved_at - observed_at)::int), sum(s)
  from delta where status = 'opgelost' and resolved_at is not null
  group by 1, 2, 3 having sum(s) <> 0
  on conflict (neighbourhood_code, month, days) do update set n = t.n + excluded.n
$$;
comment on function private.bump_observations(public.observations[], public.observations[]) is
  'Removes the old and adds the new versions of observations to the rollups (tombstones count nowhere).';

create function private.rollup_observations() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.bump_observations('{}',
      array(select n::public.observations from new_rows n));
  elsif tg_op = 'UPDATE' then
    perform private.bump_observations(array(select o::public.observations from old_rows o),
      array(select n::public.observations from new_rows n));
  else
    perform private.bump_observations(array(select o::public.observations from old_rows o), '{}');
  end if;
  return null;
end;
$$;
comment on function private.rollup_observations() is
  'Keeps the observation rollups current, once per statement (transition tables).';

drop trigger rollup on public.observations;
drop function private.rollup_observation();
create trigger rollup_insert after insert on public.observations
  referencing new table as new_rows for each statement execute function private.rollup_observations();
create trigger rollup_update after update on public.observations
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.rollup_observations();
create trigger rollup_delete after delete on public.observations
  referencing old table as old_rows for each statement execute function private.rollup_observations();

-- The recorded outcomes name their user once per run, not through a default per row.
create or replace function private.push_insert_run(client uuid, tbl text, run jsonb) returns void
language plpgsql
set search_path = ''
as $$
declare
  cols text;
  k text;
  me uuid := auth.uid();
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
  insert into public.sync_mutations (client_id, mutation_id, user_id, status, table_name, record_id)
  select client, (m ->> 'id')::uuid, me, 'applied', tbl, (m ->> 'record_id')::uuid
  from jsonb_array_elements(run) m;
end;
$$;

-- Unchanged, except that a run of inserts is answered in one go (before: one copy of the growing
-- answer list per row).
create or replace function public.sync_push(client_id uuid, mutations jsonb) returns jsonb
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
          results := results || array(select jsonb_build_object('id', r -> 'id', 'status', 'applied')
                                      from jsonb_array_elements(run) r);
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
