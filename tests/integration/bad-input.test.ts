/**
 * Bad input, constraint by constraint: each violation is refused through PostgREST by someone
 * who may otherwise write the row, with the stable key (HINT) the app translates and a Dutch
 * message a person can act on, and nothing is written (checked as superuser, audit log
 * included). Then `buurt_at`: every buurt's label point, and points it must refuse.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  Api,
  Db,
  ORG,
  PLACE,
  USER,
  errorOf,
  observationRow,
  pointText,
  type ApiResponse,
  type Place,
  type Row,
  type Who,
} from '../support/actors.ts';

const stack = inject('stack');
const api = new Api(stack);
const db = new Db(stack);
afterAll(() => db.end());

/** A tenant of wijk 50 of this file's own, so grades never collide with other tests. */
let tenant: Who = 'huurder';
let tenantId = '';
beforeAll(async () => {
  tenantId = await db.user({
    role: 'huurder',
    organisationId: ORG.shdh,
    neighbourhoods: ['WK011850'],
  });
  tenant = { userId: tenantId };
});

interface Refusal {
  /** The HINT: the app's dictionary key. */
  hint: string | RegExp;
  /** The Dutch message. */
  message: RegExp;
  status?: number;
  code?: string;
}

/** The refusal, and no English constraint names: a person must be able to act on it. */
function expectRefused(res: ApiResponse, expected: Refusal): void {
  const err = errorOf(res);
  expect(res.status, JSON.stringify(err)).toBe(expected.status ?? 400);
  expect(err.code).toBe(expected.code ?? '23514');
  expect(err.hint).toMatch(expected.hint);
  expect(err.message).toMatch(expected.message);
  expect(err.message).not.toMatch(/violates|constraint|relation/);
}

/** Any snake_case key and any message that is not Postgres' English: for checks without one yet. */
const ACTIONABLE: Refusal = { hint: /^[a-z_]+$/, message: /^\S/ };

const gemeenteObservation = (place: Place = PLACE.centrum, extra: Row = {}) =>
  db.insert('observations', observationRow({ place, by: USER.gemeente, org: ORG.gemeente, extra }));

const gardenRow = (extra: Row = {}) => ({
  id: randomUUID(),
  corporation_id: ORG.woonconcept,
  title: 'Geveltuin Schutstraat',
  location: pointText(PLACE.krakeel),
  ...extra,
});

const checkRow = (extra: Row = {}) => ({
  id: randomUUID(),
  corporation_id: ORG.woonconcept,
  address: 'Schutstraat 12, Hoogeveen',
  location: pointText(PLACE.krakeel),
  living_room: 'ja',
  toilet: 'ja',
  bathroom: 'ja',
  bedroom: 'ja',
  ...extra,
});

const attachmentRow = (org: string, recordId: string, extra: Row = {}) => {
  const id = randomUUID();
  return {
    id,
    record_table: 'observations',
    record_id: recordId,
    organisation_id: org,
    storage_path: `${org}/${recordId}/${id}.jpg`,
    mime_type: 'image/jpeg',
    bytes: 2048,
    ...extra,
  };
};

interface BadInsert extends Refusal {
  name: string;
  who: () => Who;
  table: string;
  row: () => Promise<Row> | Row;
}

const OUTSIDE = { hint: 'outside_municipality', message: /^Dit punt ligt buiten de gemeente\./ };
const SEVERITY = { hint: 'severity_range', message: /^De ernst moet tussen 1 en 5 liggen\.$/ };
const RATING = { hint: 'rating_range', message: /^Het cijfer moet tussen 1 en 5 liggen\.$/ };
const GRADE = { hint: 'grade_range', message: /^Geef een cijfer van 1 tot en met 10\.$/ };
const CATEGORY = { hint: 'unknown_category', message: /^Kies een bestaande categorie/ };
const MEASURE = { hint: 'negative_measure', message: /kunnen niet negatief zijn/ };
const ANSWER = { hint: 'answer_required', message: /^Beantwoord alle vier de vragen/ };
const BUILD_YEAR = { hint: 'build_year_range', message: /^Het bouwjaar moet tussen 1800/ };
const PHOTO_PATH = { hint: 'attachment_path', message: /^Het pad van de foto moet/ };

