-- The per-row cost of a pushed observation, without changing any decision. PostgreSQL plans the
-- body of a non-inlined SQL function anew on every call, and a function with a SET clause is never
-- inlined; the helpers a row trigger calls once per row are therefore PL/pgSQL (plans cached for
-- the session) or plain inlinable expressions:
-- * private.buurt_of: a grid of cells that lie wholly inside one buurt answers most points with
--   one index lookup; the rest are tested against the rings as before;
-- * private.my_role / my_organisation / my_municipality: PL/pgSQL over the cached private.me();
-- * private.audit(): the record key and municipality are read straight from the row where it has
--   them (every table but profiles and profile_neighbourhoods), falling back to the helpers.

-- The exact test, as in 20261126200000 (on a shared edge the lowest code wins; the rings are
-- tested only for the buurten whose bounding box holds the point).
create function private.buurt_of_rings(p point) returns text
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
comment on function private.buurt_of_rings(point) is
  'The buurt code containing a lon/lat point (degrees), or null, by testing the rings.';

-- A grid over the municipality (cells of 0.002° × 0.001°, about 135 × 111 m) that knows the buurt
-- of every cell no ring edge comes near: for a point in such a cell the answer is one index
-- lookup. Points in cells along edges, and outside every buurt, are tested against the rings.
create table private.buurt_cells (
  cx integer not null,
  cy integer not null,
  code text not null,
  primary key (cx, cy)
);
comment on table private.buurt_cells is
  'Grid cells (floor(lon / 0.002), floor(lat / 0.001)) that lie wholly inside one buurt; '
  'rebuilt whenever neighbourhoods or their rings change.';

create function private.rebuild_buurt_cells() returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  dx constant float8 := 0.002;
  dy constant float8 := 0.001;
  -- An edge this close to a cell (about 1 m) counts as touching it.
  margin constant float8 := 0.00001;
begin
  -- Two transactions that change buurten at once rebuild one after the other (this mode
  -- conflicts with itself), so the second sees the first one's cells when it deletes them.
  lock table private.buurt_cells in share row exclusive mode;
  delete from private.buurt_cells;
  insert into private.buurt_cells (cx, cy, code)
  with points as (
    select r.neighbourhood_code, r.ring_no, t.ord,
      point(t.xy[1]::float8 / 1e6, t.xy[2]::float8 / 1e6) as pt
    from public.neighbourhood_rings r
    cross join lateral regexp_matches(r.ring::text, '\(([^(),]+),([^(),]+)\)', 'g')
      with ordinality as t(xy, ord)
  ), edges as (
    select lseg(pt, coalesce(lead(pt) over w, first_value(pt) over w)) as e
    from points
    window w as (partition by neighbourhood_code, ring_no order by ord
                 rows between unbounded preceding and unbounded following)
  ), bbox_edges as (
    -- buurt_of_rings also filters on each buurt's bounding box: its edges count as edges too, so
    -- the grid does not depend on every box holding its rings exactly.
    select lseg(a, b) as e
    from public.neighbourhoods n
    cross join lateral (values
      (point((n.bbox[1])[0], (n.bbox[1])[1]), point((n.bbox[0])[0], (n.bbox[1])[1])),
      (point((n.bbox[0])[0], (n.bbox[1])[1]), point((n.bbox[0])[0], (n.bbox[0])[1])),
      (point((n.bbox[0])[0], (n.bbox[0])[1]), point((n.bbox[1])[0], (n.bbox[0])[1])),
      (point((n.bbox[1])[0], (n.bbox[0])[1]), point((n.bbox[1])[0], (n.bbox[1])[1]))) v(a, b)
    where n.kind = 'buurt'
  ), touched as (
    select distinct cx, cy
    from (select e from edges union all select e from bbox_edges) edges
    cross join lateral generate_series(
      floor((least((e[0])[0], (e[1])[0]) - margin) / dx)::int,
      floor((greatest((e[0])[0], (e[1])[0]) + margin) / dx)::int) cx
    cross join lateral generate_series(
      floor((least((e[0])[1], (e[1])[1]) - margin) / dy)::int,
      floor((greatest((e[0])[1], (e[1])[1]) + margin) / dy)::int) cy
    where e ?# box(point(cx * dx - margin, cy * dy - margin),
                   point((cx + 1) * dx + margin, (cy + 1) * dy + margin))
  ), cells as (
    select distinct cx, cy
    from public.neighbourhoods n
    cross join lateral generate_series(floor((n.bbox[1])[0] / dx)::int, floor((n.bbox[0])[0] / dx)::int) cx
    cross join lateral generate_series(floor((n.bbox[1])[1] / dy)::int, floor((n.bbox[0])[1] / dy)::int) cy
    where n.kind = 'buurt' and n.deleted_at is null
  )
  select c.cx, c.cy, b.code
  from cells c
  cross join lateral (select private.buurt_of_rings(point((c.cx + 0.5) * dx, (c.cy + 0.5) * dy)) as code) b
  where b.code is not null
    and not exists (select from touched t where t.cx = c.cx and t.cy = c.cy);
