/**
 * Row-level security, cell by cell: every actor × every table (and the tenants' view) × select,
 * insert, update and delete through PostgREST, each cell asserting the allow or the exact denial
 * and, for writes, checking as superuser what really happened. Then the privacy rules of
 * DESIGN.md ("Security and privacy") one by one, and the schema-wide guarantees (RLS everywhere,
 * functions closed by default).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ACTOR_NAMES,
  ACTORS,
  Api,
  Db,
  ORG,
  PLACE,
  USER,
  deniedStatus,
  errorOf,
  observationRow,
  pointText,
  type Actor,
  type ActorName,
  type ApiResponse,
  type Place,
  type Row,
} from '../support/actors.ts';

const stack = inject('stack');
const api = new Api(stack);
const db = new Db(stack);
afterAll(() => db.end());

/** Allowed: the row is returned, written, changed or removed. */
const OK = 'ok';
/** RLS filters the row out: select gives [], update and delete touch 0 rows (HTTP 200). */
const HIDDEN = 'hidden';
/** Insert refused by RLS: 42501 "new row violates row-level security policy". */
const RLS = 'rls';
/** No table privilege: 42501 "permission denied for table|view …". */
const GRANT = 'grant';
/** The RLS check passes, but the stranger is no auth user: 23503 on sync_mutations.user_id. */
const NO_USER = 'no_user';
/**
 * A validation trigger refuses before RLS is asked: it looks the corporation up as the caller,
 * and the stranger sees no organisations (23514, hint corporation_required).
 */
const NO_CORP = 'corporation_required';
type Outcome =
  typeof OK | typeof HIDDEN | typeof RLS | typeof GRANT | typeof NO_USER | typeof NO_CORP;
type Cells = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
type Op = 'select' | 'insert' | 'update' | 'delete';

/**
 * The whole policy at a glance. Columns: the actors; each table's target row (what select,
 * update and delete aim at) and inserted row are described in TABLES below. No table has a
 * delete policy, so a hard delete never reaches the no_hard_delete trigger through the API (that
 * guard is tested with the service role further down); tombstones are updates of deleted_at.
 */
// prettier-ignore
const MATRIX: Record<string, Record<Op, Cells>> = {
  //                         anon     stranger  huurder  smederij  corporatie gemeente
  organisations: {
    select:                 [GRANT,   HIDDEN,   OK,      OK,       OK,      OK],
    insert:                 [GRANT,   RLS,      RLS,     RLS,      RLS,     OK],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  OK],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  profiles: {
    select:                 [GRANT,   HIDDEN,   HIDDEN,  OK,       OK,      OK],
    insert:                 [GRANT,   RLS,      RLS,     RLS,      RLS,     OK],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  OK],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  // The only table still granted to anon: RLS alone keeps anon out.
  municipalities: {
    select:                 [HIDDEN,  OK,       OK,      OK,       OK,      OK],
    insert:                 [RLS,     RLS,      RLS,     RLS,      RLS,     RLS],
    update:                 [HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
    delete:                 [HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  neighbourhoods: {
    select:                 [GRANT,   OK,       OK,      OK,       OK,      OK],
    insert:                 [GRANT,   RLS,      RLS,     RLS,      RLS,     RLS],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  OK],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  neighbourhood_rings: {
    select:                 [GRANT,   OK,       OK,      OK,       OK,      OK],
    insert:                 [GRANT,   RLS,      RLS,     RLS,      RLS,     RLS],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  profile_neighbourhoods: {
    select:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  OK],
    insert:                 [GRANT,   RLS,      RLS,     RLS,      RLS,     OK],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  OK],
  },
  observation_categories: {
    select:                 [GRANT,   OK,       OK,      OK,       OK,      OK],
    insert:                 [GRANT,   RLS,      RLS,     RLS,      RLS,     OK],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  OK],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  observations: {
    select:                 [GRANT,   HIDDEN,   HIDDEN,  OK,       OK,      OK],
    insert:                 [GRANT,   RLS,      OK,      OK,       OK,      OK],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  OK,       HIDDEN,  OK],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  shared_observations: {
    select:                 [GRANT,   HIDDEN,   OK,      HIDDEN,   HIDDEN,  HIDDEN],
    insert:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
    update:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
    delete:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
  },
  observation_events: {
    select:                 [GRANT,   HIDDEN,   HIDDEN,  OK,       OK,      OK],
    insert:                 [GRANT,   RLS,      OK,      OK,       OK,      OK],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  shared_observation_events: {
    select:                 [GRANT,   HIDDEN,   OK,      HIDDEN,   HIDDEN,  HIDDEN],
    insert:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
    update:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
    delete:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
  },
  garden_projects: {
    select:                 [GRANT,   HIDDEN,   HIDDEN,  OK,       OK,      OK],
    insert:                 [GRANT,   NO_CORP,  RLS,     OK,       OK,      OK],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   OK,      OK],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  // Tenants read only their own reactions: the target is another tenant's.
  garden_project_events: {
    select:                 [GRANT,   HIDDEN,   HIDDEN,  OK,       OK,      OK],
    insert:                 [GRANT,   RLS,      OK,      OK,       OK,      OK],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  accessibility_checks: {
    select:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   OK,      OK],
    insert:                 [GRANT,   NO_CORP,  RLS,     OK,       OK,      OK],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   OK,      OK],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  neighbourhood_grades: {
    select:                 [GRANT,   HIDDEN,   HIDDEN,  OK,       HIDDEN,  OK],
    insert:                 [GRANT,   RLS,      OK,      RLS,      RLS,     RLS],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  walks: {
    select:                 [GRANT,   HIDDEN,   HIDDEN,  OK,       OK,      OK],
    insert:                 [GRANT,   RLS,      RLS,     OK,       OK,      OK],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   OK,      OK],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  walk_participants: {
    select:                 [GRANT,   HIDDEN,   HIDDEN,  OK,       OK,      OK],
    insert:                 [GRANT,   RLS,      RLS,     OK,       OK,      OK],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  OK],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  targets: {
    select:                 [GRANT,   HIDDEN,   OK,      OK,       OK,      OK],
    insert:                 [GRANT,   RLS,      RLS,     RLS,      RLS,     OK],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  OK],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  attachments: {
    select:                 [GRANT,   HIDDEN,   HIDDEN,  OK,       OK,      OK],
    insert:                 [GRANT,   RLS,      OK,      OK,       OK,      OK],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   OK,      HIDDEN],
    delete:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  HIDDEN],
  },
  audit_log: {
    select:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  OK],
    insert:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
    update:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
    delete:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
  },
  // One row per municipality; only its municipality reads and changes the period.
  retention_policies: {
    select:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  OK],
    insert:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
    update:                 [GRANT,   HIDDEN,   HIDDEN,  HIDDEN,   HIDDEN,  OK],
    delete:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
  },
  // The photo erasure queue is for the service role's job alone.
  photo_erasures: {
    select:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
    insert:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
    update:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
    delete:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
  },
  sync_mutations: {
    select:                 [GRANT,   HIDDEN,   OK,      HIDDEN,   HIDDEN,  HIDDEN],
    insert:                 [GRANT,   NO_USER,  OK,      OK,       OK,      OK],
    update:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
    delete:                 [GRANT,   GRANT,    GRANT,   GRANT,    GRANT,   GRANT],
  },
};

