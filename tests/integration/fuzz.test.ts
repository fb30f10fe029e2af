/**
 * Fuzzed input (issue 7, item 3): property tests (fast-check) that send random and hostile
 * payloads to every RPC the app calls (and the privacy RPCs) and to the tables it writes, as
 * every kind of user: wrong types, huge strings, unicode (lone surrogates, NUL, emoji), SQL and
 * HTML in text, out-of-range numbers, unknown categories, foreign ids and other users' ids.
 * Each case must give no server error (5xx), no partial write (checked as superuser: which rows
 * changed during the call), and every refusal a readable reason. The cases per RPC are counted
 * and printed.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  Api,
  Db,
  ORG,
  PLACE,
  USER,
  observationRow,
  pointText,
  type ApiResponse,
  type Row,
  type Who,
} from '../support/actors.ts';

const stack = inject('stack');
const api = new Api(stack);
const db = new Db(stack);

/** Cases tried per target, printed at the end. */
const counts = new Map<string, number>();
const count = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
/** Rows the fuzzer managed to write (valid by chance), removed again afterwards. */
const written = new Map<string, Set<string>>();
const remember = (table: string, id: string) =>
  (written.get(table) ?? written.set(table, new Set()).get(table)!).add(id);

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * RUNS)), seed: SEED });

/** Synced tables: their key, and the parent a server-made row hangs from. */
const SYNCED: Record<string, { key: string; parent?: string }> = {
  observations: { key: 'id' },
  observation_events: { key: 'id', parent: 'observation_id' },
  garden_projects: { key: 'id' },
  accessibility_checks: { key: 'id' },
  neighbourhood_grades: { key: 'id' },
  walks: { key: 'id' },
  walk_participants: { key: 'id', parent: 'walk_id' },
  targets: { key: 'id' },
  attachments: { key: 'id', parent: 'record_id' },
  profiles: { key: 'id' },
  organisations: { key: 'id' },
  neighbourhoods: { key: 'code' },
  observation_categories: { key: 'code' },
};

interface Mark {
  xmax: string;
  audit: number;
}

/** Where the database is now: the next transaction id, and the newest audit entry. */
async function mark(): Promise<Mark> {
  const [m] = await db.query<{ xmax: string; audit: number }>(
    `select pg_snapshot_xmax(pg_current_snapshot())::text as xmax,
       coalesce((select max(id) from public.audit_log), 0)::int as audit`,
  );
  return m!;
}

interface Change {
  table: string;
  id: string;
  parent: string | null;
}

/** Rows written since the mark (synced tables: by their transaction stamp). */
async function changesSince(m: Mark): Promise<{ rows: Change[]; audit: number }> {
  const rows = await db.query<Change & Row>(
    Object.entries(SYNCED)
      .map(
        ([t, { key, parent }]) =>
          `select '${t}' as table, ${key}::text as id, ${parent ? `${parent}::text` : 'null'} as parent
           from public.${t} where _txid >= $1::xid8`,
      )
      .join(' union all '),
    [m.xmax],
  );
  const [a] = await db.query<{ n: number }>(
    'select count(*)::int as n from public.audit_log where id > $1',
    [m.audit],
  );
  return { rows, audit: a?.n ?? 0 };
}

/** No 5xx; a refusal carries a message a person (or the app's dictionary) can use. */
function expectReadable(res: ApiResponse, label: string): void {
  if (res.status >= 500)
    throw new Error(`${label}: server error ${res.status} ${JSON.stringify(res.body)}`);
  if (res.status >= 400) {
    const body = res.body as { message?: unknown } | null;
    if (typeof body?.message !== 'string' || body.message.trim() === '') {
      throw new Error(`${label}: refusal without a reason: ${JSON.stringify(res.body)}`);
    }
    if (/\bat .*\.(c|ts|js|hs):\d+|stack trace/i.test(body.message)) {
      throw new Error(`${label}: internals in the message: ${body.message}`);
    }
  }
}