const feedback = async (extra: Row) => {
  const shared = await gemeenteObservation();
  return { id: randomUUID(), observation_id: shared.id, kind: 'feedback', ...extra };
};

const thisYear = new Date().getFullYear();
const gemeente = () => 'gemeente' as const;
const corporatie = () => 'corporatie' as const;

// prettier-ignore
const BAD_INSERTS: BadInsert[] = [
  { name: 'severity 0',                        who: gemeente, table: 'observations', ...SEVERITY, row: () => observationRow({ place: PLACE.centrum, extra: { severity: 0 } }) },
  { name: 'severity 6',                        who: gemeente, table: 'observations', ...SEVERITY, row: () => observationRow({ place: PLACE.centrum, extra: { severity: 6 } }) },
  { name: 'a description over 2000 characters', who: gemeente, table: 'observations', hint: 'description_too_long', message: /te lang: gebruik hoogstens 2000 tekens/, row: () => observationRow({ place: PLACE.centrum, extra: { description: 'x'.repeat(2001) } }) },
  { name: 'an unknown category',               who: gemeente, table: 'observations', ...CATEGORY, row: () => observationRow({ place: PLACE.centrum, category: 'schoon.bestaat_niet' }) },
  { name: 'a theme instead of a category',     who: gemeente, table: 'observations', ...CATEGORY, row: () => observationRow({ place: PLACE.centrum, category: 'schoon' }) },
  { name: 'a point in Amsterdam',              who: gemeente, table: 'observations', ...OUTSIDE,  row: () => observationRow({ place: PLACE.amsterdam }) },
  { name: "a new observation not at 'nieuw'",  who: gemeente, table: 'observations', hint: 'status_start', message: /^Een nieuwe waarneming begint met de status 'nieuw'\.$/, row: () => observationRow({ place: PLACE.centrum, extra: { status: 'opgelost' } }) },
  { name: 'an accuracy below 0 m',             who: gemeente, table: 'observations', hint: 'accuracy_range', message: /^De nauwkeurigheid moet tussen 0 en 10\.000 meter liggen\.$/, row: () => observationRow({ place: PLACE.centrum, extra: { accuracy_m: -1 } }) },
  { name: 'an observation dated next week',    who: gemeente, table: 'observations', hint: 'observed_in_future', message: /kan niet in de toekomst liggen/, row: () => observationRow({ place: PLACE.centrum, extra: { observed_at: new Date(Date.now() + 7 * 86_400_000).toISOString() } }) },
  { name: 'feedback without thumb or rating',  who: () => tenant, table: 'observation_events', hint: 'feedback_needs_rating', message: /^Geef een duim omhoog of omlaag, of een cijfer van 1 tot 5\.$/, row: () => feedback({ body: 'Goed zo' }) },
  { name: 'feedback rated 0',                  who: () => tenant, table: 'observation_events', ...RATING, row: () => feedback({ rating: 0 }) },
  { name: 'feedback rated 6',                  who: () => tenant, table: 'observation_events', ...RATING, row: () => feedback({ rating: 6 }) },
  { name: 'an empty comment',                  who: gemeente, table: 'observation_events', hint: 'comment_empty', message: /^Schrijf een reactie/, row: async () => ({ ...(await feedback({})), kind: 'comment', body: '   ' }) },
  { name: 'a comment over 2000 characters',    who: gemeente, table: 'observation_events', hint: 'body_too_long', message: /te lang: gebruik hoogstens 2000 tekens/, row: async () => ({ ...(await feedback({})), kind: 'comment', body: 'x'.repeat(2001) }) },
  { name: 'grade 0',                           who: () => tenant, table: 'neighbourhood_grades', ...GRADE, row: () => gradeRow({ grade: 0 }) },
  { name: 'grade 11',                          who: () => tenant, table: 'neighbourhood_grades', ...GRADE, row: () => gradeRow({ grade: 11 }) },
  { name: 'quarter 5',                         who: () => tenant, table: 'neighbourhood_grades', hint: 'quarter_range', message: /^Het kwartaal moet 1, 2, 3 of 4 zijn\.$/, row: () => gradeRow({ quarter: 5 }) },
  { name: 'a second grade for the same theme and quarter', who: () => tenant, table: 'neighbourhood_grades', hint: 'grade_exists', message: /al een cijfer gegeven\. Pas dat cijfer aan\.$/, row: secondGrade },
  { name: 'households -1',                     who: corporatie, table: 'garden_projects', ...MEASURE, row: () => gardenRow({ households: -1 }) },
  { name: 'tiles removed -0.5 m²',             who: corporatie, table: 'garden_projects', ...MEASURE, row: () => gardenRow({ tiles_removed_m2: -0.5 }) },
  { name: 'green added -1 m²',                 who: corporatie, table: 'garden_projects', ...MEASURE, row: () => gardenRow({ green_added_m2: -1 }) },
  { name: 'trees -1',                          who: corporatie, table: 'garden_projects', ...MEASURE, row: () => gardenRow({ trees: -1 }) },
  { name: 'plants -3',                         who: corporatie, table: 'garden_projects', ...MEASURE, row: () => gardenRow({ plants: -3 }) },
  { name: 'rain barrels -1',                   who: corporatie, table: 'garden_projects', ...MEASURE, row: () => gardenRow({ rain_barrels: -1 }) },
  { name: 'green roof -2 m²',                  who: corporatie, table: 'garden_projects', ...MEASURE, row: () => gardenRow({ green_roof_m2: -2 }) },
  { name: 'a garden in Amsterdam',             who: corporatie, table: 'garden_projects', ...OUTSIDE, row: () => gardenRow({ location: pointText(PLACE.amsterdam) }) },
  { name: 'a garden of a tenant organisation', who: gemeente, table: 'garden_projects', hint: 'corporation_required', message: /^Kies de woningcorporatie van dit project\.$/, row: () => gardenRow({ corporation_id: ORG.shdh }) },
  { name: "living room 'misschien'",           who: corporatie, table: 'accessibility_checks', ...ANSWER, row: () => checkRow({ living_room: 'misschien' }) },
  { name: "bedroom 'lift'",                    who: corporatie, table: 'accessibility_checks', ...ANSWER, row: () => checkRow({ bedroom: 'lift' }) },
  { name: 'build year 1799',                   who: corporatie, table: 'accessibility_checks', ...BUILD_YEAR, row: () => checkRow({ build_year: 1799 }) },
  { name: 'a build year six years ahead',      who: corporatie, table: 'accessibility_checks', ...BUILD_YEAR, row: () => checkRow({ build_year: thisYear + 6 }) },
  { name: 'a home in Amsterdam',               who: corporatie, table: 'accessibility_checks', ...OUTSIDE, row: () => checkRow({ location: pointText(PLACE.amsterdam) }) },
  { name: 'a photo path not <org>/<record>/<id>.<ext>', who: gemeente, table: 'attachments', ...PHOTO_PATH, row: async () => attachmentRow(ORG.gemeente, String((await gemeenteObservation()).id), { storage_path: 'fotos/mijn-foto.jpg' }) },
  { name: 'a photo path under another organisation', who: gemeente, table: 'attachments', ...PHOTO_PATH, row: async () => { const o = await gemeenteObservation(); const r = attachmentRow(ORG.gemeente, String(o.id)); return { ...r, storage_path: `${ORG.woonconcept}/${String(o.id)}/${String(r.id)}.jpg` }; } },
  { name: 'a .jpg path for a PNG',             who: gemeente, table: 'attachments', ...PHOTO_PATH, row: async () => attachmentRow(ORG.gemeente, String((await gemeenteObservation()).id), { mime_type: 'image/png' }) },
  // No trigger guards these yet: Postgres answers in English with a constraint name.
  { name: 'a negative target',                 who: gemeente, table: 'targets', ...ACTIONABLE, row: () => ({ id: randomUUID(), year: 2027, metric: 'trees_planted', target_value: -1 }) },
  { name: 'a negative head count on a walk',   who: gemeente, table: 'walk_participants', ...ACTIONABLE, row: async () => ({ id: randomUUID(), walk_id: (await walk()).id, organisation_id: ORG.cascade, people: -1 }) },
];

