/**
 * The sync soak of issue 4: three devices (three users with different rights), a fixed seed,
 * 1,000 online/offline flaps, tabs killed mid-batch, lost answers, ~10,000 mutations. Afterwards:
 * nothing lost, nothing doubled, every outbox empty, and every device holds exactly what the
 * server gives its user from scratch.
 *
 * Replay or stretch a run: SOAK_SEED=… SOAK_MUTATIONS=… SOAK_FLAPS=… npx vitest run --project db
 * tests/integration/sync-soak.test.ts
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { Db, ORG } from '../support/actors.ts';
import {
  checksum,
  differences,
  purgeObservations,
  serverView,
  snapshot,
} from '../support/sync-device.ts';
import { Soak } from '../support/sync-soak.ts';

const stack = inject('stack');
const SEED = Number(process.env.SOAK_SEED ?? 20_261_126);
const MUTATIONS = Number(process.env.SOAK_MUTATIONS ?? 10_000);
const FLAPS = Number(process.env.SOAK_FLAPS ?? 1_000);

let db: Db;
beforeAll(() => {
  db = new Db(stack);
});
afterAll(async () => {
  await db.end();
});

it(`soaks 3 devices: ${MUTATIONS} mutations, ${FLAPS} flaps, killed tabs (seed ${SEED})`, async () => {
  const started = performance.now();
  const users = [
    {
      role: 'gemeente' as const,
      userId: await db.user({ role: 'gemeente', organisationId: ORG.gemeente }),
    },
    {
      role: 'smederij' as const,
      userId: await db.user({
        role: 'smederij',
        organisationId: ORG.smederijen,
        neighbourhoods: ['WK011850', 'WK011851'],
      }),
    },
    {
      role: 'corporatie' as const,
      userId: await db.user({ role: 'corporatie', organisationId: ORG.woonconcept }),
    },
  ];
  const soak = new Soak(stack, { seed: SEED, mutations: MUTATIONS, flaps: FLAPS, users });
  try {
    await soak.run();
    const ran = performance.now();
    await soak.reconnectAll();
    const { stats } = soak;
    expect(stats.mutations).toBe(MUTATIONS);
    expect(stats.flaps).toBe(FLAPS);
    expect(stats.kills).toBeGreaterThan(0);

    // Outboxes empty after the last reconnect: nothing pending, nothing rejected.
    for (const device of soak.devices) expect(await device.db.outbox.toArray()).toEqual([]);
    const rejected = soak.journal.flatMap((p) => p.results.filter((r) => r.status !== 'applied'));
    expect(rejected).toEqual([]);

    // Each queued mutation reached the server, and was applied there exactly once.
    for (const [d, device] of soak.devices.entries()) {
      const rows = await db.query<{ mutation_id: string; status: string }>(
        'select mutation_id, status from public.sync_mutations where client_id = $1',
        [device.clientId],
      );
      expect(rows.map((r) => r.mutation_id).sort()).toEqual([...soak.queued[d]!].sort());
      expect(rows.filter((r) => r.status !== 'applied')).toEqual([]);
      const firstTime = soak.journal
        .filter((p) => p.clientId === device.clientId)
        .flatMap((p) => p.results.filter((r) => !r.duplicate));
      expect(firstTime).toHaveLength(soak.queued[d]!.size);
    }

    // 0 lost, 0 doubled: the server's observations by these users are exactly the devices'
    // inserts, with every applied change in the server's order (last writer wins per field).
    const userIds = users.map((u) => u.userId);
    const server = await db.query<{
      id: string;
      created_by: string;
      severity: number;
      description: string;
      accuracy_m: number | null;
      deleted: boolean;
    }>(
      `select id, created_by, severity, description, accuracy_m, deleted_at is not null as deleted
       from public.observations where created_by = any($1)`,
      [userIds],
    );
    const created = soak.records.map((r) => `${r.id} ${userIds[r.creator]}`).sort();
    expect(server.map((r) => `${r.id} ${r.created_by}`).sort()).toEqual(created);
    const model = soak.expectedObservations();
    const wrong = server.filter((row) => {
      const want = model.get(row.id);
      return (
        !want ||
        want.deleted !== row.deleted ||
        want.severity !== row.severity ||
        want.description !== row.description ||
        (want.accuracy_m ?? null) !== row.accuracy_m
      );
    });
    expect(wrong).toEqual([]);
    expect(server.filter((r) => r.deleted)).toHaveLength(
      soak.records.filter((r) => r.deleted).length,
    );
    const events = await db.query<{ id: string; created_by: string }>(
      'select id, created_by from public.observation_events where created_by = any($1)',
      [userIds],
    );
    expect(events.map((e) => `${e.id} ${e.created_by}`).sort()).toEqual(
      soak.events.map((e) => `${e.id} ${userIds[e.creator]}`).sort(),
    );

    // Every device holds what the server gives its user from scratch, row for row.
    const sums: string[] = [];
    for (const device of soak.devices) {
      const mine = await snapshot(device.db);
      const theirs = await serverView(stack, device.userId);
      expect(differences(mine, theirs)).toEqual([]);
      expect(checksum(mine)).toBe(checksum(theirs));
      sums.push(`${checksum(mine).slice(0, 12)} (${mine.size} rows)`);
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `soak seed ${SEED}: ${JSON.stringify(stats)}; ` +
        `served pushes ${soak.journal.length}; checksums ${sums.join(', ')}; ` +
        `run ${s(ran - started)}, reconnect and checks ${s(performance.now() - ran)}`,
    );
  } finally {
    soak.close();
    // 10,000 rows for every later test to download: gone once checked.
    await purgeObservations(db.pool, 'created_by = any($1)', [users.map((u) => u.userId)]);
  }
}, 300_000);