/** How to make a table's target row and a row for an actor to insert. */
interface TableSpec {
  target: string;
  inserted: string;
  /** The table behind a view, where writes would land. */
  base?: string;
  /** Primary key of a row (default: id). */
  keyOf?: (row: Row) => Row;
  /** Creates a fresh target row as superuser and returns it. */
  fixture: () => Promise<Row>;
  /** A valid row for this actor to insert (parents are created as superuser) and its key. */
  insert: (actor: Actor) => Promise<{ row: Row; key: Row }>;
  /** A harmless change for the update cells. */
  patch: () => Row;
}

const letters = (n: number) =>
  Array.from({ length: n }, () => String.fromCharCode(97 + randomInt(26))).join('');
const byId = (row: Row) => ({ row, key: { id: row.id } });
const found = async (table: string, key: Row) => {
  const row = await db.find(table, key);
  if (!row) throw new Error(`fixture ${table} ${JSON.stringify(key)} not found`);
  return row;
};

const orgRow = () => ({
  id: randomUUID(),
  name: `Testorganisatie ${letters(8)}`,
  kind: 'huurdersorganisatie',
});
const categoryRow = () => ({
  code: `positief.test_${letters(10)}`,
  parent_code: 'positief',
  theme: 'positief',
  name_nl: 'Testcategorie',
  name_en: 'Test category',
  positive: true,
});
const gardenRow = (place: Place) => ({
  id: randomUUID(),
  corporation_id: ORG.woonconcept,
  title: 'Testtuin',
  location: pointText(place),
});
const checkRow = (place: Place) => ({
  id: randomUUID(),
  corporation_id: ORG.woonconcept,
  address: 'Teststraat 1',
  location: pointText(place),
  living_room: 'ja',
  toilet: 'ja',
  bathroom: 'ja',
  bedroom: 'nee',
});
const walkRow = (place: Place) => ({
  id: randomUUID(),
  neighbourhood_code: place.buurt,
  title: 'Testschouw',
  planned_for: '2026-12-01',
});
const targetRow = () => ({
  id: randomUUID(),
  year: 2100,
  metric: 'trees_planted',
  target_value: 10,
  description: 'Testdoel',
});
const mutationRow = () => ({
  client_id: randomUUID(),
  mutation_id: randomUUID(),
  status: 'rejected',
  table_name: 'observations',
  error_code: 'test',
  error_message: 'Test',
});
const mutationKey = (r: Row) => ({ client_id: r.client_id, mutation_id: r.mutation_id });

/** Grades are unique per person, buurt, year, quarter and theme: hand out unused slots. */
let gradeSlot = 0;
function nextGradeSlot(): Row {
  const k = gradeSlot++;
  const themes = ['schoon', 'heel', 'veilig', 'groen', 'samen'];
  return { year: 2090 + Math.floor(k / 20), quarter: 1 + (k % 4), theme: themes[(k >> 2) % 5] };
}

const gemeenteObservation = (place: Place = PLACE.centrum) =>
  db.insert('observations', observationRow({ place, by: USER.gemeente, org: ORG.gemeente }));

/** The municipality's comment on a non-sensitive observation in Centrum. */
async function gemeenteComment(): Promise<Row> {
  const obs = await gemeenteObservation();
  return db.insert('observation_events', {
    id: randomUUID(),
    observation_id: obs.id,
    kind: 'comment',
    body: 'Wordt opgepakt',
    created_by: USER.gemeente,
    author_role: 'gemeente',
  });
}

