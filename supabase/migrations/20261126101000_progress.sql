-- Progress per neighbourhood: rollup tables kept current by triggers (each write adjusts a few
-- counters), and neighbourhood_progress(period) that reads only the rollups, so its cost follows
-- the number of buurten × months, not the number of records.

create table private.observation_rollup (
  neighbourhood_code text not null,
  month date not null,
  category_code text not null,
  status text not null,
  n integer not null default 0,
  primary key (neighbourhood_code, month, category_code, status)
);
comment on table private.observation_rollup is
  'Observations per buurt, month observed, category and current status (tombstones excluded).';

-- Days from observation to resolution, in buckets: exact up to 60 days, then weeks, then one bucket.
create table private.resolution_rollup (
  neighbourhood_code text not null,
  month date not null,
  days integer not null,
  n integer not null default 0,
  primary key (neighbourhood_code, month, days)
);
comment on table private.resolution_rollup is
  'Histogram of days to resolve (status opgelost) per buurt and month observed, for medians.';

create table private.garden_rollup (
  neighbourhood_code text not null,
  month date not null,
  corporation_id uuid not null,
  done boolean not null,
  n integer not null default 0,
  households integer not null default 0,
  tiles_removed_m2 numeric not null default 0,
  green_added_m2 numeric not null default 0,
  trees integer not null default 0,
  plants integer not null default 0,
  rain_barrels integer not null default 0,
  green_roof_m2 numeric not null default 0,
  primary key (neighbourhood_code, month, corporation_id, done)
);
comment on table private.garden_rollup is
  'Garden projects per buurt, month (completed, else registered), corporation and done-ness, with summed measures.';

create table private.check_rollup (
  neighbourhood_code text not null,
  month date not null,
  corporation_id uuid not null,
  class text not null,
  new_build boolean not null,
  scooter_storage text not null,
  n integer not null default 0,
  primary key (neighbourhood_code, month, corporation_id, class, new_build, scooter_storage)
);
comment on table private.check_rollup is
  'Accessibility checks per buurt, month checked, corporation, class, new-build and scooter storage.';

create table private.grade_rollup (
  neighbourhood_code text not null,
  month date not null,
  theme text not null,
  total integer not null default 0,
  n integer not null default 0,
  primary key (neighbourhood_code, month, theme)
);
comment on table private.grade_rollup is 'Sum and count of tenant grades per buurt, quarter (first month) and theme.';

create function private.days_bucket(days integer) returns integer
language sql immutable
set search_path = ''
as $$
  select case when days <= 60 then greatest(days, 0)
              when days <= 365 then 60 + ((days - 60) / 7) * 7
              else 400 end
$$;
comment on function private.days_bucket(integer) is
  'Bucket of a resolution time: the day up to 60, the week up to a year, then one bucket.';

create function private.bump_observation(o public.observations, s integer) returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into private.observation_rollup as t (neighbourhood_code, month, category_code, status, n)
  values (o.neighbourhood_code, date_trunc('month', o.observed_at)::date, o.category_code, o.status, s)
  on conflict (neighbourhood_code, month, category_code, status) do update set n = t.n + excluded.n;
  if o.status = 'opgelost' and o.resolved_at is not null then
    insert into private.resolution_rollup as t (neighbourhood_code, month, days, n)
    values (o.neighbourhood_code, date_trunc('month', o.observed_at)::date,
      private.days_bucket(extract(day from o.resolved_at - o.observed_at)::int), s)
    on conflict (neighbourhood_code, month, days) do update set n = t.n + excluded.n;
  end if;
end;
$$;
comment on function private.bump_observation(public.observations, integer) is
  'Adds (s = 1) or removes (s = -1) one observation from the observation rollups.';

create function private.bump_garden(g public.garden_projects, s integer) returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into private.garden_rollup as t (neighbourhood_code, month, corporation_id, done, n,
    households, tiles_removed_m2, green_added_m2, trees, plants, rain_barrels, green_roof_m2)
  values (g.neighbourhood_code, date_trunc('month', coalesce(g.completed_at, g.created_at))::date,
    g.corporation_id, g.status in ('uitgevoerd', 'nazorg', 'afgerond'), s, s * g.households,
    s * g.tiles_removed_m2, s * g.green_added_m2, s * g.trees, s * g.plants, s * g.rain_barrels,
    s * g.green_roof_m2)
  on conflict (neighbourhood_code, month, corporation_id, done) do update set
    n = t.n + excluded.n, households = t.households + excluded.households,
    tiles_removed_m2 = t.tiles_removed_m2 + excluded.tiles_removed_m2,
    green_added_m2 = t.green_added_m2 + excluded.green_added_m2, trees = t.trees + excluded.trees,
    plants = t.plants + excluded.plants, rain_barrels = t.rain_barrels + excluded.rain_barrels,
    green_roof_m2 = t.green_roof_m2 + excluded.green_roof_m2;