async function expectNothingWritten(m: Mark, label: string): Promise<void> {
  const { rows, audit } = await changesSince(m);
  if (rows.length || audit) {
    throw new Error(
      `${label}: refused, yet wrote ${JSON.stringify(rows)} (+${audit} audit entries)`,
    );
  }
}

// ---------- hostile values ----------

const HOSTILE_STRINGS = [
  '',
  ' ',
  "'; drop table public.observations; --",
  "' or '1'='1",
  '"); select pg_sleep(10); --',
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
  '../../../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil',
  '💩'.repeat(600),
  'é'.repeat(2001),
  'x'.repeat(2001),
  'x'.repeat(300_000),
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x41',
  'null',
  'true',
  '[]',
  '{}',
  '(6.47908,52.72469)',
  '(1e308,1e308)',
  '((0,0),(1,1))',
  '2026-13-45',
  '9999-12-31T23:59:59Z',
  '-infinity',
  'heel.verlichting',
  'sociaal.woonoverlast',
  'onbekend.categorie',
  'sociaal',
  'BU01185000',
  'BU99999999',
  'GM0118',
  'GM9999',
  'gemeente',
  randomUUID(),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 80, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) },
);
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 1, 5, 6, 11, -2147483649, 2147483648, 1e308, -1e308, 0.5, 1e-320),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const scalar = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
const anyValue = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 4 }) },
);

const ACTORS: Who[] = ['anon', 'stranger', 'huurder', 'smederij', 'corporatie', 'gemeente'];
const signedIn: Who[] = ['stranger', 'huurder', 'smederij', 'corporatie', 'gemeente'];
const actor = fc.constantFrom(...ACTORS);

/** Ids of rows made for this file, by different people (other users' records). */
const fixtures: Record<string, string[]> = {};
/** People made for this file, whose profiles the fuzzer may change. */
const people: string[] = [];
// Chained, so the fixtures made in beforeAll are there when values are drawn.
const idOf = (table: string) =>
  fc.oneof(
    fc.constant(0).chain(() => fc.constantFrom(...(fixtures[table] ?? [randomUUID()]))),
    fc.uuid(),
    hostileString,
  );
const person = () => fc.constant(0).chain(() => fc.constantFrom(...people));

beforeAll(async () => {
  const obs = [
    observationRow({ place: PLACE.centrum, by: USER.smederij, org: ORG.smederijen }),
    observationRow({ place: PLACE.centrum, by: USER.huurder, org: ORG.shdh }),
    observationRow({
      place: PLACE.pesse,
      by: USER.gemeente,
      org: ORG.gemeente,
      category: 'sociaal.zorgsignaal',
    }),
    observationRow({ place: PLACE.kinholt, by: USER.woonconcept, org: ORG.woonconcept }),
  ];
  for (const o of obs) await db.insert('observations', { ...o, description: 'Fuzz-fixture' });
  fixtures.observations = obs.map((o) => String(o.id));
  const garden = randomUUID();
  await db.insert('garden_projects', {
    id: garden,
    corporation_id: ORG.woonconcept,
    title: 'Fuzz-tuin',
    location: pointText(PLACE.centrum),
    created_by: USER.woonconcept,
  });
  fixtures.garden_projects = [garden];
  const check = randomUUID();
  await db.insert('accessibility_checks', {
    id: check,
    corporation_id: ORG.domesta,
    address: 'Fuzzstraat 1',
    location: pointText(PLACE.krakeel),
    living_room: 'ja',
    toilet: 'ja',
    bathroom: 'ja',
    bedroom: 'nee',
  });
  fixtures.accessibility_checks = [check];
  const walk = randomUUID();
  await db.insert('walks', {
    id: walk,
    neighbourhood_code: PLACE.centrum.buurt,
    title: 'Fuzz-schouw',
    planned_for: '2026-06-01',
    created_by: USER.smederij,
  });
  fixtures.walks = [walk];
  const target = randomUUID();
  await db.insert('targets', { id: target, year: 2027, metric: 'trees_planted', target_value: 5 });
  fixtures.targets = [target];
  fixtures.neighbourhood_grades = [randomUUID()];
  fixtures.observation_events = [randomUUID()];
  fixtures.attachments = [randomUUID()];
  fixtures.walk_participants = [randomUUID()];
  for (const [t, ids] of Object.entries(fixtures)) for (const id of ids) remember(t, id);
  people.push(
    await db.user({ role: 'huurder', organisationId: ORG.shdh, neighbourhoods: ['WK011850'] }),
    await db.user({ role: 'smederij', organisationId: ORG.smederijen }),
  );
});

