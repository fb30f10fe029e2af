-- Issue 4 asks for tombstones of every synced table a device writes to be purged in time; the
-- first version left out observations and walks (other rows point at them). They are purged now,
-- after their children, and only once nothing live points at them any more.

create or replace function private.purge_tombstones(keep interval default '180 days') returns integer
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
  -- Children before their parents; a tombstone that a live row still points at stays until that
  -- row is gone too (a foreign key would refuse the delete).
  foreach t in array array['observation_events', 'attachments', 'walk_participants', 'targets',
    'neighbourhood_grades', 'accessibility_checks', 'garden_projects', 'observations', 'walks'] loop
    execute format('with gone as (delete from public.%I x where x.deleted_at < now() - $1 %s
                      returning _txid, _seq)
                    select (select count(*) from gone), g._txid, g._seq
                    from (select 1) one left join lateral
                      (select _txid, _seq from gone order by _txid desc, _seq desc limit 1) g on true',
                   t, case t
                     when 'observations' then
                       'and not exists (select from public.observation_events e where e.observation_id = x.id)
                        and not exists (select from public.attachments a
                                        where a.record_table = ''observations'' and a.record_id = x.id)'
                     when 'walks' then
                       'and not exists (select from public.walk_participants p where p.walk_id = x.id)
                        and not exists (select from public.observations o where o.walk_id = x.id)
                        and not exists (select from public.garden_projects g where g.walk_id = x.id)'
                     else '' end)
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
  'Deletes old tombstones of every table devices write (children first) and raises the sync horizon.';