end;
$$;
comment on function private.bump_garden(public.garden_projects, integer) is
  'Adds (s = 1) or removes (s = -1) one garden project from garden_rollup.';

create function private.bump_check(c public.accessibility_checks, s integer) returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into private.check_rollup as t (neighbourhood_code, month, corporation_id, class, new_build, scooter_storage, n)
  values (c.neighbourhood_code, date_trunc('month', c.checked_at)::date, c.corporation_id, c.class,
    c.new_build, c.scooter_storage, s)
  on conflict (neighbourhood_code, month, corporation_id, class, new_build, scooter_storage)
    do update set n = t.n + excluded.n;
end;
$$;
comment on function private.bump_check(public.accessibility_checks, integer) is
  'Adds (s = 1) or removes (s = -1) one accessibility check from check_rollup.';

create function private.bump_grade(g public.neighbourhood_grades, s integer) returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into private.grade_rollup as t (neighbourhood_code, month, theme, total, n)
  values (g.neighbourhood_code, make_date(g.year, (g.quarter - 1) * 3 + 1, 1), g.theme, s * g.grade, s)
  on conflict (neighbourhood_code, month, theme) do update set total = t.total + excluded.total, n = t.n + excluded.n;
end;
$$;
comment on function private.bump_grade(public.neighbourhood_grades, integer) is
  'Adds (s = 1) or removes (s = -1) one grade from grade_rollup.';

-- Rollup triggers: take the old row out, put the new row in (tombstoned rows count nowhere).
create function private.rollup_observation() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op <> 'INSERT' and old.deleted_at is null then perform private.bump_observation(old, -1); end if;
  if tg_op <> 'DELETE' and new.deleted_at is null then perform private.bump_observation(new, 1); end if;
  return null;
end;
$$;
comment on function private.rollup_observation() is 'Keeps the observation rollups current.';

create function private.rollup_garden() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op <> 'INSERT' and old.deleted_at is null then perform private.bump_garden(old, -1); end if;
  if tg_op <> 'DELETE' and new.deleted_at is null then perform private.bump_garden(new, 1); end if;
  return null;
end;
$$;
comment on function private.rollup_garden() is 'Keeps garden_rollup current.';

create function private.rollup_check() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op <> 'INSERT' and old.deleted_at is null then perform private.bump_check(old, -1); end if;
  if tg_op <> 'DELETE' and new.deleted_at is null then perform private.bump_check(new, 1); end if;
  return null;
end;
$$;
comment on function private.rollup_check() is 'Keeps check_rollup current.';

create function private.rollup_grade() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op <> 'INSERT' and old.deleted_at is null then perform private.bump_grade(old, -1); end if;
  if tg_op <> 'DELETE' and new.deleted_at is null then perform private.bump_grade(new, 1); end if;
  return null;
end;
$$;
comment on function private.rollup_grade() is 'Keeps grade_rollup current.';

create trigger rollup after insert or update or delete on public.observations
  for each row execute function private.rollup_observation();
create trigger rollup after insert or update or delete on public.garden_projects
  for each row execute function private.rollup_garden();
create trigger rollup after insert or update or delete on public.accessibility_checks
  for each row execute function private.rollup_check();
create trigger rollup after insert or update or delete on public.neighbourhood_grades
  for each row execute function private.rollup_grade();

-- The rollups computed from scratch: the full-scan baseline and the consistency check.
create view private.observation_rollup_live as
  select neighbourhood_code, date_trunc('month', observed_at)::date as month, category_code, status,
    count(*)::integer as n
  from public.observations where deleted_at is null group by 1, 2, 3, 4;
create view private.resolution_rollup_live as
  select neighbourhood_code, date_trunc('month', observed_at)::date as month,
    private.days_bucket(extract(day from resolved_at - observed_at)::int) as days, count(*)::integer as n
  from public.observations where deleted_at is null and status = 'opgelost' and resolved_at is not null
  group by 1, 2, 3;