afterAll(async () => {
  // What the fuzzer wrote (and its fixtures) goes again, as the tombstone purge would remove it.
  const client = await db.pool.connect();
  try {
    await client.query('begin');
    await client.query(`set local buurtpeil.purging = 'on'`);
    const ids = (t: string) =>
      [...(written.get(t) ?? [])].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    const obs = ids('observations');
    await client.query(
      `delete from public.attachments where id = any ($1::uuid[]) or record_id = any ($2::uuid[])`,
      [ids('attachments'), obs],
    );
    await client.query(
      `delete from public.observation_events where id = any ($1::uuid[]) or observation_id = any ($2::uuid[])`,
      [ids('observation_events'), obs],
    );
    await client.query(
      `delete from public.walk_participants where id = any ($1::uuid[]) or walk_id = any ($2::uuid[])`,
      [ids('walk_participants'), ids('walks')],
    );
    for (const t of [
      'observations',
      'garden_projects',
      'accessibility_checks',
      'neighbourhood_grades',
      'targets',
      'walks',
    ]) {
      await client.query(`delete from public.${t} where id = any ($1::uuid[])`, [ids(t)]);
    }
    await client.query('commit');
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
  await db.end();
  const lines = [...counts.entries()].map(([k, v]) => `  ${k.padEnd(38)} ${v}`);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(`Fuzz cases (seed ${SEED}):\n${lines.join('\n')}\n  ${'total'.padEnd(38)} ${total}`);
});

/** One RPC call as a fuzz case: readable, and (being read-only or refused) writing nothing. */
async function rpcCase(
  name: string,
  who: Who,
  args: unknown,
  readOnly: boolean,
): Promise<ApiResponse> {
  count(`rpc ${name}`);
  const m = await mark();
  const res = await api.request(who, 'POST', `rpc/${name}`, { body: args });
  const label = `${name} as ${String(typeof who === 'string' ? who : who.userId)} with ${JSON.stringify(args).slice(0, 300)}`;
  expectReadable(res, label);
  if (readOnly || res.status >= 400) await expectNothingWritten(m, label);
  return res;
}

describe('RPCs the app calls', () => {
  it('buurt_at', async () => {
    await fc.assert(
      fc.asyncProperty(
        actor,
        fc.oneof(
          fc.record({ lon: anyValue, lat: anyValue }),
          fc.record({
            lon: fc.double({ min: -200, max: 200 }),
            lat: fc.double({ min: -100, max: 100 }),
          }),
          fc.dictionary(fc.string({ maxLength: 6 }), anyValue, { maxKeys: 3 }),
        ),
        async (who, args) => {
          const res = await rpcCase('buurt_at', who, args, true);
          if (res.status === 200) expect(res.body).toMatch(/^BU\d{8}$/);
        },
      ),
      runs(150),
    );
  }, 300_000);

  it('accessibility_class', async () => {
    const answer = fc.oneof(
      fc.constantFrom('ja', 'nee', 'kleine_aanpassing', 'traplift'),
      anyValue,
    );
    await fc.assert(
      fc.asyncProperty(
        actor,
        fc.record(
          { living_room: answer, toilet: answer, bathroom: answer, bedroom: answer },
          { requiredKeys: [] },
        ),
        async (who, args) => {
          const res = await rpcCase('accessibility_class', who, args, true);
          if (res.status === 200) {
            expect([
              'toegankelijk',
              'met_kleine_aanpassingen',
              'alleen_extern',
              'niet_toegankelijk',
              null,
            ]).toContain(res.body);
          }
        },
      ),
      runs(150),
    );
  }, 300_000);

  it('neighbourhood_progress', async () => {
    await fc.assert(
      fc.asyncProperty(
        actor,
        fc.oneof(
          fc.record({
            period: fc.oneof(
              fc.constantFrom('2026', '2026-Q1', '2026-Q5', '1900', '2026-13'),
              anyValue,
            ),
          }),
          fc.constant({}),
          fc.dictionary(fc.string({ maxLength: 6 }), anyValue, { maxKeys: 2 }),
        ),
        async (who, args) => {
          const res = await rpcCase('neighbourhood_progress', who, args, true);
          if (res.status === 200) expect(Array.isArray(res.body)).toBe(true);
        },
      ),
      runs(60),
    );
  }, 300_000);

  it('sync_pull', async () => {
    const cursor = fc.oneof(
      fc.constant(null),
      fc.record({
        txid: fc.oneof(fc.constantFrom('0', '1', '99999999999999999999', '-1'), anyValue),
        seq: anyValue,
      }),
      anyValue,
    );
    await fc.assert(
      fc.asyncProperty(
        actor,
        fc.record(
          { cursor, max_rows: fc.oneof(fc.constantFrom(1, 0, -5, 1001, 2 ** 40), anyValue) },
          { requiredKeys: [] },
        ),
        async (who, args) => {
          const res = await rpcCase('sync_pull', who, args, true);
          if (res.status === 200) {
            const body = res.body as { changes: unknown[] };
            expect(Array.isArray(body.changes)).toBe(true);
            expect(body.changes.length).toBeLessThanOrEqual(1000);
          }
        },
      ),
      runs(120),
    );
  }, 300_000);

  it('sync_fetch', async () => {
    const ref = fc.record({
      table: fc.oneof(
        fc.constantFrom(
          'observations',
          'observation_events',
          'profiles',
          'audit_log',
          'pg_authid',
          'sync_mutations',
        ),
        hostileString,
      ),
      id: idOf('observations'),
    });
    await fc.assert(
      fc.asyncProperty(
        actor,
        fc.record({ refs: fc.oneof(fc.array(ref, { maxLength: 6 }), anyValue) }),
        async (who, args) => {
          const res = await rpcCase('sync_fetch', who, args, true);
          if (res.status === 200) {
            const rows = (res.body as { rows: { table: string }[] }).rows;
            for (const r of rows)
              expect(['observations', 'observation_events', 'profiles']).toContain(r.table);
          }
        },
      ),
      runs(120),
    );
  }, 300_000);

  it('sync_push: refused mutations write nothing; applied ones only their own record', async () => {
    const TABLES = [
      'observations',
      'observation_events',
      'garden_projects',
      'accessibility_checks',
      'neighbourhood_grades',
      'walks',
      'walk_participants',
      'attachments',
      'targets',
    ];
    const values = fc.oneof(
      fc.record(
        {
          category_code: fc.oneof(
            fc.constantFrom('heel.verlichting', 'sociaal.woonoverlast', 'x.y', 'sociaal'),
            hostileString,
          ),
          severity: fc.oneof(fc.integer({ min: 1, max: 5 }), hostileNumber, hostileString),
          description: hostileString,
          location: fc.oneof(
            fc.constantFrom(pointText(PLACE.centrum), pointText(PLACE.amsterdam)),
            hostileString,
          ),
          accuracy_m: fc.oneof(hostileNumber, hostileString),
          observed_at: fc.oneof(
            fc.constantFrom('2026-01-01T10:00:00Z', '2999-01-01T00:00:00Z'),
            hostileString,
          ),
          status: fc.oneof(fc.constantFrom('nieuw', 'gesloten', 'opgelost'), hostileString),
          created_by: fc.constantFrom(USER.gemeente, USER.huurder, randomUUID()),
          municipality_code: fc.constantFrom('GM0118', 'GM9999'),
          observation_id: idOf('observations'),
          kind: fc.oneof(fc.constantFrom('comment', 'feedback', 'status'), hostileString),
          body: hostileString,
          rating: hostileNumber,
          grade: hostileNumber,
          title: hostileString,
          corporation_id: fc.constantFrom(ORG.woonconcept, ORG.gemeente, randomUUID()),
        },
        { requiredKeys: [] },
      ),
      fc.dictionary(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.constantFrom('id', '_txid', 'version', 'deleted_at', 'anonymised_at'),
        ),
        anyValue,
        { maxKeys: 5 },
      ),
      anyValue,
    );
    const mutation = fc.record(
      {
        id: fc.oneof({ weight: 5, arbitrary: fc.uuid() }, { weight: 1, arbitrary: hostileString }),
        table: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...TABLES) },
          {
            weight: 1,
            arbitrary: fc.constantFrom('audit_log', 'profiles', 'sync_mutations', 'pg_authid'),
          },
          { weight: 1, arbitrary: hostileString },
        ),
        op: fc.oneof(fc.constantFrom('insert', 'update', 'delete'), hostileString),
        record_id: fc.oneof(
          fc.uuid(),
          fc.constantFrom(...Object.values(fixtures).flat().concat(randomUUID())),
          hostileString,
        ),
        values,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        actor,
        fc.record({
          client_id: fc.oneof(
            { weight: 5, arbitrary: fc.uuid() },
            { weight: 1, arbitrary: anyValue },
          ),
          mutations: fc.oneof(
            { weight: 6, arbitrary: fc.array(mutation, { maxLength: 6 }) },
            { weight: 1, arbitrary: anyValue },
          ),
        }),
        async (who, args) => {
          const res = await rpcCase('sync_push', who, args, false);
          if (res.status !== 200) return;
          const results = (
            res.body as {
              results: { id: unknown; status: string; code?: string; message?: string }[];
            }
          ).results;
          const sent = args.mutations as Row[];
          expect(results).toHaveLength(sent.length);
          const applied = new Set<string>();
          results.forEach((r, i) => {
            const m = sent[i]!;
            if (r.status === 'applied') {
              applied.add(String(m.record_id));
              remember(String(m.table), String(m.record_id));
            } else {
              expect(r.status).toBe('rejected');
              if (typeof r.message !== 'string' || !r.message || typeof r.code !== 'string') {
                throw new Error(`rejected without a reason: ${JSON.stringify(r)}`);
              }
            }
          });
        },
      ),
      runs(250),
    );
  }, 600_000);

  it('sync_push: nothing of a refused mutation reaches the tables', async () => {
    // The same check with a mark around each call: every changed row belongs to an applied one.
    const mutation = fc.record({
      id: fc.uuid(),
      table: fc.constantFrom(
        'observations',
        'observation_events',
        'neighbourhood_grades',
        'targets',
      ),
      op: fc.constantFrom('insert', 'update', 'delete'),
      record_id: fc.oneof(
        fc.uuid(),
        fc.constantFrom(...(fixtures.observations ?? []), ...(fixtures.targets ?? [])),
      ),
      values: fc.record(
        {
          category_code: fc.constantFrom('heel.verlichting', 'sociaal.woonoverlast', 'x.y'),
          description: hostileString,
          location: fc.constantFrom(pointText(PLACE.centrum), pointText(PLACE.amsterdam), 'nope'),
          severity: hostileNumber,
          observation_id: idOf('observations'),
          kind: fc.constantFrom('comment', 'feedback'),
          body: hostileString,
          thumb: fc.constantFrom(1, -1, 0, 2),
          year: hostileNumber,
          metric: fc.constantFrom('trees_planted', 'onzin'),
          target_value: hostileNumber,
          neighbourhood_code: fc.constantFrom(PLACE.centrum.buurt, 'BU99999999'),
          quarter: hostileNumber,
          theme: fc.constantFrom('groen', 'paars'),
          grade: hostileNumber,
        },
        { requiredKeys: [] },
      ),
    });
    await fc.assert(
      fc.asyncProperty(
        actor,
        fc.array(mutation, { minLength: 1, maxLength: 5 }),
        async (who, mutations) => {
          count('rpc sync_push');
          const m = await mark();
          const res = await api.rpc(who, 'sync_push', { client_id: randomUUID(), mutations });
          expectReadable(res, `sync_push ${JSON.stringify(mutations).slice(0, 300)}`);
          if (res.status !== 200) {
            await expectNothingWritten(m, 'sync_push');
            return;
          }
          const results = (res.body as { results: { status: string }[] }).results;
          const applied = new Set<string>();
          results.forEach((r, i) => {
            const mu = mutations[i]!;
            if (r.status === 'applied') {
              applied.add(mu.record_id);
              remember(mu.table, mu.record_id);
            }
          });
          const { rows } = await changesSince(m);
          for (const row of rows) {
            if (applied.has(row.id) || (row.parent && applied.has(row.parent))) {
              if (row.table === 'observation_events') remember('observation_events', row.id);
              continue;
            }
            throw new Error(
              `sync_push wrote ${row.table} ${row.id}, which no applied mutation names`,
            );
          }
        },
      ),
      runs(150),
    );
  }, 600_000);
});

