-- Photos: metadata rows here, files in the private Storage bucket `photos` at
-- `<organisation id>/<record id>/<photo id>.<ext>`. Both follow the rules of the record they
-- belong to.

create table public.attachments (
  id uuid primary key,
  municipality_code text not null default 'GM0118' references public.municipalities (code),
  record_table text not null check (record_table in ('observations', 'garden_projects', 'accessibility_checks', 'walks')),
  record_id uuid not null,
  organisation_id uuid not null references public.organisations (id),
  kind text not null default 'photo' check (kind in ('photo', 'before', 'after')),
  storage_path text not null unique,
  mime_type text not null check (mime_type in ('image/jpeg', 'image/webp', 'image/png')),
  bytes integer not null check (bytes between 1 and 10485760),
  width integer check (width between 1 and 10000),
  height integer check (height between 1 and 10000),
  uploaded_at timestamptz,
  created_by uuid default auth.uid() references auth.users (id) on delete set null
);
comment on table public.attachments is
  'Photo metadata; the file lives in Storage bucket photos at <organisation>/<record>/<photo>.';
select private.make_synced('public.attachments');
create index on public.attachments (record_table, record_id);

-- Whether the signed-in user may see the record a photo belongs to.
create function private.sees_record(tbl text, rec uuid) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return case tbl
    when 'observations' then exists (select from public.observations o where o.id = rec
      and o.municipality_code = private.my_municipality()
      and private.sees_observation(o.sensitive, o.neighbourhood_code, o.reporter_organisation_id,
        o.assigned_organisation_id, o.created_by))
    when 'garden_projects' then exists (select from public.garden_projects g where g.id = rec
      and g.municipality_code = private.my_municipality()
      and (private.my_role() in ('gemeente', 'corporatie', 'smederij') or private.works_in(g.neighbourhood_code)))
    when 'accessibility_checks' then exists (select from public.accessibility_checks a where a.id = rec
      and a.municipality_code = private.my_municipality()
      and private.edits_corporation_record(a.corporation_id, a.neighbourhood_code))
    when 'walks' then private.sees_walk(rec)
    else false
  end;
end;
$$;
comment on function private.sees_record(text, uuid) is
  'True when the signed-in user may see the observation, project, check or walk with this id.';

-- Whether the signed-in user may add photos to the record.
create function private.edits_record(tbl text, rec uuid) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return case tbl
    when 'observations' then exists (select from public.observations o where o.id = rec
      and o.municipality_code = private.my_municipality()
      and (o.created_by = auth.uid()
        or private.edits_observation(o.neighbourhood_code, o.reporter_organisation_id, o.assigned_organisation_id)))
    when 'garden_projects' then exists (select from public.garden_projects g where g.id = rec
      and g.municipality_code = private.my_municipality()
      and private.edits_corporation_record(g.corporation_id, g.neighbourhood_code))
    when 'accessibility_checks' then exists (select from public.accessibility_checks a where a.id = rec
      and a.municipality_code = private.my_municipality()
      and private.edits_corporation_record(a.corporation_id, a.neighbourhood_code))
    when 'walks' then private.sees_walk(rec) and private.my_role() in ('gemeente', 'corporatie', 'smederij')
    else false
  end;
end;
$$;
comment on function private.edits_record(text, uuid) is
  'True when the signed-in user may add photos to the record with this id.';

-- Storage: the attachment row (with its path) decides who may read or write the file.
create function private.photo_access(object_name text, for_write boolean) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select from public.attachments a
    where a.storage_path = object_name and a.deleted_at is null
      and case when for_write
        then a.created_by = auth.uid() and private.edits_record(a.record_table, a.record_id)
        else private.sees_record(a.record_table, a.record_id) end)
$$;
comment on function private.photo_access(text, boolean) is
  'True when the signed-in user may read (or write) the photo file at this Storage path.';

grant execute on function private.sees_record(text, uuid), private.edits_record(text, uuid),
  private.photo_access(text, boolean) to authenticated, service_role;

create function private.check_attachment() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.record_table is null or new.record_table not in ('observations', 'garden_projects', 'accessibility_checks', 'walks') then
    perform private.reject('record_table', 'Een foto hoort bij een waarneming, tuinproject, toegankelijkheidscheck of wijkschouw.');
  end if;
  if new.mime_type is null or new.mime_type not in ('image/jpeg', 'image/webp', 'image/png') then
    perform private.reject('mime_type', 'Een foto moet JPEG, WebP of PNG zijn.');
  end if;
  if new.bytes is null or new.bytes not between 1 and 10485760 then
    perform private.reject('photo_size', 'Een foto mag hoogstens 10 MB zijn.');
  end if;
  if new.kind is null or new.kind not in ('photo', 'before', 'after') then
    perform private.reject('photo_kind', 'Een foto is een gewone foto, een foto vooraf of een foto achteraf.');
  end if;
  if tg_op = 'INSERT' then
    new.created_by := coalesce(auth.uid(), new.created_by);
    if new.storage_path is distinct from (format('%s/%s/%s', new.organisation_id, new.record_id, new.id)
         || (case new.mime_type when 'image/jpeg' then '.jpg' when 'image/webp' then '.webp' else '.png' end)) then
      perform private.reject('attachment_path',
        'Het pad van de foto moet <organisatie>/<record>/<foto-id>.<jpg|webp|png> zijn.');
    end if;
  else
    new.created_by := old.created_by;
    if new.storage_path is distinct from old.storage_path or new.record_id is distinct from old.record_id
       or new.record_table is distinct from old.record_table or new.organisation_id is distinct from old.organisation_id then
      perform private.reject('attachment_immutable', 'Een foto kan niet naar een ander record verhuizen.');
    end if;
  end if;
  return new;
end;
$$;
comment on function private.check_attachment() is
  'Keeps the Storage path of a photo fixed to <organisation>/<record>/<photo>.<ext>.';
create trigger check_attachment before insert or update on public.attachments
  for each row execute function private.check_attachment();

alter table public.attachments enable row level security;
revoke all on public.attachments from anon;
create policy "Photos are visible with their record"
  on public.attachments for select to authenticated
  using (private.sees_record(record_table, record_id));
create policy "Photos are added by people who may change the record, under their organisation"
  on public.attachments for insert to authenticated
  with check (organisation_id = private.my_organisation()
    and private.edits_record(record_table, record_id));
create policy "Photos are updated by their author"
  on public.attachments for update to authenticated
  using (created_by = auth.uid())
  with check (created_by = auth.uid() and private.edits_record(record_table, record_id));

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('photos', 'photos', false, 10485760, array['image/jpeg', 'image/webp', 'image/png'])
on conflict (id) do nothing;

create policy "Photo files are readable with their record"
  on storage.objects for select to authenticated
  using (bucket_id = 'photos' and private.photo_access(name, false));
create policy "Photo files are uploaded by the author of their attachment"
  on storage.objects for insert to authenticated
  with check (bucket_id = 'photos' and private.photo_access(name, true));
create policy "Photo files are replaced by the author of their attachment"
  on storage.objects for update to authenticated
  using (bucket_id = 'photos' and private.photo_access(name, true));