end;
$$;
comment on function private.rebuild_buurt_cells() is
  'Recomputes private.buurt_cells from the buurten and their rings.';

create function private.buurt_cells_changed() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.rebuild_buurt_cells();
  return null;
end;
$$;
comment on function private.buurt_cells_changed() is
  'Statement trigger: rebuilds the buurt grid after a change to neighbourhoods or their rings.';

create trigger rebuild_buurt_cells after insert or delete or truncate on public.neighbourhood_rings
  for each statement execute function private.buurt_cells_changed();
create trigger rebuild_buurt_cells_update after update on public.neighbourhood_rings
  for each statement execute function private.buurt_cells_changed();
create trigger rebuild_buurt_cells after insert or delete or truncate on public.neighbourhoods
  for each statement execute function private.buurt_cells_changed();
create trigger rebuild_buurt_cells_update after update of kind, bbox, deleted_at on public.neighbourhoods
  for each statement execute function private.buurt_cells_changed();

-- The same answer as private.buurt_of_rings, from the grid where it knows it.
create or replace function private.buurt_of(p point) returns text
language plpgsql stable security definer
set search_path = ''
as $$
declare
  found text;
begin
  -- (Only for real coordinates: a cell number of an absurd point would not fit an integer.)
  if p[0] between -180 and 180 and p[1] between -90 and 90 then
    select c.code into found from private.buurt_cells c
    where c.cx = floor(p[0] / 0.002)::int and c.cy = floor(p[1] / 0.001)::int;
  end if;
  return coalesce(found, private.buurt_of_rings(p));
end;
$$;

create or replace function private.my_role() returns text
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return private.me() ->> 'role';
end;
$$;

create or replace function private.my_organisation() returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (private.me() ->> 'organisation')::uuid;
end;
$$;

create or replace function private.my_municipality() returns text
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return private.me() ->> 'municipality';
end;
$$;

-- As in 20261126250000; only how the key and municipality of a row are found changed.
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
  internal constant text[] := '{_txid,_seq,version,updated_at}';