describe('privacy RPCs', () => {
  it('dsr_export and dsr_erase refuse everyone but the municipality, and unknown people', async () => {
    const person = fc.oneof(
      fc.uuid(),
      fc.constantFrom(USER.huurder, USER.smederij, randomUUID()),
      anyValue,
    );
    await fc.assert(
      fc.asyncProperty(actor, fc.record({ person }, { requiredKeys: [] }), async (who, args) => {
        const res = await rpcCase('dsr_export', who, args, true);
        if (res.status === 200) expect(who).toBe('gemeente');
      }),
      runs(100),
    );
    // Erasure is fuzzed with people who cannot be erased: refused, writing nothing.
    const notErasable = fc.oneof(
      fc.record({
        who: fc.constantFrom<Who>('anon', 'stranger', 'huurder', 'smederij', 'corporatie'),
        person,
      }),
      fc.record({
        who: fc.constant<Who>('gemeente'),
        person: fc.oneof(fc.uuid(), fc.constant(USER.gemeente), hostileString, fc.constant(null)),
      }),
    );
    await fc.assert(
      fc.asyncProperty(notErasable, async ({ who, person: p }) => {
        const res = await rpcCase('dsr_erase', who, { person: p }, true);
        expect(res.status).toBeGreaterThanOrEqual(400);
      }),
      runs(100),
    );
  }, 300_000);

  it('retention_run is closed to every signed-in user', async () => {
    await fc.assert(
      fc.asyncProperty(
        actor,
        fc.record({ older_than: anyValue }, { requiredKeys: [] }),
        async (who, args) => {
          const res = await rpcCase('retention_run', who, args, true);
          expect(res.status).toBeGreaterThanOrEqual(400);
        },
      ),
      runs(50),
    );
  }, 300_000);
});