let gradeYear = 2023;
function gradeRow(extra: Row): Row {
  return {
    id: randomUUID(),
    neighbourhood_code: PLACE.centrum.buurt,
    year: gradeYear++,
    quarter: 1,
    theme: 'schoon',
    grade: 7,
    ...extra,
  };
}

async function secondGrade(): Promise<Row> {
  const first = await db.insert('neighbourhood_grades', {
    ...gradeRow({}),
    created_by: tenantId,
    organisation_id: ORG.shdh,
  });
  return { ...gradeRow({}), year: first.year, quarter: first.quarter, theme: first.theme };
}

const walk = () =>
  db.insert('walks', {
    id: randomUUID(),
    neighbourhood_code: PLACE.centrum.buurt,
    title: 'Wijkschouw Centrum',
    planned_for: '2026-12-10',
    created_by: USER.smederij,
  });

describe('bad input on insert: refused with its key and a Dutch message, nothing written', () => {
  for (const c of BAD_INSERTS) {
    it(`${c.table}: ${c.name}`, async () => {
      const row = await c.row();
      const res = await api.request(c.who(), 'POST', c.table, { body: row });
      expectRefused(res, c);
      expect(await db.find(c.table, { id: row.id })).toBeNull();
      expect(await db.auditCount(String(row.id))).toBe(0);
    });
  }
});