const TABLES: Record<string, TableSpec> = {
  organisations: {
    target: 'an organisation of Hoogeveen',
    inserted: 'a tenant organisation',
    fixture: () => db.insert('organisations', orgRow()),
    insert: async () => byId(orgRow()),
    patch: () => ({ name: `Hernoemd ${letters(8)}` }),
  },
  profiles: {
    target: "another tenant's profile (Cascade)",
    inserted: 'a profile for an existing auth user',
    fixture: async () =>
      found('profiles', { id: await db.user({ role: 'huurder', organisationId: ORG.cascade }) }),
    insert: async () =>
      byId({ id: await db.user(), organisation_id: ORG.cascade, role: 'huurder' }),
    patch: () => ({ display_name: 'Nieuwe naam' }),
  },
  municipalities: {
    target: 'Hoogeveen (GM0118)',
    inserted: 'another municipality',
    keyOf: (r) => ({ code: r.code }),
    fixture: () => found('municipalities', { code: 'GM0118' }),
    insert: async () => {
      const code = `GM9${String(randomInt(1000)).padStart(3, '0')}`;
      return { row: { code, name: 'Testgemeente' }, key: { code } };
    },
    patch: () => ({ name: 'Hoogeveen' }),
  },
  neighbourhoods: {
    target: 'the buurt Verspreide huizen Nijstad (its name set to itself)',
    inserted: 'a new buurt',
    keyOf: (r) => ({ code: r.code }),
    fixture: () => found('neighbourhoods', { code: 'BU01186206' }),
    insert: async () => {
      const code = `BU011899${String(randomInt(100)).padStart(2, '0')}`;
      const row = {
        code,
        kind: 'buurt',
        name: 'Testbuurt',
        wijk_code: 'WK011862',
        municipality_code: 'GM0118',
        label: '(6.47,52.7)',
        bbox: '((6.48,52.71),(6.46,52.69))',
      };
      return { row, key: { code } };
    },
    patch: () => ({ name: 'Verspreide huizen Nijstad' }),
  },
  neighbourhood_rings: {
    target: 'the outline of BU01186206',
    inserted: 'an extra ring',
    keyOf: (r) => ({ neighbourhood_code: r.neighbourhood_code, ring_no: r.ring_no }),
    fixture: () => found('neighbourhood_rings', { neighbourhood_code: 'BU01186206', ring_no: 0 }),
    insert: async () => {
      const key = { neighbourhood_code: 'BU01186206', ring_no: 100 + randomInt(100_000) };
      return {
        row: { ...key, is_hole: false, ring: '((6.42,52.71),(6.43,52.71),(6.43,52.72))' },
        key,
      };
    },
    patch: () => ({ is_hole: false }),
  },
  profile_neighbourhoods: {
    target: "another tenant's buurt (Centrum)",
    inserted: 'Centrum for a new tenant',
    keyOf: (r) => ({ profile_id: r.profile_id, neighbourhood_code: r.neighbourhood_code }),
    fixture: async () => {
      const id = await db.user({
        role: 'huurder',
        organisationId: ORG.shdh,
        neighbourhoods: [PLACE.centrum.buurt],
      });
      return found('profile_neighbourhoods', {
        profile_id: id,
        neighbourhood_code: PLACE.centrum.buurt,
      });
    },
    insert: async () => {
      const profile_id = await db.user({ role: 'huurder', organisationId: ORG.shdh });
      const key = { profile_id, neighbourhood_code: PLACE.centrum.buurt };
      return { row: key, key };
    },
    patch: () => ({ neighbourhood_code: PLACE.krakeel.buurt }),
  },
  observation_categories: {
    target: 'a category under "positief"',
    inserted: 'a category under "positief"',
    keyOf: (r) => ({ code: r.code }),
    fixture: () => db.insert('observation_categories', categoryRow()),
    insert: async () => {
      const row = categoryRow();
      return { row, key: { code: row.code } };
    },
    patch: () => ({ name_en: 'Changed' }),
  },
  observations: {
    target: 'a non-sensitive observation in Centrum, reported by the municipality',
    inserted: 'a non-sensitive observation in Centrum',
    fixture: () => gemeenteObservation(),
    insert: async () => byId(observationRow({ place: PLACE.centrum })),
    patch: () => ({ severity: 4 }),
  },
  shared_observations: {
    target: 'a non-sensitive observation in Centrum, reported by the municipality',
    // Without location: the view's rounded point is no column of the table, and Postgres would
    // refuse that before it looks at privileges.
    inserted: 'an observation (without location)',
    base: 'observations',
    fixture: () => gemeenteObservation(),
    insert: async () =>
      byId({ id: randomUUID(), category_code: 'schoon.zwerfafval', description: 'Via de view' }),
    patch: () => ({ severity: 4 }),
  },
  observation_events: {
    target: "the municipality's comment on a non-sensitive observation in Centrum",
    inserted: 'a comment on it (the tenant: feedback with a thumb)',
    fixture: gemeenteComment,
    insert: async (actor) => {
      const obs = await gemeenteObservation();
      const what =
        actor.name === 'huurder'
          ? { kind: 'feedback', thumb: 1, body: 'Dank!' }
          : { kind: 'comment', body: 'Reactie' };
      return byId({ id: randomUUID(), observation_id: obs.id, ...what });
    },
    patch: () => ({ body: 'Gewijzigd' }),
  },
  shared_observation_events: {
    target: "the municipality's comment on a non-sensitive observation in Centrum",
    inserted: 'a comment on it',
    base: 'observation_events',
    fixture: gemeenteComment,
    insert: async () => {
      const obs = await gemeenteObservation();
      return byId({
        id: randomUUID(),
        observation_id: obs.id,
        kind: 'comment',
        body: 'Via de view',
      });
    },
    patch: () => ({ body: 'Gewijzigd' }),
  },
  garden_projects: {
    target: 'a Woonconcept garden project in Pesse',
    inserted: 'a Woonconcept garden project in Centrum',
    fixture: () =>
      db.insert('garden_projects', { ...gardenRow(PLACE.pesse), created_by: USER.woonconcept }),
    insert: async () => byId(gardenRow(PLACE.centrum)),
    patch: () => ({ households: 7 }),
  },
  garden_project_events: {
    target: "another wijk 50 tenant's feedback on a Woonconcept garden project in Centrum",
    inserted: 'a comment on such a project (the tenant: feedback with a thumb)',
    fixture: async () => {
      const garden = await db.insert('garden_projects', {
        ...gardenRow(PLACE.centrum),
        created_by: USER.woonconcept,
      });
      const other = await db.user({
        role: 'huurder',
        organisationId: ORG.shdh,
        neighbourhoods: ['WK011850'],
      });
      return db.insert('garden_project_events', {
        id: randomUUID(),
        garden_project_id: garden.id,
        kind: 'feedback',
        thumb: 1,
        rating: 4,
        body: 'Mooi!',
        created_by: other,
        author_role: 'huurder',
        organisation_id: ORG.shdh,
      });
    },
    insert: async (actor) => {
      const garden = await db.insert('garden_projects', {
        ...gardenRow(PLACE.centrum),
        created_by: USER.woonconcept,
      });
      const what =
        actor.name === 'huurder'
          ? { kind: 'feedback', thumb: 1, body: 'Dank!' }
          : { kind: 'comment', body: 'Reactie' };
      return byId({ id: randomUUID(), garden_project_id: garden.id, ...what });
    },
    patch: () => ({ body: 'Gewijzigd' }),
  },
  accessibility_checks: {
    target: 'a Woonconcept accessibility check in Pesse',
    inserted: 'a Woonconcept accessibility check in Centrum',
    fixture: () =>
      db.insert('accessibility_checks', { ...checkRow(PLACE.pesse), created_by: USER.woonconcept }),
    insert: async () => byId(checkRow(PLACE.centrum)),
    patch: () => ({ scooter_storage: 'nodig' }),
  },
  neighbourhood_grades: {
    target: "another tenant's grade for Centrum",
    inserted: 'a grade for Centrum',
    fixture: async () => {
      const other = await db.user({
        role: 'huurder',
        organisationId: ORG.shdh,
        neighbourhoods: ['WK011850'],
      });
      return db.insert('neighbourhood_grades', {
        id: randomUUID(),
        neighbourhood_code: PLACE.centrum.buurt,
        ...nextGradeSlot(),
        grade: 6,
        created_by: other,
        organisation_id: ORG.shdh,
      });
    },
    insert: async () =>
      byId({
        id: randomUUID(),
        neighbourhood_code: PLACE.centrum.buurt,
        ...nextGradeSlot(),
        grade: 7,
      }),
    patch: () => ({ grade: 8 }),
  },
  walks: {
    target: 'a walk in Pesse planned by Woonconcept',
    inserted: 'a walk in Centrum',
    fixture: () => db.insert('walks', { ...walkRow(PLACE.pesse), created_by: USER.woonconcept }),
    insert: async () => byId(walkRow(PLACE.centrum)),
    patch: () => ({ notes: 'Bijgewerkt' }),
  },
  walk_participants: {
    target: "SHDH's place on a walk in Pesse planned by Woonconcept",
    inserted: 'Cascade on a walk in Centrum',
    fixture: async () => {
      const walk = await db.insert('walks', {
        ...walkRow(PLACE.pesse),
        created_by: USER.woonconcept,
      });
      return db.insert('walk_participants', {
        id: randomUUID(),
        walk_id: walk.id,
        organisation_id: ORG.shdh,
        people: 2,
      });
    },
    insert: async () => {
      const walk = await db.insert('walks', {
        ...walkRow(PLACE.centrum),
        created_by: USER.smederij,
      });
      return byId({ id: randomUUID(), walk_id: walk.id, organisation_id: ORG.cascade, people: 1 });
    },
    patch: () => ({ people: 3 }),
  },
  targets: {
    target: 'a municipality-wide target',
    inserted: 'a municipality-wide target',
    fixture: () => db.insert('targets', targetRow()),
    insert: async () => byId(targetRow()),
    patch: () => ({ target_value: 12 }),
  },
  attachments: {
    target: 'a photo by Woonconcept on its own non-sensitive observation in Centrum',
    inserted: "a photo on the actor's own observation in Centrum",
    fixture: async () => {
      const obs = await db.insert(
        'observations',
        observationRow({ place: PLACE.centrum, by: USER.woonconcept, org: ORG.woonconcept }),
      );
      return db.insert('attachments', photoRow(ORG.woonconcept, String(obs.id), USER.woonconcept));
    },
    insert: async (actor) => {
      // The stranger has no organisation and no observations: it tries the municipality's.
      const by = actor.name === 'stranger' || !actor.userId ? USER.gemeente : actor.userId;
      const org = actor.organisationId ?? ORG.gemeente;
      const obs = await db.insert(
        'observations',
        observationRow({ place: PLACE.centrum, by, org }),
      );
      const row = photoRow(org, String(obs.id));
      return byId(row);
    },
    patch: () => ({ width: 800 }),
  },
  audit_log: {
    target: 'the audit entry of a new target',
    inserted: 'a forged audit entry',
    fixture: async () => {
      const target = await db.insert('targets', targetRow());
      const [entry] = await db.query<{ row: Row }>(
        'select to_jsonb(a.*) as row from public.audit_log a where a.record_id = $1',
        [target.id],
      );
      if (!entry) throw new Error('writing a target left no audit entry');
      return entry.row;
    },
    insert: async () => {
      const row = { table_name: 'observations', record_id: randomUUID(), operation: 'insert' };
      return { row, key: { record_id: row.record_id } };
    },
    patch: () => ({ actor_role: 'gemeente' }),
  },
  retention_policies: {
    target: "Hoogeveen's retention period",
    inserted: 'a period for another municipality',
    keyOf: (row) => ({ municipality_code: row.municipality_code }),
    fixture: async () => {
      const row = await db.find('retention_policies', { municipality_code: 'GM0118' });
      if (!row) throw new Error('Hoogeveen has no retention policy');
      return row;
    },
    insert: async () => {
      const row = { municipality_code: 'GM9999', sensitive_after: '2 years' };
      return { row, key: { municipality_code: row.municipality_code } };
    },
    // The period it already has: other tests rely on it.
    patch: () => ({ sensitive_after: '1 year' }),
  },
  photo_erasures: {
    target: 'a queued photo file',
    inserted: 'a queued photo file',
    keyOf: (row) => ({ storage_path: row.storage_path }),
    fixture: () =>
      db.insert('photo_erasures', { storage_path: `${randomUUID()}.jpg`, reason: 'retention' }),
    insert: async () => {
      const row = { storage_path: `${randomUUID()}.jpg`, reason: 'retention' };
      return { row, key: { storage_path: row.storage_path } };
    },
    patch: () => ({ erased_at: new Date().toISOString() }),
  },
  sync_mutations: {
    target: "the outcome of one of the tenant's mutations",
    inserted: "a mutation outcome of the actor's own",
    keyOf: mutationKey,
    fixture: () => db.insert('sync_mutations', { ...mutationRow(), user_id: USER.huurder }),
    insert: async () => {
      const row = mutationRow();
      return { row, key: mutationKey(row) };
    },
    patch: () => ({ status: 'applied' }),
  },
};

