-- Demo and reference data for Buurtpeil (Hoogeveen). Deterministic: fixed ids and a fixed random
-- seed; dates are relative to the moment of seeding (the last 18 months).
-- Demo logins (password "buurtpeil-demo") are listed in supabase/local/demo-users.ts and the README.

-- Organisations: the parties of the performance agreements 2023–2027, and De Smederijen.
insert into public.organisations (id, name, kind, active_until) values
  ('0a000000-0000-4000-8000-000000000001', 'Gemeente Hoogeveen', 'gemeente', null),
  ('0a000000-0000-4000-8000-000000000011', 'Woonconcept', 'corporatie', null),
  ('0a000000-0000-4000-8000-000000000012', 'Domesta', 'corporatie', null),
  ('0a000000-0000-4000-8000-000000000013', 'Actium', 'corporatie', null),
  ('0a000000-0000-4000-8000-000000000014', 'Woonservice', 'corporatie', '2026-02-01'),
  ('0a000000-0000-4000-8000-000000000021', 'SHDH', 'huurdersorganisatie', null),
  ('0a000000-0000-4000-8000-000000000022', 'Cascade', 'huurdersorganisatie', null),
  ('0a000000-0000-4000-8000-000000000023', 'MEVM', 'huurdersorganisatie', null),
  ('0a000000-0000-4000-8000-000000000024', 'Samen Sterk', 'huurdersorganisatie', null),
  ('0a000000-0000-4000-8000-000000000031', 'De Smederijen', 'smederij', null);

-- Observation categories: theme → category. Sensitive categories are shielded (DESIGN.md).
insert into public.observation_categories (code, parent_code, theme, name_nl, name_en, icon, sensitive, positive, sort) values
  ('schoon', null, 'schoon', 'Schoon', 'Clean', 'broom', false, false, 1),
  ('heel', null, 'heel', 'Heel', 'Intact', 'wrench', false, false, 2),
  ('veilig', null, 'veilig', 'Veilig', 'Safe', 'shield', false, false, 3),
  ('groen', null, 'groen', 'Groen', 'Green', 'leaf', false, false, 4),
  ('sociaal', null, 'sociaal', 'Sociaal', 'Social', 'people', false, false, 5),
  ('positief', null, 'positief', 'Positief', 'Positive', 'sun', false, true, 6),
  ('schoon.zwerfafval', 'schoon', 'schoon', 'Zwerfafval', 'Litter', 'trash', false, false, 1),
  ('schoon.dumping', 'schoon', 'schoon', 'Afval gedumpt', 'Fly-tipping', 'dump', false, false, 2),
  ('schoon.hondenpoep', 'schoon', 'schoon', 'Hondenpoep', 'Dog fouling', 'dog', false, false, 3),
  ('schoon.graffiti', 'schoon', 'schoon', 'Graffiti', 'Graffiti', 'spray', false, false, 4),
  ('heel.bestrating', 'heel', 'heel', 'Stoep of straat kapot', 'Broken pavement', 'road', false, false, 1),
  ('heel.verlichting', 'heel', 'heel', 'Straatlamp kapot', 'Street light out', 'lamp', false, false, 2),
  ('heel.speeltoestel', 'heel', 'heel', 'Speeltoestel kapot', 'Broken play equipment', 'swing', false, false, 3),
  ('heel.woning', 'heel', 'heel', 'Woning slecht onderhouden', 'Home poorly maintained', 'house', false, false, 4),
  ('veilig.verkeer', 'veilig', 'veilig', 'Onveilig verkeer', 'Unsafe traffic', 'car', false, false, 1),
  ('veilig.donker', 'veilig', 'veilig', 'Donkere of onveilige plek', 'Dark or unsafe spot', 'moon', false, false, 2),
  ('veilig.brand', 'veilig', 'veilig', 'Brandveiligheid', 'Fire safety', 'fire', false, false, 3),
  ('veilig.straatoverlast', 'veilig', 'veilig', 'Overlast op straat', 'Nuisance in the street', 'alert', false, false, 4),
  ('groen.onderhoud', 'groen', 'groen', 'Groen slecht onderhouden', 'Greenery poorly kept', 'grass', false, false, 1),
  ('groen.boom', 'groen', 'groen', 'Boom ziek of gevaarlijk', 'Tree diseased or dangerous', 'tree', false, false, 2),
  ('groen.versteend', 'groen', 'groen', 'Tuin helemaal bestraat', 'Garden fully paved', 'tiles', false, false, 3),
  ('groen.water', 'groen', 'groen', 'Wateroverlast', 'Flooding', 'water', false, false, 4),
  ('sociaal.woonoverlast', 'sociaal', 'sociaal', 'Woonoverlast tussen buren', 'Nuisance between neighbours', 'home-alert', true, false, 1),
  ('sociaal.zorgsignaal', 'sociaal', 'sociaal', 'Zorgsignaal', 'Care concern', 'heart', true, false, 2),
  ('sociaal.eenzaamheid', 'sociaal', 'sociaal', 'Eenzaamheid', 'Loneliness', 'person', true, false, 3),
  ('sociaal.ontmoeting', 'sociaal', 'sociaal', 'Plek om elkaar te ontmoeten nodig', 'Meeting place needed', 'chat', false, false, 4),
  ('positief.initiatief', 'positief', 'positief', 'Initiatief van bewoners', 'Residents'' initiative', 'star', false, true, 1),
  ('positief.verbeterd', 'positief', 'positief', 'Zichtbaar beter geworden', 'Visibly improved', 'thumbs-up', false, true, 2),
  ('positief.groen', 'positief', 'positief', 'Mooi groen', 'Lovely greenery', 'flower', false, true, 3);