interface BadUpdate extends Refusal {
  name: string;
  who: Who;
  table: string;
  fixture: () => Promise<Row>;
  patch: Row;
}

const observationAt = async (status: 'in_behandeling' | 'opgelost') => {
  const o = await gemeenteObservation();
  await db.query('update public.observations set status = $2 where id = $1', [o.id, status]);
  return (await db.find('observations', { id: o.id })) ?? {};
};
const GARDEN_STEPS = ['aangemeld', 'gepland', 'uitgevoerd', 'nazorg', 'afgerond'];
/** A garden project walked step by step (the workflow allows nothing else) to `status`. */
const gardenAt = async (status: string) => {
  const g = await db.insert('garden_projects', { ...gardenRow(), created_by: USER.woonconcept });
  for (const step of GARDEN_STEPS.slice(1, GARDEN_STEPS.indexOf(status) + 1)) {
    await db.query('update public.garden_projects set status = $2 where id = $1', [g.id, step]);
  }
  return (await db.find('garden_projects', { id: g.id })) ?? {};
};
const CLOSE_REASON = {
  hint: 'close_reason_required',
  message: /^Geef een reden op waarom de waarneming zonder actie wordt gesloten\.$/,
};
const GARDEN_STEP = {
  hint: 'status_transition',
  message: /Zet het project stap voor stap verder\.$/,
};

// prettier-ignore
const BAD_UPDATES: BadUpdate[] = [
  { name: 'opgelost → nieuw',                    who: 'gemeente', table: 'observations', fixture: () => observationAt('opgelost'), patch: { status: 'nieuw' }, hint: 'status_transition', message: /^De status kan niet van 'opgelost' naar 'nieuw'\. Zet de waarneming eerst in behandeling\.$/ },
  { name: 'in behandeling → nieuw',              who: 'smederij', table: 'observations', fixture: () => observationAt('in_behandeling'), patch: { status: 'nieuw' }, hint: 'status_transition', message: /^De status kan niet van 'in_behandeling' naar 'nieuw'\./ },
  { name: 'gesloten without a reason',           who: 'gemeente', table: 'observations', fixture: () => gemeenteObservation(), patch: { status: 'gesloten' }, ...CLOSE_REASON },
  { name: 'gesloten with only spaces as reason', who: 'smederij', table: 'observations', fixture: () => gemeenteObservation(), patch: { status: 'gesloten', close_reason: '   ' }, ...CLOSE_REASON },
  { name: 'severity 9',                          who: 'gemeente', table: 'observations', fixture: () => gemeenteObservation(), patch: { severity: 9 }, ...SEVERITY },
  { name: 'moved to Amsterdam',                  who: 'gemeente', table: 'observations', fixture: () => gemeenteObservation(), patch: { location: pointText(PLACE.amsterdam) }, ...OUTSIDE },
  { name: 'an event changed (only the service role gets past RLS to try)', who: 'service_role', table: 'observation_events', fixture: async () => db.insert('observation_events', await feedback({ thumb: 1, created_by: USER.huurder })), patch: { thumb: -1 }, hint: 'event_immutable', message: /^De geschiedenis kan niet worden gewijzigd\. Voeg een nieuwe reactie toe\.$/ },
  { name: 'aangemeld → uitgevoerd (skipping gepland)', who: 'corporatie', table: 'garden_projects', fixture: () => gardenAt('aangemeld'), patch: { status: 'uitgevoerd' }, ...GARDEN_STEP },
  { name: 'uitgevoerd → afgerond (skipping nazorg)',  who: 'corporatie', table: 'garden_projects', fixture: () => gardenAt('uitgevoerd'), patch: { status: 'afgerond' }, ...GARDEN_STEP },
  { name: 'trees set to -2',                     who: 'corporatie', table: 'garden_projects', fixture: () => gardenAt('gepland'), patch: { trees: -2 }, ...MEASURE },
  { name: "toilet set to 'onbekend'",            who: 'corporatie', table: 'accessibility_checks', fixture: () => db.insert('accessibility_checks', checkRow()), patch: { toilet: 'onbekend' }, ...ANSWER },
  { name: 'a photo moved to another path',       who: 'gemeente', table: 'attachments', fixture: async () => db.insert('attachments', { ...attachmentRow(ORG.gemeente, String((await gemeenteObservation()).id)), created_by: USER.gemeente }), patch: { storage_path: 'elders/foto.jpg' }, hint: 'attachment_immutable', message: /^Een foto kan niet naar een ander record verhuizen\.$/ },
];