function photoRow(org: string, recordId: string, by?: string): Row {
  const id = randomUUID();
  return {
    id,
    record_table: 'observations',
    record_id: recordId,
    organisation_id: org,
    storage_path: `${org}/${recordId}/${id}.jpg`,
    mime_type: 'image/jpeg',
    bytes: 12345,
    ...(by ? { created_by: by } : {}),
  };
}

const query = (key: Row) =>
  Object.entries(key)
    .map(([k, v]) => `${k}=eq.${encodeURIComponent(String(v))}`)
    .join('&');
const rowsOf = (res: ApiResponse) => res.body as Row[];

/** The exact denial of a cell: HTTP status, SQLSTATE and message. */
function expectDenied(res: ApiResponse, actor: ActorName, outcome: Outcome, table: string) {
  const err = errorOf(res);
  if (outcome === NO_CORP) {
    expect(res.status).toBe(400);
    expect(err).toMatchObject({
      code: '23514',
      hint: 'corporation_required',
      message: expect.stringMatching(/^Kies de woningcorporatie van (dit project|deze woning)\.$/),
    });
    return;
  }
  if (outcome === NO_USER) {
    expect(res.status).toBe(409);
    expect(err).toMatchObject({
      code: '23503',
      message: `insert or update on table "${table}" violates foreign key constraint "${table}_user_id_fkey"`,
    });
    return;
  }
  expect(res.status).toBe(deniedStatus(actor));
  const kind = TABLES[table]?.base ? 'view' : 'table';
  const message =
    outcome === RLS
      ? `new row violates row-level security policy for table "${table}"`
      : `permission denied for ${kind} ${table}`;
  expect(err).toMatchObject({ code: '42501', message });
}