-- Demo users, inserted the way Supabase projects are seeded (auth.users + auth.identities).
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
  extensions.crypt('buurtpeil-demo', extensions.gen_salt('bf', 10)), now(),
  '{"provider": "email", "providers": ["email"]}', jsonb_build_object('display_name', u.name),
  now(), now(), '', '', '', ''
from (values
  ('0b000000-0000-4000-8000-000000000001'::uuid, 'gemeente@demo.buurtpeil.nl', 'Gemma de Gemeente'),
  ('0b000000-0000-4000-8000-000000000002'::uuid, 'smederij@demo.buurtpeil.nl', 'Sam Smederij'),
  ('0b000000-0000-4000-8000-000000000003'::uuid, 'woonconcept@demo.buurtpeil.nl', 'Wim Woonconcept'),
  ('0b000000-0000-4000-8000-000000000004'::uuid, 'domesta@demo.buurtpeil.nl', 'Dewi Domesta'),
  ('0b000000-0000-4000-8000-000000000005'::uuid, 'actium@demo.buurtpeil.nl', 'Anouk Actium'),
  ('0b000000-0000-4000-8000-000000000006'::uuid, 'huurder@demo.buurtpeil.nl', 'Hanneke Huurder')
) as u (id, email, name);

insert into auth.identities (id, user_id, provider_id, provider, identity_data, last_sign_in_at, created_at, updated_at)
select gen_random_uuid(), u.id, u.id::text, 'email',
  jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true), now(), now(), now()
from auth.users u where u.email like '%@demo.buurtpeil.nl';

insert into public.profiles (id, organisation_id, role, display_name) values
  ('0b000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000001', 'gemeente', 'Gemma de Gemeente'),
  ('0b000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000031', 'smederij', 'Sam Smederij'),
  ('0b000000-0000-4000-8000-000000000003', '0a000000-0000-4000-8000-000000000011', 'corporatie', 'Wim Woonconcept'),
  ('0b000000-0000-4000-8000-000000000004', '0a000000-0000-4000-8000-000000000012', 'corporatie', 'Dewi Domesta'),
  ('0b000000-0000-4000-8000-000000000005', '0a000000-0000-4000-8000-000000000013', 'corporatie', 'Anouk Actium'),
  ('0b000000-0000-4000-8000-000000000006', '0a000000-0000-4000-8000-000000000021', 'huurder', 'Hanneke Huurder');

-- The Smederijen team works in the town (wijk 50) and De Weide (wijk 51); the tenant lives in wijk 50.
insert into public.profile_neighbourhoods (profile_id, neighbourhood_code) values
  ('0b000000-0000-4000-8000-000000000002', 'WK011850'),
  ('0b000000-0000-4000-8000-000000000002', 'WK011851'),
  ('0b000000-0000-4000-8000-000000000006', 'WK011850');

