-- Audit trail: every change to the domain tables is recorded by a trigger (who, when, what
-- changed). Nobody can change or delete it; the municipality can read it.

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  -- null for shared reference data (categories): only the service role reads those rows
  municipality_code text,
  actor uuid,
  actor_role text,
  table_name text not null,
  record_id text not null,
  operation text not null check (operation in ('insert', 'update', 'delete')),
  changes jsonb not null default '{}'
);
comment on table public.audit_log is
  'Append-only record of changes to domain tables: who, when, which fields (old → new).';
create index on public.audit_log (table_name, record_id);
create index on public.audit_log (actor);
create index on public.audit_log (municipality_code, at);

-- One statement-level trigger per event: a run of rows (a device's offline batch) is written to
-- the log in one insert, with the changed fields of each row (old → new for updates).
create function private.audit() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  actor uuid := auth.uid();
  actor_role text := coalesce(private.my_role(), auth.role());
begin
  if tg_op = 'INSERT' then
    insert into public.audit_log (municipality_code, actor, actor_role, table_name, record_id, operation, changes)
    select private.audit_municipality(tg_table_name, j), actor, actor_role, tg_table_name,
      coalesce(j ->> 'id', j ->> 'code'), 'insert', j - '_txid' - '_seq' - 'version' - 'updated_at'
    from (select to_jsonb(n) as j from new_rows n) r;
  elsif tg_op = 'DELETE' then
    insert into public.audit_log (municipality_code, actor, actor_role, table_name, record_id, operation, changes)
    select private.audit_municipality(tg_table_name, j), actor, actor_role, tg_table_name,
      coalesce(j ->> 'id', j ->> 'code'), 'delete', j - '_txid' - '_seq' - 'version' - 'updated_at'
    from (select to_jsonb(o) as j from old_rows o) r;
  else
    insert into public.audit_log (municipality_code, actor, actor_role, table_name, record_id, operation, changes)
    select private.audit_municipality(tg_table_name, n.j), actor, actor_role, tg_table_name,
      coalesce(n.j ->> 'id', n.j ->> 'code'), 'update', d.diff
    from (select to_jsonb(x) as j from new_rows x) n
    join (select to_jsonb(x) as j from old_rows x) o
      on coalesce(o.j ->> 'id', o.j ->> 'code') = coalesce(n.j ->> 'id', n.j ->> 'code')
    cross join lateral (
      select jsonb_object_agg(k, jsonb_build_array(o.j -> k, n.j -> k)) as diff
      from jsonb_object_keys(n.j) k
      where k not in ('_txid', '_seq', 'version', 'updated_at') and (o.j -> k) is distinct from (n.j -> k)
    ) d
    where d.diff is not null;
  end if;
  return null;
end;
$$;
comment on function private.audit() is
  'Writes one audit_log row per changed record with the changed fields (old and new values).';

-- The municipality a logged record belongs to (profiles: through their organisation).
create function private.audit_municipality(tbl text, j jsonb) returns text
language sql stable security definer
set search_path = ''
as $$
  select coalesce(j ->> 'municipality_code',
    case when tbl = 'profiles' then (select o.municipality_code from public.organisations o
                                     where o.id = (j ->> 'organisation_id')::uuid) end)
$$;
comment on function private.audit_municipality(text, jsonb) is
  'The municipality of a record for the audit log, or null for shared reference data.';

do $$
declare
  t text;
begin
  foreach t in array array['observations', 'observation_events', 'garden_projects',
    'accessibility_checks', 'neighbourhood_grades', 'walks', 'walk_participants', 'targets',
    'attachments', 'profiles', 'organisations', 'observation_categories'] loop
    execute format('create trigger audit_insert after insert on public.%I
      referencing new table as new_rows for each statement execute function private.audit()', t);
    execute format('create trigger audit_update after update on public.%I
      referencing old table as old_rows new table as new_rows for each statement execute function private.audit()', t);
    execute format('create trigger audit_delete after delete on public.%I
      referencing old table as old_rows for each statement execute function private.audit()', t);
  end loop;
end
$$;

create function private.forbid_audit_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = '42501', hint = 'audit_immutable',
    message = 'Het auditlogboek kan niet worden gewijzigd of verwijderd.';
end;
$$;
comment on function private.forbid_audit_change() is 'Keeps the audit log append-only, also for the owner.';
create trigger forbid_audit_change before update or delete on public.audit_log
  for each row execute function private.forbid_audit_change();
create trigger forbid_audit_truncate before truncate on public.audit_log
  for each statement execute function private.forbid_audit_change();

alter table public.audit_log enable row level security;
revoke all on public.audit_log from anon, authenticated;
grant select on public.audit_log to authenticated;
create policy "The municipality reads the audit log of its own records"
  on public.audit_log for select to authenticated
  using (private.my_role() = 'gemeente' and municipality_code = private.my_municipality());