create view private.garden_rollup_live as
  select neighbourhood_code, date_trunc('month', coalesce(completed_at, created_at))::date as month,
    corporation_id, status in ('uitgevoerd', 'nazorg', 'afgerond') as done, count(*)::integer as n,
    sum(households)::integer as households, sum(tiles_removed_m2) as tiles_removed_m2,
    sum(green_added_m2) as green_added_m2, sum(trees)::integer as trees, sum(plants)::integer as plants,
    sum(rain_barrels)::integer as rain_barrels, sum(green_roof_m2) as green_roof_m2
  from public.garden_projects where deleted_at is null group by 1, 2, 3, 4;
create view private.check_rollup_live as
  select neighbourhood_code, date_trunc('month', checked_at)::date as month, corporation_id, class,
    new_build, scooter_storage, count(*)::integer as n
  from public.accessibility_checks where deleted_at is null group by 1, 2, 3, 4, 5, 6;
create view private.grade_rollup_live as
  select neighbourhood_code, make_date(year, (quarter - 1) * 3 + 1, 1) as month, theme,
    sum(grade)::integer as total, count(*)::integer as n
  from public.neighbourhood_grades where deleted_at is null group by 1, 2, 3;
comment on view private.observation_rollup_live is 'observation_rollup computed from the base table.';
comment on view private.resolution_rollup_live is 'resolution_rollup computed from the base table.';
comment on view private.garden_rollup_live is 'garden_rollup computed from the base table.';
comment on view private.check_rollup_live is 'check_rollup computed from the base table.';
comment on view private.grade_rollup_live is 'grade_rollup computed from the base table.';

-- Recomputes every rollup from the base tables (repair, and after bulk loads without triggers).
create function private.rebuild_rollups() returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  truncate private.observation_rollup, private.resolution_rollup, private.garden_rollup,
    private.check_rollup, private.grade_rollup;
  insert into private.observation_rollup select * from private.observation_rollup_live;
  insert into private.resolution_rollup select * from private.resolution_rollup_live;
  insert into private.garden_rollup select * from private.garden_rollup_live;
  insert into private.check_rollup select * from private.check_rollup_live;
  insert into private.grade_rollup select * from private.grade_rollup_live;
end;
$$;
comment on function private.rebuild_rollups() is 'Recomputes all progress rollups from the base tables.';

-- The months a period covers: null = everything, 'YYYY', 'YYYY-Qn' or 'YYYY-MM'.
create function private.period_bounds(period text, out first_month date, out end_month date)
language plpgsql immutable
set search_path = ''
as $$
begin
  if period is null or period = '' then
    first_month := '1900-01-01';
    end_month := '3000-01-01';
  elsif period ~ '^\d{4}$' then
    first_month := make_date(period::int, 1, 1);
    end_month := (first_month + interval '1 year')::date;
  elsif period ~ '^\d{4}-Q[1-4]$' then
    first_month := make_date(left(period, 4)::int, (right(period, 1)::int - 1) * 3 + 1, 1);
    end_month := (first_month + interval '3 months')::date;
  elsif period ~ '^\d{4}-(0[1-9]|1[0-2])$' then
    first_month := make_date(left(period, 4)::int, right(period, 2)::int, 1);
    end_month := (first_month + interval '1 month')::date;
  else
    raise exception using errcode = '22023', hint = 'bad_period',
      message = 'Kies een periode als 2026, 2026-Q3 of 2026-09 (of laat hem leeg voor alles).';
  end if;
end;
$$;
comment on function private.period_bounds(text) is 'First month and end (exclusive) of a period text.';

-- Counts below five are hidden from tenants: small numbers can point at a person.
create function private.shown(n numeric, tenant boolean) returns bigint
language sql immutable
set search_path = ''
as $$
  select case when tenant and n < 5 then null else n::bigint end
$$;
comment on function private.shown(numeric, boolean) is 'A count as shown: null for tenants when under 5.';

-- The progress query, reading either the rollups (live = false) or the base tables through the
-- *_live views (live = true: the full-scan baseline the benchmark and the consistency test use).
create function private.progress(period text, live boolean)
returns table (
  code text, kind text, name text, wijk_code text,
  observations_open bigint, observations_resolved bigint, observations_closed bigint,
  median_days_to_resolve integer, observations_per_category jsonb,
  gardens_done bigint, gardens_total bigint, households bigint, tiles_removed_m2 numeric,
  green_added_m2 numeric, trees bigint, rain_barrels bigint,
  checks_done bigint, share_accessible numeric, new_builds_checked bigint,
  new_builds_accessible_share numeric, new_builds_target numeric,
  average_grade jsonb, targets jsonb
)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  b record;
  muni text := private.my_municipality();
  tenant boolean := private.my_role() = 'huurder';
  target_year integer;
  src text[] := case when live
    then array['private.observation_rollup_live', 'private.resolution_rollup_live',
               'private.garden_rollup_live', 'private.check_rollup_live', 'private.grade_rollup_live']
    else array['private.observation_rollup', 'private.resolution_rollup', 'private.garden_rollup',
               'private.check_rollup', 'private.grade_rollup'] end;