-- Targets from the performance agreements (../shared/AGREEMENTS.md). Null target_value: the
-- agreements name the activity but no number.
insert into public.targets (id, neighbourhood_code, organisation_id, year, metric, target_value, agreement_no, description) values
  ('0c000000-0000-4000-8000-000000000001', null, null, 2024, 'new_builds_accessible_share', 0.9, 3, '90% van de nieuwbouwwoningen is toegankelijk (als de locatie geschikt is).'),
  ('0c000000-0000-4000-8000-000000000002', null, null, 2025, 'new_builds_accessible_share', 0.9, 3, '90% van de nieuwbouwwoningen is toegankelijk (als de locatie geschikt is).'),
  ('0c000000-0000-4000-8000-000000000003', null, null, 2026, 'new_builds_accessible_share', 0.9, 3, '90% van de nieuwbouwwoningen is toegankelijk (als de locatie geschikt is).'),
  ('0c000000-0000-4000-8000-000000000004', null, null, 2027, 'new_builds_accessible_share', 0.9, 3, '90% van de nieuwbouwwoningen is toegankelijk (als de locatie geschikt is).'),
  ('0c000000-0000-4000-8000-000000000005', null, '0a000000-0000-4000-8000-000000000011', 2026, 'scooter_storages', 2, 15, 'Scootmobielstallingen bij de complexen Dorado (Helios) en De IJssel.'),
  ('0c000000-0000-4000-8000-000000000006', 'WK011854', '0a000000-0000-4000-8000-000000000011', 2026, 'zero_step_homes', 4, 15, 'Vier nultredenwoningen in Hollandscheveld (Riegheidestraat).'),
  ('0c000000-0000-4000-8000-000000000007', null, '0a000000-0000-4000-8000-000000000011', 2026, 'gardens_completed', null, 13, 'Woonconcept zet de tuinaanpak in 2026 voort.'),
  ('0c000000-0000-4000-8000-000000000008', 'WK011860', '0a000000-0000-4000-8000-000000000013', 2026, 'gardens_completed', null, 13, 'Actium zet de tuinaanpak in Pesse (gestart in 2025) mogelijk voort.');

-- Demo records, spread over the buurten (more in the town) and the last 18 months.
select setseed(0.118);

create temporary table seed_buurt as
select code, label, row_number() over (order by code) as n,
  case when code like 'BU011850%' or code like 'BU011851%' then 4 else 1 end as weight
from public.neighbourhoods where kind = 'buurt';

create temporary table seed_pick as
select b.code, b.label from seed_buurt b, generate_series(1, b.weight);

