-- share_accessible was null, not 0, in an area where checks were done and none of the homes was
-- accessible (sum ... filter over no rows is null): the map showed "no data" where the answer is
-- 0%. Same function as in 20261126101000_progress.sql with that one expression coalesced; the
-- device's computation (src/lib/metrics/progress.ts) follows this rule.

create or replace function private.progress(period text, live boolean)
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
         else round(coalesce(c.accessible_n, 0)::numeric / c.done_n, 3) end,
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