begin
  if muni is null then
    raise exception using errcode = '42501', message = 'Log in met een account van een organisatie.';
  end if;
  select * into b from private.period_bounds(period);
  target_year := coalesce(nullif(left(coalesce(period, ''), 4), '')::int, extract(year from now())::int);
  return query execute format('
  with buurt as (
    select n.code, n.wijk_code from public.neighbourhoods n
    where n.kind = ''buurt'' and n.municipality_code = $4 and n.deleted_at is null
  ),
  -- Each source is first summed per buurt (one pass over the rollup), then spread over the buurt
  -- itself and its wijk, so wijk figures cost no second pass.
  ob as (
    select x.area, r.category_code, r.status, sum(r.n) as n
    from (select neighbourhood_code, category_code, status, sum(n) as n from %1$s
          where month >= $1 and month < $2 group by 1, 2, 3) r
    join buurt b on b.code = r.neighbourhood_code
    cross join lateral (values (b.code), (b.wijk_code)) x (area)
    group by 1, 2, 3
  ),
  obs as (
    select ob.area, sum(ob.n) filter (where ob.status in (''nieuw'', ''in_behandeling'')) as open_n,
      sum(ob.n) filter (where ob.status = ''opgelost'') as resolved_n,
      sum(ob.n) filter (where ob.status = ''gesloten'') as closed_n
    from ob group by ob.area
  ),
  per_cat as (
    select y.area, jsonb_object_agg(y.category_code, private.shown(y.n, $3)) as cats
    from (select ob.area, ob.category_code, sum(ob.n) as n from ob
          -- tenants do not learn that sensitive reports exist in a buurt at all
          where not ($3 and exists (select from public.observation_categories oc
                                    where oc.code = ob.category_code and oc.sensitive))
          group by 1, 2 having sum(ob.n) > 0) y
    group by y.area
  ),
  hist as (
    select x.area, h.days, sum(h.n) as n
    from (select neighbourhood_code, days, sum(n) as n from %2$s
          where month >= $1 and month < $2 group by 1, 2) h
    join buurt b on b.code = h.neighbourhood_code
    cross join lateral (values (b.code), (b.wijk_code)) x (area)
    group by 1, 2 having sum(h.n) > 0
  ),
  med as (
    select y.area, min(y.days) as days
    from (select hist.area, hist.days,
            sum(hist.n) over (partition by hist.area order by hist.days) as cum,
            sum(hist.n) over (partition by hist.area) as total
          from hist) y
    where y.cum * 2 >= y.total
    group by y.area
  ),
  gardens as (
    select x.area, sum(g.n) filter (where g.done) as done_n, sum(g.n) as total_n,
      sum(g.households) filter (where g.done) as households,
      sum(g.tiles_removed_m2) filter (where g.done) as tiles,
      sum(g.green_added_m2) filter (where g.done) as green,
      sum(g.trees) filter (where g.done) as trees,
      sum(g.rain_barrels) filter (where g.done) as barrels
    from (select neighbourhood_code, done, sum(n) as n, sum(households) as households,
            sum(tiles_removed_m2) as tiles_removed_m2, sum(green_added_m2) as green_added_m2,
            sum(trees) as trees, sum(rain_barrels) as rain_barrels
          from %3$s where month >= $1 and month < $2 group by 1, 2) g
    join buurt b on b.code = g.neighbourhood_code
    cross join lateral (values (b.code), (b.wijk_code)) x (area)
    group by x.area
  ),
  checks as (
    select x.area, sum(c.n) as done_n,
      sum(c.n) filter (where c.class in (''toegankelijk'', ''met_kleine_aanpassingen'')) as accessible_n,
      sum(c.n) filter (where c.new_build) as nb_n,
      sum(c.n) filter (where c.new_build and c.class in (''toegankelijk'', ''met_kleine_aanpassingen'')) as nb_accessible_n
    from (select neighbourhood_code, class, new_build, sum(n) as n from %4$s
          where month >= $1 and month < $2 group by 1, 2, 3) c
    join buurt b on b.code = c.neighbourhood_code
    cross join lateral (values (b.code), (b.wijk_code)) x (area)
    group by x.area
  ),
  grades as (
    select y.area, jsonb_object_agg(y.theme, case when $3 and y.n < 5 then null else round(y.total::numeric / y.n, 1) end) as avg
    from (select x.area, g.theme, sum(g.total) as total, sum(g.n) as n
          from (select neighbourhood_code, theme, sum(total) as total, sum(n) as n from %5$s
                where month >= $1 and month < $2 group by 1, 2) g
          join buurt b on b.code = g.neighbourhood_code
          cross join lateral (values (b.code), (b.wijk_code)) x (area)
          group by 1, 2 having sum(g.n) > 0) y
    group by y.area
  ),
  tgt as (
    select coalesce(t.neighbourhood_code, '''') as area,
      jsonb_agg(jsonb_build_object(''id'', t.id, ''metric'', t.metric, ''year'', t.year,
        ''target'', t.target_value, ''agreement'', t.agreement_no, ''organisation_id'', t.organisation_id,
        ''description'', t.description) order by t.metric) as list
    from public.targets t
    where t.municipality_code = $4 and t.deleted_at is null and t.year = $5
    group by 1
  ),
  nb_target as (
    select t.target_value from public.targets t
    where t.municipality_code = $4 and t.deleted_at is null and t.year = $5
      and t.metric = ''new_builds_accessible_share'' and t.neighbourhood_code is null and t.organisation_id is null
    limit 1
  )
  select n.code, n.kind, n.name, n.wijk_code,
    private.shown(coalesce(o.open_n, 0), $3), private.shown(coalesce(o.resolved_n, 0), $3),
    private.shown(coalesce(o.closed_n, 0), $3),
    case when $3 and coalesce(o.resolved_n, 0) < 5 then null else m.days end,
    coalesce(pc.cats, ''{}''),
    private.shown(coalesce(g.done_n, 0), $3), private.shown(coalesce(g.total_n, 0), $3),
    coalesce(g.households, 0)::bigint, coalesce(g.tiles, 0), coalesce(g.green, 0),
    coalesce(g.trees, 0)::bigint, coalesce(g.barrels, 0)::bigint,
    private.shown(coalesce(c.done_n, 0), $3),
    case when coalesce(c.done_n, 0) = 0 or ($3 and c.done_n < 5) then null
         else round(c.accessible_n::numeric / c.done_n, 3) end,
    private.shown(coalesce(c.nb_n, 0), $3),
    case when coalesce(c.nb_n, 0) = 0 or ($3 and c.nb_n < 5) then null
         else round(coalesce(c.nb_accessible_n, 0)::numeric / c.nb_n, 3) end,
    (select nb_target.target_value from nb_target),
    coalesce(gr.avg, ''{}''),
    coalesce(tg.list, ''[]'')
  from public.neighbourhoods n
  left join obs o on o.area = n.code
  left join per_cat pc on pc.area = n.code
  left join med m on m.area = n.code
  left join gardens g on g.area = n.code
  left join checks c on c.area = n.code
  left join grades gr on gr.area = n.code
  left join tgt tg on tg.area = n.code
  where n.municipality_code = $4 and n.deleted_at is null
  order by n.kind desc, n.code', src[1], src[2], src[3], src[4], src[5])
    using b.first_month, b.end_month, tenant, muni, target_year;
end;
$$;
comment on function private.progress(text, boolean) is
  'neighbourhood_progress from the rollups, or (live) from a full scan of the base tables.';

create function public.neighbourhood_progress(period text default null)
returns table (
  code text, kind text, name text, wijk_code text,
  observations_open bigint, observations_resolved bigint, observations_closed bigint,
  median_days_to_resolve integer, observations_per_category jsonb,
  gardens_done bigint, gardens_total bigint, households bigint, tiles_removed_m2 numeric,
  green_added_m2 numeric, trees bigint, rain_barrels bigint,
  checks_done bigint, share_accessible numeric, new_builds_checked bigint,
  new_builds_accessible_share numeric, new_builds_target numeric,
  average_grade jsonb, targets jsonb
)
language sql stable
set search_path = ''
as $$
  select * from private.progress(period, false)
$$;
comment on function public.neighbourhood_progress(text) is
  'Per buurt and wijk: observations open/resolved/closed, median days to resolve, per category; gardens and measures; checks and share accessible (new-builds vs target); average grade per theme; targets. Counts under 5 are hidden from tenants.';
grant execute on function public.neighbourhood_progress(text) to authenticated;
grant execute on function private.progress(text, boolean) to authenticated;
grant execute on function private.shown(numeric, boolean), private.period_bounds(text), private.days_bucket(integer)
  to authenticated;