create temporary table seed_obs as
select
  ('0d000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid as id,
  i,
  (array(select code from public.observation_categories where parent_code is not null
    order by code))[1 + floor(random() * 23)::int] as category_code,
  1 + floor(random() * 5)::int as severity,
  random() as r_status,
  random() as r_jitter_x,
  random() as r_jitter_y,
  floor(random() * 200)::int as pick,
  now() - (random() * 540) * interval '1 day' as observed_at,
  floor(random() * 4)::int as reporter
from generate_series(1, 320) as i;

insert into public.observations (id, category_code, severity, description, location, accuracy_m,
  observed_at, created_at, created_by, reporter_organisation_id, assigned_organisation_id)
select o.id, o.category_code, o.severity,
  (array['Gezien tijdens de ronde door de buurt.', 'Melding van een bewoner, ter plekke bekeken.',
         'Komt vaker voor op deze plek.', 'Graag oppakken voor het weekend.',
         'Samen met de wijkagent bekeken.'])[1 + (o.i % 5)],
  p.label, 5 + (o.i % 20), o.observed_at, o.observed_at,
  r.user_id, r.org_id,
  case when o.i % 3 = 0 then '0a000000-0000-4000-8000-000000000011'::uuid
       when o.i % 3 = 1 then '0a000000-0000-4000-8000-000000000012'::uuid
       else '0a000000-0000-4000-8000-000000000001'::uuid end
from seed_obs o
join lateral (select * from seed_pick order by code offset (o.pick % (select count(*) from seed_pick)) limit 1) p on true
join lateral (
  select * from (values
    (0, '0b000000-0000-4000-8000-000000000002'::uuid, '0a000000-0000-4000-8000-000000000031'::uuid),
    (1, '0b000000-0000-4000-8000-000000000003'::uuid, '0a000000-0000-4000-8000-000000000011'::uuid),
    (2, '0b000000-0000-4000-8000-000000000001'::uuid, '0a000000-0000-4000-8000-000000000001'::uuid),
    (3, '0b000000-0000-4000-8000-000000000006'::uuid, '0a000000-0000-4000-8000-000000000021'::uuid)
  ) v (k, user_id, org_id)
  -- tenants do not report sensitive categories
  where v.k = case when o.reporter = 3 and o.category_code like 'sociaal.%' and o.category_code <> 'sociaal.ontmoeting'
                   then 0 else o.reporter end
) r on true;

-- Move them along the workflow: about a third resolved, some in progress, some closed with a reason.
update public.observations o set status = 'in_behandeling'
from seed_obs s where s.id = o.id and s.r_status > 0.35;
update public.observations o set status = 'opgelost'
from seed_obs s where s.id = o.id and s.r_status > 0.55 and s.r_status <= 0.92;
update public.observations o set status = 'gesloten', close_reason = 'Geen actie nodig: bij nader inzien in orde.'
from seed_obs s where s.id = o.id and s.r_status > 0.92;
-- Resolution took between a day and two months after the observation.
update public.observations o
set resolved_at = least(now(), o.observed_at + (1 + floor(s.r_jitter_x * 60)) * interval '1 day')
from seed_obs s where s.id = o.id and o.status in ('opgelost', 'gesloten');

-- Tenant feedback on some resolved observations the tenant can see.
insert into public.observation_events (id, observation_id, kind, body, rating, thumb, created_by)
select ('0e000000-0000-4000-8000-' || lpad(row_number() over (order by o.id)::text, 12, '0'))::uuid,
  o.id, 'feedback',
  (array['Fijn dat het zo snel is opgelost!', 'Het is beter, maar nog niet helemaal goed.', 'Dank jullie wel.'])[1 + (abs(hashtext(o.id::text)) % 3)],
  3 + (abs(hashtext(o.id::text)) % 3), 1, '0b000000-0000-4000-8000-000000000006'
from public.observations o
where o.status = 'opgelost' and not o.sensitive and o.neighbourhood_code like 'BU011850%'
  and abs(hashtext(o.id::text)) % 2 = 0;

-- Green-garden projects of the corporations (agreement 13), Pesse for Actium.
insert into public.garden_projects (id, corporation_id, title, address, location, status, households,
  tiles_removed_m2, green_added_m2, trees, plants, rain_barrels, facade_garden, green_roof_m2,
  created_by, created_at)
select ('0f000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid,
  c.org, 'Tuinaanpak ' || b.name, '', b.label, 'aangemeld',
  2 + i % 9, 0, 0, 0, 0, 0, false, 0, c.user_id, now() - (i * 9) * interval '1 day'
from generate_series(1, 60) i
join lateral (select * from (values
    (0, '0a000000-0000-4000-8000-000000000011'::uuid, '0b000000-0000-4000-8000-000000000003'::uuid),
    (1, '0a000000-0000-4000-8000-000000000012'::uuid, '0b000000-0000-4000-8000-000000000004'::uuid),
    (2, '0a000000-0000-4000-8000-000000000013'::uuid, '0b000000-0000-4000-8000-000000000005'::uuid)) v (k, org, user_id)
  where v.k = i % 3) c on true
join lateral (select n.name, n.label from public.neighbourhoods n
  where n.kind = 'buurt' and case when i % 3 = 2 then n.wijk_code = 'WK011860' else n.wijk_code in ('WK011850', 'WK011851', 'WK011854') end
  order by n.code offset (i % 4) limit 1) b on true;

update public.garden_projects set status = 'gepland' where (right(id::text, 2))::int % 5 <> 0;
update public.garden_projects set status = 'uitgevoerd',
  tiles_removed_m2 = 10 + (right(id::text, 2))::int % 40, green_added_m2 = 8 + (right(id::text, 2))::int % 35,
  trees = (right(id::text, 2))::int % 3, plants = 10 + (right(id::text, 2))::int % 50,
  rain_barrels = (right(id::text, 2))::int % 4, facade_garden = (right(id::text, 2))::int % 2 = 0
where (right(id::text, 2))::int % 5 in (2, 3, 4);
update public.garden_projects set status = 'nazorg' where (right(id::text, 2))::int % 5 in (3, 4);
update public.garden_projects set status = 'afgerond' where (right(id::text, 2))::int % 5 = 4;

-- Reactions to finished garden projects in the demo tenant's wijk (fixed ids): the tenant's
-- feedback (a thumb and/or a grade, a few words) and the professionals' notes, some days after
-- each project started. Author, role and organisation are given here: seeding has no signed-in user.
insert into public.garden_project_events (id, garden_project_id, kind, body, thumb, rating,
  created_by, author_role, organisation_id, created_at)
select e.id, g.id, e.kind, e.body, e.thumb, e.rating, a.user_id, a.role, a.org,
  least(now() - interval '1 hour', g.created_at + e.after_days * interval '1 day')
from (values
  ('12000000-0000-4000-8000-000000000001'::uuid, 3, 4, 'woonconcept', 'comment',
    'De tegels zijn eruit en er liggen borders met vaste planten. Over een maand kijken we of alles goed aanslaat.', null::smallint, null::smallint),
  ('12000000-0000-4000-8000-000000000002'::uuid, 3, 11, 'huurder', 'feedback',
    'Veel mooier zo! De kinderen spelen nu op het gras.', 1, 4),
  ('12000000-0000-4000-8000-000000000003'::uuid, 3, 13, 'smederij', 'comment',
    'Bewoners vragen of er nog een regenton bij kan. Doorgegeven aan Woonconcept.', null, null),
  ('12000000-0000-4000-8000-000000000004'::uuid, 4, 9, 'huurder', 'feedback',
    'Mooie geveltuin. De straat ziet er meteen vriendelijker uit.', 1, 5),
  ('12000000-0000-4000-8000-000000000005'::uuid, 9, 20, 'huurder', 'feedback',
    'Een deel van de planten is doodgegaan. Niemand gaf water in de droge weken.', -1, 2),
  ('12000000-0000-4000-8000-000000000006'::uuid, 9, 22, 'woonconcept', 'comment',
    'Bedankt voor het melden. We vervangen de planten en leggen de bewoners uit hoe vaak ze water moeten geven.', null, null),
  ('12000000-0000-4000-8000-000000000007'::uuid, 9, 45, 'huurder', 'feedback',
    'De nieuwe planten doen het goed. Fijn dat het is opgelost.', 1, 4),
  ('12000000-0000-4000-8000-000000000008'::uuid, 13, 30, 'huurder', 'feedback',
    'Het is beter dan eerst, maar er ligt nog veel grind.', null, 3),
  ('12000000-0000-4000-8000-000000000009'::uuid, 13, 33, 'domesta', 'comment',
    'Het grind is zo afgesproken met de bewoners. Bij de nazorg in het voorjaar kijken we samen of er meer groen kan komen.', null, null)
) e (id, garden, after_days, author, kind, body, thumb, rating)
join (values
  ('huurder', '0b000000-0000-4000-8000-000000000006'::uuid, 'huurder', '0a000000-0000-4000-8000-000000000021'::uuid),
  ('smederij', '0b000000-0000-4000-8000-000000000002'::uuid, 'smederij', '0a000000-0000-4000-8000-000000000031'::uuid),
  ('woonconcept', '0b000000-0000-4000-8000-000000000003'::uuid, 'corporatie', '0a000000-0000-4000-8000-000000000011'::uuid),
  ('domesta', '0b000000-0000-4000-8000-000000000004'::uuid, 'corporatie', '0a000000-0000-4000-8000-000000000012'::uuid)
) a (author, user_id, role, org) on a.author = e.author
join public.garden_projects g on g.id = ('0f000000-0000-4000-8000-' || lpad(e.garden::text, 12, '0'))::uuid;

-- Accessibility checks (agreement 3), with new-builds.
insert into public.accessibility_checks (id, corporation_id, address, complex_name, location,
  living_room, toilet, bathroom, bedroom, scooter_storage, new_build, build_year, checked_at, created_by)
select ('10000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid,
  c.org, 'Demostraat ' || i || ', Hoogeveen', '', b.label,
  (array['ja', 'ja', 'ja', 'ja', 'nee', 'traplift'])[1 + floor(random() * 6)::int],
  (array['ja', 'ja', 'ja', 'kleine_aanpassing', 'nee'])[1 + floor(random() * 5)::int],
  (array['ja', 'ja', 'kleine_aanpassing', 'nee', 'ja'])[1 + floor(random() * 5)::int],
  (array['ja', 'traplift', 'ja', 'ja', 'nee'])[1 + floor(random() * 5)::int],
  (array['aanwezig', 'nodig', 'niet_nodig', 'niet_nodig'])[1 + i % 4],
  i % 4 = 0, case when i % 4 = 0 then 2023 + i % 3 else 1960 + i % 60 end,
  now() - (i * 4) * interval '1 day', c.user_id
from generate_series(1, 120) i
join lateral (select * from (values
    (0, '0a000000-0000-4000-8000-000000000011'::uuid, '0b000000-0000-4000-8000-000000000003'::uuid),
    (1, '0a000000-0000-4000-8000-000000000012'::uuid, '0b000000-0000-4000-8000-000000000004'::uuid),
    (2, '0a000000-0000-4000-8000-000000000013'::uuid, '0b000000-0000-4000-8000-000000000005'::uuid)) v (k, org, user_id)
  where v.k = i % 3) c on true
join lateral (select label from seed_buurt order by code offset (i * 7) % 48 limit 1) b on true;
-- New-builds are mostly accessible.
update public.accessibility_checks set living_room = 'ja', toilet = 'ja', bathroom = 'ja', bedroom = 'ja'
where new_build and (right(id::text, 3))::int % 40 <> 0;

-- Quarterly grades by the demo tenant for the buurten of wijk 50, the last six quarters.
insert into public.neighbourhood_grades (id, neighbourhood_code, year, quarter, theme, grade, created_by, organisation_id)
select gen_random_uuid(), b.code, extract(year from q)::int, extract(quarter from q)::int, t.theme,
  greatest(1, least(10, 6 + ((abs(hashtext(b.code || t.theme || q::text)) % 5) - 1))),
  '0b000000-0000-4000-8000-000000000006', '0a000000-0000-4000-8000-000000000021'
from public.neighbourhoods b
cross join generate_series(date_trunc('quarter', now()) - interval '15 months', date_trunc('quarter', now()), interval '3 months') q
cross join (values ('schoon'), ('heel'), ('veilig'), ('groen'), ('samen')) t (theme)
where b.wijk_code = 'WK011850';

-- Neighbourhood walks (wijkschouw) with participants; some observations were logged on them.
insert into public.walks (id, neighbourhood_code, title, planned_for, status, created_by)
select ('11000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, b.code, 'Wijkschouw ' || b.name,
  (now() - (i * 60 - 90) * interval '1 day')::date,
  case when i * 60 - 90 > 0 then 'gelopen' else 'gepland' end,
  '0b000000-0000-4000-8000-000000000002'
from generate_series(1, 8) i
join lateral (select code, name from public.neighbourhoods where wijk_code in ('WK011850', 'WK011851')
  order by code offset i limit 1) b on true;

insert into public.walk_participants (id, walk_id, organisation_id, people)
select gen_random_uuid(), w.id, o.id, 1 + abs(hashtext(w.id::text || o.id::text)) % 3
from public.walks w
cross join public.organisations o
where o.id in ('0a000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000031',
  '0a000000-0000-4000-8000-000000000011', '0a000000-0000-4000-8000-000000000021');

update public.observations o set walk_id = pick.walk_id
from (
  select w.id as walk_id, o2.id as observation_id,
    row_number() over (partition by w.id order by abs(extract(epoch from o2.observed_at - w.planned_for::timestamptz))) as n
  from public.walks w join public.observations o2 on o2.neighbourhood_code = w.neighbourhood_code
  where w.status = 'gelopen'
) pick
where pick.observation_id = o.id and pick.n <= 3;

drop table seed_obs, seed_pick, seed_buurt;