async function checkCell(table: string, op: Op, actor: Actor, outcome: Outcome) {
  const spec = TABLES[table];
  if (!spec) throw new Error(`no spec for ${table}`);
  const base = spec.base ?? table;
  const keyOf = spec.keyOf ?? ((r: Row) => ({ id: r.id }));

  if (op === 'insert') {
    const { row, key } = await spec.insert(actor);
    const res = await api.request(actor.name, 'POST', table, {
      body: row,
      prefer: 'return=minimal',
    });
    if (outcome === OK) {
      expect(res, JSON.stringify(res.body)).toMatchObject({ status: 201, body: null });
      expect(await db.find(base, key)).toMatchObject(key);
    } else {
      expectDenied(res, actor.name, outcome, table);
      expect(await db.find(base, key)).toBeNull();
    }
    return;
  }

  const target = await spec.fixture();
  const key = keyOf(target);
  const before = await db.find(base, key);
  const path = `${table}?${query(key)}`;
  const res =
    op === 'select'
      ? await api.request(actor.name, 'GET', path)
      : await api.request(actor.name, op === 'update' ? 'PATCH' : 'DELETE', path, {
          prefer: 'return=representation',
          ...(op === 'update' ? { body: spec.patch() } : {}),
        });
  const after = await db.find(base, key);

  if (outcome === GRANT || outcome === RLS) {
    expectDenied(res, actor.name, outcome, table);
    expect(after).toEqual(before);
  } else if (outcome === HIDDEN) {
    expect(res, JSON.stringify(res.body)).toMatchObject({ status: 200, body: [] });
    expect(after).toEqual(before);
  } else {
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(rowsOf(res)).toHaveLength(1);
    expect(rowsOf(res)[0]).toMatchObject(key);
    if (op === 'delete') expect(after).toBeNull();
    if (op === 'update') {
      const changed = await db.find(base, keyOf(rowsOf(res)[0] ?? {}));
      expect(changed).toMatchObject(rowsOf(res)[0] ?? {});
      if (before && 'version' in before) expect(changed?.version).toBe(Number(before.version) + 1);
    }
    if (op === 'select') expect(after).toEqual(before);
  }
}

describe('RLS matrix: actor × table × operation', () => {
  for (const [table, ops] of Object.entries(MATRIX)) {
    const spec = TABLES[table];
    describe(`${table} (target: ${spec?.target}; insert: ${spec?.inserted})`, () => {
      for (const op of ['select', 'insert', 'update', 'delete'] as const) {
        ACTOR_NAMES.forEach((name, i) => {
          const outcome = ops[op][i] as Outcome;
          it(`${name} ${op}: ${outcome}`, () => checkCell(table, op, ACTORS[name], outcome));
        });
      }
    });
  }

  it('covers every table and view of the public schema', async () => {
    const rows = await db.query<{ relname: string }>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm') order by 1`,
    );
    expect(Object.keys(MATRIX).sort()).toEqual(rows.map((r) => r.relname));
  });
});

type TenantSees = 'own' | 'shared' | 'none';
interface VisibilityCase {
  label: string;
  /** The observation; `neighbour` is another tenant of wijk 50. */
  row: (neighbour: string) => Row;
  /** own: in full from observations; shared: only redacted through shared_observations. */
  huurder: TenantSees;
  smederij: boolean;
  corporatie: boolean;
  gemeente: boolean;
}

/** Stands for another tenant of wijk 50 (created before the observations). */
const NEIGHBOUR = 'neighbour';
const obs =
  (category: string, place: Place, by: string, org: string, assigned?: string) =>
  (neighbour: string) =>
    observationRow({
      place,
      category,
      by: by === NEIGHBOUR ? neighbour : by,
      org,
      ...(assigned ? { assigned } : {}),
    });
const WOONOVERLAST = 'sociaal.woonoverlast';
const ZORGSIGNAAL = 'sociaal.zorgsignaal';
const ZWERFAFVAL = 'schoon.zwerfafval';

/** Who sees which observation, its history (events) and its photos. */
// prettier-ignore
const WHO_SEES: VisibilityCase[] = [
  { label: 'non-sensitive, Centrum, by the municipality',    row: obs(ZWERFAFVAL, PLACE.centrum, USER.gemeente, ORG.gemeente),                 huurder: 'shared', smederij: true,  corporatie: true,  gemeente: true },
  { label: 'non-sensitive, Centrum, by another tenant',      row: obs(ZWERFAFVAL, PLACE.centrum, NEIGHBOUR, ORG.shdh),                           huurder: 'shared', smederij: true,  corporatie: true,  gemeente: true },
  { label: 'non-sensitive, Krakeel, by the tenant themself', row: obs(ZWERFAFVAL, PLACE.krakeel, USER.huurder, ORG.shdh),                      huurder: 'own',    smederij: true,  corporatie: true,  gemeente: true },
  { label: 'non-sensitive, Pesse, by the municipality',      row: obs(ZWERFAFVAL, PLACE.pesse, USER.gemeente, ORG.gemeente),                   huurder: 'none',   smederij: true,  corporatie: true,  gemeente: true },
  { label: 'woonoverlast, Centrum, by the municipality',     row: obs(WOONOVERLAST, PLACE.centrum, USER.gemeente, ORG.gemeente),               huurder: 'none',   smederij: true,  corporatie: false, gemeente: true },
  { label: 'zorgsignaal, Kinholt (De Weide), by the municipality', row: obs(ZORGSIGNAAL, PLACE.kinholt, USER.gemeente, ORG.gemeente),          huurder: 'none',   smederij: true,  corporatie: false, gemeente: true },
  { label: 'zorgsignaal, Pesse, by the municipality',        row: obs(ZORGSIGNAAL, PLACE.pesse, USER.gemeente, ORG.gemeente),                  huurder: 'none',   smederij: false, corporatie: false, gemeente: true },
  { label: 'zorgsignaal, Pesse, by the Smederijen',          row: obs(ZORGSIGNAAL, PLACE.pesse, USER.smederij, ORG.smederijen),                huurder: 'none',   smederij: true,  corporatie: false, gemeente: true },
  { label: 'woonoverlast, Pesse, by Woonconcept',            row: obs(WOONOVERLAST, PLACE.pesse, USER.woonconcept, ORG.woonconcept),           huurder: 'none',   smederij: false, corporatie: true,  gemeente: true },
  { label: 'woonoverlast, Pesse, assigned to Woonconcept',   row: obs(WOONOVERLAST, PLACE.pesse, USER.gemeente, ORG.gemeente, ORG.woonconcept), huurder: 'none',   smederij: false, corporatie: true,  gemeente: true },
  { label: 'woonoverlast, Centrum, assigned to Domesta',     row: obs(WOONOVERLAST, PLACE.centrum, USER.gemeente, ORG.gemeente, ORG.domesta),  huurder: 'none',   smederij: true,  corporatie: false, gemeente: true },
];

