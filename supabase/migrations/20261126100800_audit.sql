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

create function private.audit() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  old_j jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_j jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  diff jsonb := '{}';
  k text;
begin
  for k in select jsonb_object_keys(coalesce(new_j, old_j)) loop
    continue when k in ('_txid', '_seq', 'version', 'updated_at');
    if tg_op = 'INSERT' then
      diff := diff || jsonb_build_object(k, new_j -> k);
    elsif tg_op = 'DELETE' then
      diff := diff || jsonb_build_object(k, old_j -> k);
    elsif (old_j -> k) is distinct from (new_j -> k) then
      diff := diff || jsonb_build_object(k, jsonb_build_array(old_j -> k, new_j -> k));
    end if;
  end loop;
  if tg_op = 'UPDATE' and diff = '{}' then
    return null;
  end if;
  insert into public.audit_log (municipality_code, actor, actor_role, table_name, record_id, operation, changes)
  values (coalesce(coalesce(new_j, old_j) ->> 'municipality_code',
      (select o.municipality_code from public.organisations o
       where o.id = (coalesce(new_j, old_j) ->> 'organisation_id')::uuid and tg_table_name = 'profiles')),
    auth.uid(), coalesce(private.my_role(), auth.role()), tg_table_name,
    coalesce(coalesce(new_j, old_j) ->> 'id', coalesce(new_j, old_j) ->> 'code'), lower(tg_op), diff);
  return null;
end;
$$;
comment on function private.audit() is
  'Writes one audit_log row per changed record with the changed fields (old and new values).';

do $$
declare
  t text;
begin
  foreach t in array array['observations', 'observation_events', 'garden_projects',
    'accessibility_checks', 'neighbourhood_grades', 'walks', 'walk_participants', 'targets',
    'attachments', 'profiles', 'organisations', 'observation_categories'] loop
    execute format('create trigger audit after insert or update or delete on public.%I
      for each row execute function private.audit()', t);
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