begin
  if tg_op = 'INSERT' then
    insert into public.audit_log
      (municipality_code, actor, actor_role, table_name, record_id, operation, changes, reason)
    select coalesce(j ->> 'municipality_code', private.audit_municipality(tg_table_name, j)),
      actor, actor_role, tg_table_name, coalesce(j ->> 'id', j ->> 'code', private.audit_key(j)),
      'insert', j - internal, why
    from (select to_jsonb(n) as j from new_rows n) r;
  elsif tg_op = 'DELETE' then
    insert into public.audit_log (municipality_code, actor, actor_role, table_name, record_id,
      operation, changes, reason, redacted_at)
    select coalesce(j ->> 'municipality_code', private.audit_municipality(tg_table_name, j)),
      actor, actor_role, tg_table_name, coalesce(j ->> 'id', j ->> 'code', private.audit_key(j)),
      'delete', private.audit_redact(j - internal, erasing), why, redacted
    from (select to_jsonb(o) as j from old_rows o) r;
  else
    insert into public.audit_log
      (municipality_code, actor, actor_role, table_name, record_id, operation, changes, reason)
    select coalesce(n.j ->> 'municipality_code', private.audit_municipality(tg_table_name, n.j)),
      actor, actor_role, tg_table_name, n.k, 'update', d.diff, why
    from (select j, coalesce(j ->> 'id', j ->> 'code', private.audit_key(j)) as k
          from (select to_jsonb(x) as j from new_rows x) y) n
    join (select j, coalesce(j ->> 'id', j ->> 'code', private.audit_key(j)) as k
          from (select to_jsonb(x) as j from old_rows x) y) o on o.k = n.k
    cross join lateral (
      select jsonb_object_agg(k, jsonb_build_array(
          case when k = any (erasing) then private.redacted() else o.j -> k end, n.j -> k)) as diff
      from jsonb_object_keys(n.j) k
      where k <> all (internal) and (o.j -> k) is distinct from (n.j -> k)
    ) d
    where d.diff is not null;
    -- Rows whose key changed have no partner: the old key is gone, the new one appeared.
    insert into public.audit_log
      (municipality_code, actor, actor_role, table_name, record_id, operation, changes, reason)
    select private.audit_municipality(tg_table_name, o.j), actor, actor_role, tg_table_name,
      private.audit_key(o.j), 'delete', private.audit_redact(o.j - internal, erasing), why
    from (select to_jsonb(x) as j from old_rows x) o
    where not exists (select from new_rows x where private.audit_key(to_jsonb(x)) = private.audit_key(o.j));
    insert into public.audit_log
      (municipality_code, actor, actor_role, table_name, record_id, operation, changes, reason)
    select private.audit_municipality(tg_table_name, n.j), actor, actor_role, tg_table_name,
      private.audit_key(n.j), 'insert', n.j - internal, why
    from (select to_jsonb(x) as j from new_rows x) n
    where not exists (select from old_rows x where private.audit_key(to_jsonb(x)) = private.audit_key(n.j));
  end if;
  return null;
end;
$$;
comment on function private.audit() is
  'One audit_log row per changed record (changed fields old → new; key changes as delete + insert); '
  'personal values left out while erasing or purging.';

-- As in 20261126200000, with a cheaper way to find runs of inserts: the run's fields are read
-- once from its first mutation and each next mutation is compared against them (before: a sorted
-- list of every mutation's field names was built and compared as text), and a batch that is one
-- run is applied without copying it.
create or replace function public.sync_push(client_id uuid, mutations jsonb) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  n integer;
  i integer := 0;
  j integer;
  m jsonb;
  nxt jsonb;
  mid uuid;
  seen jsonb;
  results jsonb[] := '{}';
  run jsonb;
  fresh boolean[];
  fields text[];
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
      order by ord)
  into fresh
  from jsonb_array_elements(mutations) with ordinality as t(e, ord);

  while i < n loop
    m := mutations -> i;
    if fresh[i + 1] is true and i > slow_until then
      -- The run: the next fresh inserts into the same table with exactly the same fields.
      fields := array(select jsonb_object_keys(m -> 'values'));
      j := i;
      -- (Null-safe throughout: EXIT WHEN NULL would not exit, and a mutation without a table or
      -- values must end the run.)
      loop
        exit when j + 1 >= n or fresh[j + 2] is not true;
        nxt := mutations -> (j + 1);
        exit when (nxt ->> 'table') is distinct from (m ->> 'table')
          or not coalesce((nxt -> 'values') ?& fields, false)
          or ((nxt -> 'values') - fields) is distinct from '{}'::jsonb;
        j := j + 1;
      end loop;
      if j > i then
        run := case when i = 0 and j = n - 1 then mutations
                    else jsonb_path_query_array(mutations, format('$[%s to %s]', i, j)::jsonpath) end;
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

-- Fill the grid for the buurten already here.
select private.rebuild_buurt_cells();
