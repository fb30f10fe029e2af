-- Tenants' reactions to garden projects (20261126240000) join the erasure plan that
-- 20261126250000 introduced: erasure blanks their text and author and keeps thumb and grade for
-- the statistics, as for reactions to observations.
create or replace function private.erasure_plan() returns jsonb
language sql immutable
set search_path = ''
as $$
  select '{
    "observation_events": {"body": ""},
    "garden_project_events": {"body": ""},
    "garden_projects": {"address": ""},
    "walks": {"title": "Wijkschouw", "notes": ""},
    "accessibility_checks": {},
    "neighbourhood_grades": {}
  }'::jsonb
$$;
comment on function private.erasure_plan() is
  'Per table, the columns erasure blanks (and with what) on the records a person created.';
