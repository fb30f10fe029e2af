-- Platform: the private schema for internal helpers, municipalities (so one deployment can serve
-- many), default privileges (functions are not executable unless granted), and the sync stamp
-- that every synced table carries.

create schema if not exists private;
comment on schema private is 'Internal helpers of Buurtpeil: not exposed through the API.';
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;

-- Functions are closed by default: each public function is granted to the roles that need it.
alter default privileges revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from anon, authenticated;
alter default privileges in schema private revoke execute on functions from anon, authenticated;

create table public.municipalities (
  code text primary key check (code ~ '^GM[0-9]{4}$'),
  name text not null
);
comment on table public.municipalities is
  'CBS municipalities served by this deployment (GM0118 = Hoogeveen); every record carries one.';

-- The position of a row change in commit order, used by sync_pull. A transaction id plus a
-- sequence number within it: the id says when the change can be handed out (once every older
-- transaction has finished), the sequence orders changes of one transaction.
create sequence private.sync_seq;
comment on sequence private.sync_seq is 'Orders row changes within one transaction for sync_pull.';
grant usage on sequence private.sync_seq to authenticated, service_role;

create function private.stamp_row() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new._txid := pg_current_xact_id();
  new._seq := nextval('private.sync_seq');
  if tg_op = 'UPDATE' then
    -- The key (id, or code for reference tables) never changes.
    if coalesce(to_jsonb(new) -> 'id', to_jsonb(new) -> 'code')
       is distinct from coalesce(to_jsonb(old) -> 'id', to_jsonb(old) -> 'code') then
      raise exception using errcode = '23514', hint = 'id_immutable',
        message = 'Het id van een record kan niet veranderen.';
    end if;
    new.version := old.version + 1;
    new.updated_at := now();
    new.created_at := old.created_at;
  end if;
  return new;
end;
$$;
comment on function private.stamp_row() is
  'Sets the sync position (_txid, _seq), bumps version and updated_at on every write of a synced row.';

-- Raises a check violation whose message a person can act on; `key` (in the hint) lets the app
-- show its own translation.
create function private.reject(key text, message text) returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = '23514', message = message, hint = key;
end;
$$;
comment on function private.reject(text, text) is
  'Raises a 23514 error with a Dutch message and a stable key (in HINT) for the app''s dictionary.';

grant execute on function private.reject(text, text) to authenticated, service_role;

create function private.forbid_delete() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Only the tombstone purge (private.purge_tombstones) removes rows for good.
  if current_setting('buurtpeil.purging', true) = 'on' then
    return old;
  end if;
  raise exception using errcode = '42501', hint = 'no_hard_delete',
    message = 'Records worden niet verwijderd: zet deleted_at om een record te verwijderen.';
end;
$$;
comment on function private.forbid_delete() is
  'Synced rows are tombstoned (deleted_at), never deleted, so every device learns of the delete.';

-- Adds the sync columns, stamp trigger, delete guard and pull index to a synced table.
create function private.make_synced(tbl regclass) returns void
language plpgsql
set search_path = ''
as $$
begin
  execute format('alter table %s
    add column if not exists version integer not null default 1,
    add column if not exists created_at timestamptz not null default now(),
    add column if not exists updated_at timestamptz not null default now(),
    add column if not exists deleted_at timestamptz,
    add column if not exists _txid xid8 not null default pg_current_xact_id(),
    add column if not exists _seq bigint not null default nextval(''private.sync_seq'')', tbl);
  execute format('create trigger stamp_row before insert or update on %s
    for each row execute function private.stamp_row()', tbl);
  execute format('create trigger forbid_delete before delete on %s
    for each row execute function private.forbid_delete()', tbl);
  execute format('create index on %s (_txid, _seq)', tbl);
end;
$$;
comment on function private.make_synced(regclass) is
  'Migration helper: turns a table into a synced table (version, tombstone, sync position).';

insert into public.municipalities (code, name) values ('GM0118', 'Hoogeveen');
alter table public.municipalities enable row level security;