describe('tables the app writes, through REST', () => {
  const TABLES: Record<string, fc.Arbitrary<Row>> = {
    observations: fc.record(
      {
        id: fc.oneof(fc.uuid(), hostileString),
        category_code: fc.oneof(
          fc.constantFrom('heel.verlichting', 'sociaal.woonoverlast', 'x.y'),
          hostileString,
        ),
        severity: fc.oneof(fc.integer({ min: 1, max: 5 }), hostileNumber),
        description: hostileString,
        location: fc.oneof(
          fc.constantFrom(pointText(PLACE.centrum), pointText(PLACE.amsterdam)),
          hostileString,
        ),
        created_by: fc.constantFrom(USER.gemeente, USER.huurder),
        sensitive: fc.boolean(),
        status: fc.oneof(fc.constantFrom('nieuw', 'gesloten'), hostileString),
        municipality_code: fc.constantFrom('GM0118', 'GM9999'),
        anonymised_at: fc.constantFrom(null, '2026-01-01T00:00:00Z'),
      },
      { requiredKeys: [] },
    ),
    observation_events: fc.record(
      {
        id: fc.oneof(fc.uuid(), hostileString),
        observation_id: idOf('observations'),
        kind: fc.oneof(fc.constantFrom('comment', 'feedback', 'status'), hostileString),
        body: hostileString,
        rating: hostileNumber,
        thumb: hostileNumber,
        created_by: fc.constantFrom(USER.gemeente, USER.smederij),
      },
      { requiredKeys: [] },
    ),
    garden_projects: fc.record(
      {
        id: fc.uuid(),
        corporation_id: fc.constantFrom(ORG.woonconcept, ORG.gemeente, randomUUID()),
        title: hostileString,
        address: hostileString,
        location: fc.oneof(fc.constant(pointText(PLACE.centrum)), hostileString),
        households: hostileNumber,
        tiles_removed_m2: hostileNumber,
        trees: hostileNumber,
        status: fc.oneof(fc.constantFrom('aangemeld', 'afgerond'), hostileString),
      },
      { requiredKeys: [] },
    ),
    accessibility_checks: fc.record(
      {
        id: fc.uuid(),
        corporation_id: fc.constantFrom(ORG.woonconcept, ORG.domesta, randomUUID()),
        address: hostileString,
        location: fc.oneof(fc.constant(pointText(PLACE.krakeel)), hostileString),
        living_room: fc.oneof(fc.constantFrom('ja', 'nee'), hostileString),
        toilet: fc.oneof(fc.constantFrom('ja', 'nee'), hostileString),
        bathroom: fc.constantFrom('ja', 'traplift', 'misschien'),
        bedroom: fc.constantFrom('ja', 'kleine_aanpassing'),
        build_year: hostileNumber,
        class: fc.constantFrom('toegankelijk', 'onzin'),
      },
      { requiredKeys: [] },
    ),
    neighbourhood_grades: fc.record(
      {
        id: fc.uuid(),
        neighbourhood_code: fc.oneof(
          fc.constantFrom(PLACE.centrum.buurt, PLACE.pesse.buurt, 'WK011850'),
          hostileString,
        ),
        year: hostileNumber,
        quarter: hostileNumber,
        theme: fc.oneof(fc.constantFrom('groen', 'samen'), hostileString),
        grade: hostileNumber,
      },
      { requiredKeys: [] },
    ),
    walks: fc.record(
      {
        id: fc.uuid(),
        neighbourhood_code: fc.oneof(fc.constant(PLACE.centrum.buurt), hostileString),
        title: hostileString,
        notes: hostileString,
        planned_for: fc.oneof(fc.constantFrom('2026-06-01', '0001-01-01'), hostileString),
        status: fc.oneof(fc.constantFrom('gepland', 'gelopen'), hostileString),
      },
      { requiredKeys: [] },
    ),
    attachments: fc.record(
      {
        id: fc.uuid(),
        record_table: fc.oneof(fc.constantFrom('observations', 'audit_log'), hostileString),
        record_id: idOf('observations'),
        organisation_id: fc.constantFrom(ORG.smederijen, ORG.gemeente, ORG.shdh),
        storage_path: hostileString,
        mime_type: fc.constantFrom('image/jpeg', 'image/svg+xml', 'text/html'),
        bytes: hostileNumber,
        kind: fc.constantFrom('photo', 'selfie'),
      },
      { requiredKeys: [] },
    ),
    targets: fc.record(
      {
        id: fc.uuid(),
        year: hostileNumber,
        metric: fc.oneof(
          fc.constantFrom('trees_planted', 'new_builds_accessible_share'),
          hostileString,
        ),
        target_value: hostileNumber,
        agreement_no: hostileNumber,
        description: hostileString,
        municipality_code: fc.constantFrom('GM0118', 'GM9999'),
      },
      { requiredKeys: [] },
    ),
    profiles: fc.record(
      {
        display_name: hostileString,
        role: fc.oneof(fc.constantFrom('gemeente', 'huurder'), hostileString),
        organisation_id: fc.constantFrom(ORG.gemeente, ORG.shdh, randomUUID()),
      },
      { requiredKeys: [] },
    ),
    profile_neighbourhoods: fc.record(
      {
        profile_id: fc.oneof(person(), fc.constant(randomUUID())),
        neighbourhood_code: fc.oneof(fc.constantFrom('WK011860', 'BU01186000'), hostileString),
      },
      { requiredKeys: [] },
    ),
  };

  for (const [table, row] of Object.entries(TABLES)) {
    it(`${table}: POST and PATCH with hostile rows`, async () => {
      const keyed =
        table === 'profiles' ? 'id' : table === 'profile_neighbourhoods' ? 'profile_id' : 'id';
      // Profiles: only this file's people (a changed demo user would change other tests).
      const target =
        table === 'profiles' || table === 'profile_neighbourhoods' ? person() : idOf(table);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...signedIn, 'anon' as Who),
          fc.oneof(
            fc.record({
              method: fc.constant('POST'),
              body: fc.oneof(
                { weight: 4, arbitrary: row },
                { weight: 1, arbitrary: fc.array(row, { minLength: 2, maxLength: 3 }) },
                { weight: 1, arbitrary: anyValue },
              ),
            }),
            fc.record({ method: fc.constant('PATCH'), body: row, key: target }),
          ),
          async (who, req) => {
            count(`rest ${table}`);
            const m = await mark();
            // A key goes in the URL: kept to what a URL carries (servers refuse longer request
            // lines), with lone surrogates (which no URL can encode) made well-formed.
            const key = String((req as { key?: unknown }).key)
              .slice(0, 500)
              .toWellFormed();
            const path =
              req.method === 'PATCH' ? `${table}?${keyed}=eq.${encodeURIComponent(key)}` : table;
            const res = await api.request(who, req.method, path, {
              body: req.body,
              prefer: 'return=representation',
            });
            const label = `${req.method} ${table} as ${String(who)}: ${JSON.stringify(req.body).slice(0, 300)}`;
            expectReadable(res, label);
            if (res.status >= 400) {
              await expectNothingWritten(m, label);
              return;
            }
            // Allowed (valid by chance): exactly the rows PostgREST reports were written.
            const reported = (Array.isArray(res.body) ? res.body : []) as Row[];
            for (const r of reported) if (typeof r.id === 'string') remember(table, r.id);
            const { rows } = await changesSince(m);
            const ids = new Set(reported.map((r) => String(r.id ?? r.profile_id)));
            for (const c of rows) {
              if (ids.has(c.id) || (c.parent && ids.has(c.parent))) {
                if (c.table === 'observation_events') remember('observation_events', c.id);
                continue;
              }
              throw new Error(`${label}: wrote ${c.table} ${c.id} beyond what was asked`);
            }
          },
        ),
        runs(table === 'profiles' || table === 'profile_neighbourhoods' ? 60 : 90),
      );
    }, 300_000);
  }
});