const count = async (who: ActorName, path: string) => {
  const res = await api.request(who, 'GET', path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return rowsOf(res).length;
};

describe('privacy: who sees which observation, its history and its photos', () => {
  const ids = new Map<VisibilityCase, string>();
  beforeAll(async () => {
    const neighbour = await db.user({
      role: 'huurder',
      organisationId: ORG.shdh,
      neighbourhoods: ['WK011850'],
    });
    for (const c of WHO_SEES) {
      const o = await db.insert('observations', c.row(neighbour));
      ids.set(c, String(o.id));
      await db.insert('observation_events', {
        id: randomUUID(),
        observation_id: o.id,
        kind: 'comment',
        body: 'Besproken in het buurtteam',
        created_by: USER.smederij,
        author_role: 'smederij',
      });
      const org = String(o.reporter_organisation_id);
      await db.insert('attachments', photoRow(org, String(o.id), String(o.created_by)));
    }
  });

  for (const c of WHO_SEES) {
    for (const who of ['huurder', 'smederij', 'corporatie', 'gemeente'] as const) {
      const full = who === 'huurder' ? c.huurder === 'own' : c[who];
      const any = who === 'huurder' ? c.huurder !== 'none' : c[who];
      const what = full ? 'in full' : any ? 'redacted only' : 'not at all';
      it(`${c.label}: ${who} sees it ${what}`, async () => {
        const id = ids.get(c) ?? '';
        expect(await count(who, `observations?id=eq.${id}`)).toBe(full ? 1 : 0);
        expect(await count(who, `attachments?record_id=eq.${id}`)).toBe(full ? 1 : 0);
        expect(await count(who, `observation_events?observation_id=eq.${id}`)).toBe(full ? 1 : 0);
        if (who === 'huurder') {
          const shared = c.huurder === 'shared' ? 1 : 0;
          expect(await count(who, `shared_observations?id=eq.${id}`)).toBe(shared);
          // the history of a shared report, without its authors
          expect(await count(who, `shared_observation_events?observation_id=eq.${id}`)).toBe(
            shared,
          );
        }
      });
    }
  }
});

describe('as a tenant', () => {
  const me = ACTORS.huurder;

  it('sees the exact location of their own report', async () => {
    const mine = await db.insert(
      'observations',
      observationRow({
        place: { lon: 6.5109412, lat: 52.7240734, buurt: '' },
        by: USER.huurder,
        org: ORG.shdh,
      }),
    );
    const res = await api.request(
      'huurder',
      'GET',
      `observations?id=eq.${mine.id}&select=location`,
    );
    expect(res).toMatchObject({ status: 200, body: [{ location: '(6.5109412,52.7240734)' }] });
  });

  it("sees others' reports only through shared_observations, rounded to about 100 m", async () => {
    const theirs = await db.insert(
      'observations',
      observationRow({
        place: { lon: 6.4791234, lat: 52.7246789, buurt: '' },
        by: USER.gemeente,
        org: ORG.gemeente,
      }),
    );
    expect(await count('huurder', `observations?id=eq.${theirs.id}`)).toBe(0);
    const res = await api.request('huurder', 'GET', `shared_observations?id=eq.${theirs.id}`);
    expect(res.status).toBe(200);
    const [row] = rowsOf(res);
    expect(row?.location).toBe('(6.479,52.725)');
    // Nothing that says who reported, who handles it, or exactly where.
    for (const column of [
      'created_by',
      'reporter_organisation_id',
      'assigned_organisation_id',
      'accuracy_m',
      'walk_id',
      'close_reason',
      'sensitive',
    ]) {
      expect(row).not.toHaveProperty(column);
    }
    const asked = await api.request(
      'huurder',
      'GET',
      `shared_observations?id=eq.${theirs.id}&select=created_by`,
    );
    expect(asked.status).toBe(400);
    expect(errorOf(asked)).toMatchObject({
      code: '42703',
      message: 'column shared_observations.created_by does not exist',
    });
  });

  it('gets only their own rows from observations, and no sensitive observation from anywhere', async () => {
    const own = await api.request('huurder', 'GET', 'observations?select=id,created_by');
    expect(own.status).toBe(200);
    expect(rowsOf(own).filter((r) => r.created_by !== me.userId)).toEqual([]);
    const [ownInDb] = await db.query<{ n: number }>(
      'select count(*)::int as n from public.observations where created_by = $1',
      [me.userId],
    );
    expect(rowsOf(own)).toHaveLength(ownInDb?.n ?? -1);

    const shared = await api.request('huurder', 'GET', 'shared_observations?select=id');
    const events = await api.request('huurder', 'GET', 'observation_events?select=observation_id');
    expect(rowsOf(shared).length).toBeGreaterThan(0);
    expect(rowsOf(events).length).toBeGreaterThan(0);
    const leaks = await db.query(
      `select o.id, o.category_code, o.neighbourhood_code from public.observations o
       where (o.id = any ($1::uuid[]) and (o.sensitive or o.created_by = $3
                or o.neighbourhood_code not like 'BU011850%'))
          or (o.id = any ($2::uuid[]) and o.sensitive and o.created_by is distinct from $3)`,
      [rowsOf(shared).map((r) => r.id), rowsOf(events).map((r) => r.observation_id), me.userId],
    );
    expect(leaks).toEqual([]);
  });

  // DESIGN.md: tenants never see who reported; the policy's own comment: "tenants see feedback
  // and comments on observations shared with them, but never the author".
  it("never learns who wrote the comments and feedback on others' reports", async () => {
    const theirs = await gemeenteObservation();
    const neighbour = await db.user({
      role: 'huurder',
      organisationId: ORG.shdh,
      neighbourhoods: ['WK011850'],
    });
    await db.insert('observation_events', {
      id: randomUUID(),
      observation_id: theirs.id,
      kind: 'feedback',
      thumb: 1,
      created_by: neighbour,
      author_role: 'huurder',
    });
    await db.insert('observation_events', {
      id: randomUUID(),
      observation_id: theirs.id,
      kind: 'comment',
      body: 'Wordt opgepakt',
      created_by: USER.smederij,
      author_role: 'smederij',
    });
    const res = await api.request(
      'huurder',
      'GET',
      `observation_events?observation_id=eq.${theirs.id}`,
    );
    expect(res.status).toBe(200);
    const authors = rowsOf(res)
      .map((r) => r.created_by)
      .filter((a) => a != null);
    expect(authors).toEqual([]);
  });

  it('cannot report an observation in a sensitive category', async () => {
    const row = observationRow({ place: PLACE.centrum, category: WOONOVERLAST });
    const res = await api.request('huurder', 'POST', 'observations', { body: row });
    expect(res.status).toBe(403);
    expect(errorOf(res)).toMatchObject({
      code: '42501',
      message: 'new row violates row-level security policy for table "observations"',
    });
    expect(await db.find('observations', { id: row.id })).toBeNull();
  });

  it('gives feedback, but cannot comment, nor react to a sensitive observation', async () => {
    const shared = await gemeenteObservation();
    const sensitive = await db.insert(
      'observations',
      observationRow({
        place: PLACE.centrum,
        category: ZORGSIGNAAL,
        by: USER.smederij,
        org: ORG.smederijen,
      }),
    );
    const attempts = [
      { observation_id: shared.id, kind: 'comment', body: 'Mag ik dit zeggen?' },
      { observation_id: sensitive.id, kind: 'feedback', thumb: -1 },
    ];
    for (const attempt of attempts) {
      const row = { id: randomUUID(), ...attempt };
      const res = await api.request('huurder', 'POST', 'observation_events', { body: row });
      expect(res.status).toBe(403);
      expect(errorOf(res)).toMatchObject({
        code: '42501',
        message: 'new row violates row-level security policy for table "observation_events"',
      });
      expect(await db.find('observation_events', { id: row.id })).toBeNull();
    }
  });

  it('changes their own display name, but not their role or organisation', async () => {
    const id = await db.user({ role: 'huurder', organisationId: ORG.shdh });
    const self = { userId: id };
    const renamed = await api.request(self, 'PATCH', `profiles?id=eq.${id}`, {
      body: { display_name: 'Nieuwe naam' },
      prefer: 'return=representation',
    });
    expect(renamed).toMatchObject({ status: 200, body: [{ display_name: 'Nieuwe naam' }] });
    for (const body of [{ role: 'gemeente' }, { organisation_id: ORG.gemeente }]) {
      const res = await api.request(self, 'PATCH', `profiles?id=eq.${id}`, { body });
      expect(res.status).toBe(403);
      expect(errorOf(res)).toMatchObject({
        code: '42501',
        message: 'new row violates row-level security policy for table "profiles"',
      });
    }
    expect(await db.find('profiles', { id })).toMatchObject({
      role: 'huurder',
      organisation_id: ORG.shdh,
    });
  });

  it('sees and changes their own grades', async () => {
    const id = await db.user({
      role: 'huurder',
      organisationId: ORG.shdh,
      neighbourhoods: ['WK011850'],
    });
    const grade = await db.insert('neighbourhood_grades', {
      id: randomUUID(),
      neighbourhood_code: PLACE.krakeel.buurt,
      year: 2026,
      quarter: 4,
      theme: 'groen',
      grade: 5,
      created_by: id,
      organisation_id: ORG.shdh,
    });
    const path = `neighbourhood_grades?id=eq.${grade.id}`;
    expect(await api.request({ userId: id }, 'GET', path)).toMatchObject({
      status: 200,
      body: [{ grade: 5 }],
    });
    const res = await api.request({ userId: id }, 'PATCH', path, {
      body: { grade: 9 },
      prefer: 'return=representation',
    });
    expect(res).toMatchObject({ status: 200, body: [{ grade: 9 }] });
  });

  it('sees the garden projects of their own wijk', async () => {
    const garden = await db.insert('garden_projects', {
      ...gardenRow(PLACE.krakeel),
      created_by: USER.woonconcept,
    });
    expect(await count('huurder', `garden_projects?id=eq.${garden.id}`)).toBe(1);
  });

  it('gets no progress figures per sensitive category', async () => {
    const res = await api.rpc('huurder', 'neighbourhood_progress', {});
    expect(res.status).toBe(200);
    const sensitive = (
      await db.query<{ code: string }>(
        'select code from public.observation_categories where sensitive',
      )
    ).map((r) => r.code);
    const shown = rowsOf(res).flatMap((r) =>
      Object.keys((r.observations_per_category ?? {}) as Row)
        .filter((code) => sensitive.includes(code))
        .map((code) => `${String(r.code)}: ${code}`),
    );
    expect(shown).toEqual([]);
  });
});

describe('as the Smederijen team or a corporation', () => {
  const sensitiveIn = (place: Place, extra: Partial<Record<'assigned', string>> = {}) =>
    db.insert(
      'observations',
      observationRow({
        place,
        category: ZORGSIGNAAL,
        by: USER.gemeente,
        org: ORG.gemeente,
        ...extra,
      }),
    );
  const patch = (who: ActorName, id: unknown) =>
    api.request(who, 'PATCH', `observations?id=eq.${String(id)}`, {
      body: { status: 'in_behandeling' },
      prefer: 'return=representation',
    });

  it('the team handles sensitive observations in its wijken, not elsewhere', async () => {
    const here = await sensitiveIn(PLACE.kinholt);
    const elsewhere = await sensitiveIn(PLACE.pesse);
    expect(await patch('smederij', here.id)).toMatchObject({
      status: 200,
      body: [{ status: 'in_behandeling' }],
    });
    expect(await patch('smederij', elsewhere.id)).toMatchObject({ status: 200, body: [] });
    expect(await db.find('observations', { id: elsewhere.id })).toMatchObject({
      status: 'nieuw',
      version: 1,
    });
  });

  it('a corporation handles what is assigned to it, sensitive or not, and nothing else', async () => {
    const assigned = await sensitiveIn(PLACE.pesse, { assigned: ORG.woonconcept });
    const notAssigned = await gemeenteObservation(PLACE.pesse);
    expect(await patch('corporatie', assigned.id)).toMatchObject({
      status: 200,
      body: [{ status: 'in_behandeling' }],
    });
    expect(await patch('corporatie', notAssigned.id)).toMatchObject({ status: 200, body: [] });
    expect(await db.find('observations', { id: notAssigned.id })).toMatchObject({
      status: 'nieuw',
      version: 1,
    });
  });
});

describe('history is never rewritten', () => {
  it('nobody changes or deletes the audit log, not even the service role', async () => {
    const entry = await TABLES.audit_log?.fixture();
    const path = `audit_log?id=eq.${String(entry?.id)}`;
    for (const res of [
      await api.request('service_role', 'PATCH', path, { body: { actor_role: 'gemeente' } }),
      await api.request('service_role', 'DELETE', path),
    ]) {
      expect(res.status).toBe(403);
      expect(errorOf(res)).toEqual({
        code: '42501',
        details: null,
        hint: 'audit_immutable',
        message: 'Het auditlogboek kan niet worden gewijzigd of verwijderd.',
      });
    }
    expect(await db.find('audit_log', { id: entry?.id })).toEqual(entry);
  });

  it('synced rows are never hard-deleted, not even by the service role (tombstones instead)', async () => {
    const synced = await db.query<{ table: string }>(
      `select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
       join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and t.tgname = 'forbid_delete' order by 1`,
    );
    expect(synced.map((r) => r.table)).toEqual([
      'accessibility_checks',
      'attachments',
      'garden_project_events',
      'garden_projects',
      'neighbourhood_grades',
      'neighbourhoods',
      'observation_categories',
      'observation_events',
      'observations',
      'organisations',
      'profiles',
      'targets',
      'walk_participants',
      'walks',
    ]);
    for (const { table } of synced) {
      const spec = TABLES[table];
      if (!spec) throw new Error(`no spec for ${table}`);
      const target = await spec.fixture();
      const key = (spec.keyOf ?? ((r: Row) => ({ id: r.id })))(target);
      const res = await api.request('service_role', 'DELETE', `${table}?${query(key)}`);
      expect(res.status, table).toBe(403);
      expect(errorOf(res), table).toMatchObject({
        code: '42501',
        hint: 'no_hard_delete',
        message: 'Records worden niet verwijderd: zet deleted_at om een record te verwijderen.',
      });
      expect(await db.find(table, key), table).toEqual(target);
    }
  });
});

/**
 * DESIGN.md ("Scale"): one deployment serves many municipalities and RLS separates them. The
 * coordinator of another town is a fresh user per test, so no test sees another's writes.
 */
describe("as another municipality's coordinator", () => {
  let elsewhereOrg = '';
  beforeAll(async () => {
    const code = `GM8${String(randomInt(1000)).padStart(3, '0')}`;
    await db.query('insert into public.municipalities (code, name) values ($1, $2)', [
      code,
      'Elders',
    ]);
    const org = await db.insert('organisations', {
      id: randomUUID(),
      municipality_code: code,
      name: 'Gemeente Elders',
      kind: 'gemeente',
    });
    elsewhereOrg = String(org.id);
  });
  const coordinator = async () => ({
    userId: await db.user({ role: 'gemeente', organisationId: elsewhereOrg }),
  });

  it("sees none of Hoogeveen's observations", async () => {
    const theirs = await gemeenteObservation();
    const res = await api.request(await coordinator(), 'GET', `observations?id=eq.${theirs.id}`);
    expect(res).toMatchObject({ status: 200, body: [] });
  });

  it("reads none of Hoogeveen's audit log", async () => {
    const theirs = await gemeenteObservation();
    const res = await api.request(
      await coordinator(),
      'GET',
      `audit_log?record_id=eq.${theirs.id}`,
    );
    expect(res).toMatchObject({ status: 200, body: [] });
  });

  it('does not see who works where in Hoogeveen', async () => {
    const res = await api.request(
      await coordinator(),
      'GET',
      `profile_neighbourhoods?profile_id=eq.${USER.smederij}`,
    );
    expect(res).toMatchObject({ status: 200, body: [] });
  });

  it("cannot give Hoogeveen's people neighbourhoods", async () => {
    const tenant = await db.user({ role: 'huurder', organisationId: ORG.shdh });
    const key = { profile_id: tenant, neighbourhood_code: PLACE.pesse.buurt };
    const res = await api.request(await coordinator(), 'POST', 'profile_neighbourhoods', {
      body: key,
    });
    expect(res.status).toBe(403);
    expect(errorOf(res)).toMatchObject({
      code: '42501',
      message: 'new row violates row-level security policy for table "profile_neighbourhoods"',
    });
    expect(await db.find('profile_neighbourhoods', key)).toBeNull();
  });

  it('cannot add people to an organisation of Hoogeveen', async () => {
    const id = await db.user();
    const res = await api.request(await coordinator(), 'POST', 'profiles', {
      body: { id, organisation_id: ORG.gemeente, role: 'gemeente' },
    });
    expect(res.status).toBe(403);
    expect(errorOf(res)).toMatchObject({
      code: '42501',
      message: 'new row violates row-level security policy for table "profiles"',
    });
    expect(await db.find('profiles', { id })).toBeNull();
  });

  it('cannot move itself into an organisation of Hoogeveen', async () => {
    const me = await coordinator();
    const res = await api.request(me, 'PATCH', `profiles?id=eq.${me.userId}`, {
      body: { organisation_id: ORG.gemeente },
    });
    expect(res.status).toBe(403);
    expect(errorOf(res)).toMatchObject({
      code: '42501',
      message: 'new row violates row-level security policy for table "profiles"',
    });
    expect(await db.find('profiles', { id: me.userId })).toMatchObject({
      organisation_id: elsewhereOrg,
    });
  });
});

describe('schema-wide guarantees', () => {
  it('every table in public has row-level security enabled', async () => {
    const open = await db.query(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity`,
    );
    expect(open).toEqual([]);
  });

  it('the only views (they read past RLS as their owner) are the security-barrier shared_* views', async () => {
    const views = await db.query(
      `select c.relname, c.reloptions from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('v', 'm')`,
    );
    expect(views).toEqual([
      { relname: 'shared_observation_events', reloptions: ['security_barrier=true'] },
      { relname: 'shared_observations', reloptions: ['security_barrier=true'] },
    ]);
  });

  const executable = (role: string, schemas: string[]) =>
    db.query<{ fn: string }>(
      `select n.nspname || '.' || p.proname as fn from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = any ($2) and has_function_privilege($1, p.oid, 'execute') order by 1`,
      [role, schemas],
    );

  it('anon can execute no function of ours (allow-list: none)', async () => {
    expect(await executable('anon', ['public', 'private'])).toEqual([]);
    const res = await api.rpc('anon', 'buurt_at', {
      lon: PLACE.centrum.lon,
      lat: PLACE.centrum.lat,
    });
    expect(res.status).toBe(401);
    expect(errorOf(res)).toMatchObject({
      code: '42501',
      message: 'permission denied for function buurt_at',
    });
  });

  it('signed-in users can execute exactly the API functions in public', async () => {
    expect((await executable('authenticated', ['public'])).map((r) => r.fn)).toEqual([
      'public.accessibility_class',
      'public.buurt_at',
      'public.dsr_erase',
      'public.dsr_export',
      'public.neighbourhood_progress',
      'public.retention_months',
      'public.sync_fetch',
      'public.sync_pull',
      'public.sync_push',
    ]);
  });

  it('every security definer function pins its search_path', async () => {
    const loose = await db.query(
      `select n.nspname || '.' || p.proname as fn from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private') and p.prosecdef
         and not exists (select from unnest(p.proconfig) c where c like 'search_path=%')`,
    );
    expect(loose).toEqual([]);
  });
});