describe('bad input on update: refused with its key and a Dutch message, nothing written', () => {
  for (const c of BAD_UPDATES) {
    it(`${c.table}: ${c.name}`, async () => {
      const before = await c.fixture();
      const audits = await db.auditCount(String(before.id));
      const res = await api.request(c.who, 'PATCH', `${c.table}?id=eq.${String(before.id)}`, {
        body: c.patch,
      });
      expectRefused(res, c);
      expect(await db.find(c.table, { id: before.id })).toEqual(before);
      expect(await db.auditCount(String(before.id))).toBe(audits);
    });
  }

  it('events stay as they are for every signed-in role: RLS leaves nothing to update', async () => {
    const event = await db.insert(
      'observation_events',
      await feedback({ thumb: 1, created_by: USER.huurder }),
    );
    for (const who of ['huurder', 'smederij', 'corporatie', 'gemeente'] as const) {
      const res = await api.request(who, 'PATCH', `observation_events?id=eq.${String(event.id)}`, {
        body: { thumb: -1 },
        prefer: 'return=representation',
      });
      expect(res, who).toMatchObject({ status: 200, body: [] });
    }
    expect(await db.find('observation_events', { id: event.id })).toEqual(event);
  });
});

/** The 48 buurten and their label points, from the CBS data the app also ships. */
const BUURTEN = readFileSync(
  new URL('../../public/data/hoogeveen-gebieden.csv', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .filter((f) => f[0] === 'buurt')
  .map((f) => ({ code: f[1] ?? '', name: f[2] ?? '', lon: Number(f[5]), lat: Number(f[6]) }));

describe('buurt_at', () => {
  it('knows all 48 buurten', () => {
    expect(BUURTEN).toHaveLength(48);
  });

  for (const b of BUURTEN) {
    it(`puts the label point of ${b.name} in ${b.code}`, async () => {
      const res = await api.rpc('huurder', 'buurt_at', { lon: b.lon, lat: b.lat });
      expect(res).toEqual({ status: 200, body: b.code });
    });
  }

  it('refuses a point in Amsterdam as outside the municipality', async () => {
    const res = await api.rpc('huurder', 'buurt_at', {
      lon: PLACE.amsterdam.lon,
      lat: PLACE.amsterdam.lat,
    });
    expectRefused(res, { code: '22023', ...OUTSIDE });
  });

  // prettier-ignore
  const invalid = [
    { lon: null, lat: 52.72 }, { lon: 6.48, lat: null }, { lon: null, lat: null },
    { lon: 181, lat: 52.72 }, { lon: 6.48, lat: -91 },
  ];
  for (const args of invalid) {
    it(`refuses lon ${args.lon}, lat ${args.lat} as invalid coordinates`, async () => {
      const res = await api.rpc('huurder', 'buurt_at', args);
      expectRefused(res, {
        code: '22023',
        hint: 'invalid_coordinates',
        message:
          /^Ongeldige coördinaten: geef lengtegraad \(lon\) en breedtegraad \(lat\) in graden\.$/,
      });
    });
  }
});
