import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { DEMO, clientAs, useSuperuser } from '../support/clients.ts';

const stack = inject('stack');
const CENTRUM = '(6.47908,52.72469)';
const smederij = clientAs(stack, DEMO.smederij);
const huurder = clientAs(stack, DEMO.huurder);

interface PushResult {
  id: string;
  status: 'applied' | 'rejected';
  duplicate?: boolean;
  code?: string;
  message?: string;
}
interface PullResult {
  changes: { table: string; row: Record<string, unknown> }[];
  cursor: { txid: string; seq: number } | null;
  has_more: boolean;
  reset_required: boolean;
}

async function push(client: typeof smederij, clientId: string, mutations: unknown[]) {
  const { data, error } = await client.rpc('sync_push', {
    client_id: clientId,
    mutations: mutations as never,
  });
  if (error) throw new Error(error.message);
  return (data as unknown as { results: PushResult[] }).results;
}

async function pull(client: typeof smederij, cursor: PullResult['cursor'], maxRows = 500) {
  const { data, error } = await client.rpc('sync_pull', {
    cursor: cursor as never,
    max_rows: maxRows,
  });
  if (error) throw new Error(error.message);
  return data as unknown as PullResult;
}

/** Pulls until caught up; returns every change and the final cursor. */
async function pullAll(client: typeof smederij, cursor: PullResult['cursor'], maxRows = 500) {
  const changes: PullResult['changes'] = [];
  for (;;) {
    const page = await pull(client, cursor, maxRows);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.has_more) return { changes, cursor };
  }
}

function newObservation(description: string) {
  const id = randomUUID();
  return {
    id: randomUUID(),
    table: 'observations',
    op: 'insert',
    record_id: id,
    values: { category_code: 'schoon.zwerfafval', severity: 2, description, location: CENTRUM },
  };
}

const db = useSuperuser(stack);

describe('sync_push', () => {
  it('applies a batch exactly once however often it is retried', async () => {
    const clientId = randomUUID();
    const tag = randomUUID();
    const batch = Array.from({ length: 20 }, (_, i) => newObservation(`${tag} #${i}`));
    const first = await push(smederij, clientId, batch);
    expect(first.every((r) => r.status === 'applied' && !r.duplicate)).toBe(true);
    for (let i = 0; i < 4; i++) {
      const again = await push(smederij, clientId, batch);
      expect(again.map((r) => [r.status, r.duplicate])).toEqual(batch.map(() => ['applied', true]));
    }
    const { rows } = await db.query(
      `select count(*)::int n from observations where description like $1`,
      [`${tag}%`],
    );
    expect(rows[0].n).toBe(20);
  });

  it('rejects a bad mutation with a reason, keeps it for its author, and applies the rest', async () => {
    const clientId = randomUUID();
    const good1 = newObservation('goed 1');
    const bad = {
      ...newObservation('buiten de gemeente'),
      values: { ...newObservation('x').values, location: '(4.9,52.37)' },
    };
    const good2 = newObservation('goed 2');
    const results = await push(smederij, clientId, [good1, bad, good2]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(results[1]).toMatchObject({ code: 'outside_municipality' });
    expect(results[1]!.message).toMatch(/buiten de gemeente/);

    const mine = await smederij
      .from('sync_mutations')
      .select('mutation_id,status,error_code')
      .eq('client_id', clientId);
    expect(mine.data).toHaveLength(3);
    expect(mine.data!.find((m) => m.mutation_id === bad.id)).toMatchObject({
      status: 'rejected',
      error_code: 'outside_municipality',
    });
    const theirs = await huurder
      .from('sync_mutations')
      .select('mutation_id')
      .eq('client_id', clientId);
    expect(theirs.data).toEqual([]);
    const { rows } = await db.query(`select count(*)::int n from observations where id = $1`, [
      bad.record_id,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('updates only the fields sent: last writer wins per field', async () => {
    const obs = newObservation('veld voor veld');
    await push(smederij, randomUUID(), [obs]);
    const a = {
      id: randomUUID(),
      table: 'observations',
      op: 'update',
      record_id: obs.record_id,
      base_version: 1,
      values: { severity: 5 },
    };
    const b = {
      id: randomUUID(),
      table: 'observations',
      op: 'update',
      record_id: obs.record_id,
      base_version: 1,
      values: { description: 'aangevuld' },
    };
    expect((await push(smederij, randomUUID(), [a]))[0]!.status).toBe('applied');
    expect((await push(clientAs(stack, DEMO.gemeente), randomUUID(), [b]))[0]!.status).toBe(
      'applied',
    );
    const { rows } = await db.query(
      `select severity, description, version from observations where id = $1`,
      [obs.record_id],
    );
    expect(rows[0]).toEqual({ severity: 5, description: 'aangevuld', version: 3 });
  });

  it('lets a delete win over a later edit and tells the editor', async () => {
    const obs = newObservation('wordt verwijderd');
    await push(smederij, randomUUID(), [obs]);
    const del = { id: randomUUID(), table: 'observations', op: 'delete', record_id: obs.record_id };
    const edit = {
      id: randomUUID(),
      table: 'observations',
      op: 'update',
      record_id: obs.record_id,
      values: { severity: 4 },
    };
    const results = await push(smederij, randomUUID(), [del, edit]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    expect(results[1]!.code).toBe('deleted');
    const { rows } = await db.query(
      `select deleted_at is not null as gone, severity from observations where id = $1`,
      [obs.record_id],
    );
    expect(rows[0]).toEqual({ gone: true, severity: 2 });
  });

  it('ignores fields the server decides and rejects unknown ones', async () => {
    const obs = newObservation('server velden');
    (obs.values as Record<string, unknown>).created_by = DEMO.gemeente;
    (obs.values as Record<string, unknown>).version = 99;
    const unknown = { ...newObservation('onbekend veld') };
    (unknown.values as Record<string, unknown>).hacked = true;
    const results = await push(smederij, randomUUID(), [obs, unknown]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    expect(results[1]!.code).toBe('unknown_field');
    const { rows } = await db.query(`select created_by, version from observations where id = $1`, [
      obs.record_id,
    ]);
    expect(rows[0]).toEqual({ created_by: DEMO.smederij, version: 1 });
  });
});

describe('sync_push runs of inserts', () => {
  it('applies a run of same-shaped inserts in one go, and never lets a malformed one join it', async () => {
    const clientId = randomUUID();
    const first = newObservation('run 1');
    const second = newObservation('run 2');
    // The same fields as the run, but no op or no table: these are refused, as one by one.
    const noOp = { ...newObservation('zonder op'), op: undefined };
    const noTable = { ...newObservation('zonder tabel'), table: undefined };
    const other = newObservation('run 3');
    const results = await push(smederij, clientId, [first, second, noOp, noTable, other]);
    expect(results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'rejected',
      'rejected',
      'applied',
    ]);
    const { rows } = await db.query<{ description: string }>(
      `select description from observations where id = any($1) order by description`,
      [[first, second, noOp, noTable, other].map((m) => m.record_id)],
    );
    expect(rows.map((r) => r.description)).toEqual(['run 1', 'run 2', 'run 3']);
  });
});

describe('sync_pull', () => {
  it('pages through everything a user may see, in order, without repeats', async () => {
    const { changes } = await pullAll(smederij, null, 250);
    const keys = changes.map(
      (c) => `${c.table}:${String(c.row.id ?? c.row.code)}:${String(c.row.version)}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(changes.filter((c) => c.table === 'neighbourhoods')).toHaveLength(61);
    expect(changes.some((c) => c.table === 'observations' && c.row.sensitive === true)).toBe(true);
  });

  it('never gives a tenant sensitive observations, and others only without reporter and exact place', async () => {
    const { changes } = await pullAll(huurder, null);
    const obs = changes.filter((c) => c.table === 'observations').map((c) => c.row);
    expect(obs.length).toBeGreaterThan(0);
    expect(obs.some((o) => o.sensitive === true)).toBe(false);
    for (const o of obs.filter((o) => o.shared)) {
      expect(o).not.toHaveProperty('created_by');
      expect(o).not.toHaveProperty('reporter_organisation_id');
      const [x, y] = String(o.location).slice(1, -1).split(',').map(Number);
      expect(Math.round(x! * 1000) / 1000).toBe(x);
      expect(Math.round(y! * 1000) / 1000).toBe(y);
    }
  });

  it('misses no row that a long transaction commits late', async () => {
    let { cursor } = await pullAll(smederij, null);
    const long = new pg.Client({ connectionString: stack.dbUrl });
    await long.connect();
    const lateId = randomUUID();
    await long.query('begin');
    await long.query(
      `insert into observations (id, category_code, description, location, created_by) values ($1, 'heel.verlichting', 'laat', '${CENTRUM}', $2)`,
      [lateId, DEMO.smederij],
    );
    const seen = new Set<string>();
    const written: string[] = [];
    try {
      for (let round = 0; round < 10; round++) {
        const batch = Array.from({ length: 20 }, () => newObservation('tussendoor'));
        written.push(...batch.map((m) => m.record_id));
        await push(smederij, randomUUID(), batch);
        const page = await pullAll(smederij, cursor);
        page.changes.forEach((c) => seen.add(String(c.row.id)));
        cursor = page.cursor;
      }
      // Held back behind the open transaction: nothing committed after it is handed out yet.
      expect(written.some((id) => seen.has(id))).toBe(false);
    } finally {
      await long.query('commit');
      await long.end();
    }
    const rest = await pullAll(smederij, cursor);
    rest.changes.forEach((c) => seen.add(String(c.row.id)));
    expect(seen.has(lateId)).toBe(true);
    expect(written.filter((id) => !seen.has(id))).toEqual([]);
  });

  it('asks a client behind the tombstone horizon to download again', async () => {
    const { cursor } = await pullAll(smederij, null);
    await db.query(`update private.sync_horizon set min_txid = pg_current_xact_id()`);
    try {
      const page = await pull(smederij, cursor);
      expect(page.reset_required).toBe(true);
      expect(page.changes).toEqual([]);
      const fresh = await pull(smederij, null, 10);
      expect(fresh.reset_required).toBe(false);
      expect(fresh.changes).toHaveLength(10);
    } finally {
      await db.query(`update private.sync_horizon set min_txid = '0', min_seq = 0`);
    }
  });

  it('purging old tombstones resets only devices that may have missed one', async () => {
    const { cursor } = await pullAll(smederij, null);
    await db.query(`select private.purge_tombstones('180 days')`);
    expect((await pull(smederij, cursor)).reset_required).toBe(false);

    await db.query(
      `insert into garden_projects (id, corporation_id, title, location, neighbourhood_code, deleted_at)
       values (gen_random_uuid(), '0a000000-0000-4000-8000-000000000011', 'Oude tombstone',
               '${CENTRUM}', 'BU01185000', now() - interval '200 days')`,
    );
    const after = await pullAll(smederij, cursor);
    expect(
      await db.query(`select private.purge_tombstones('180 days') as n`).then((r) => r.rows[0].n),
    ).toBeGreaterThan(0);
    // Caught up since the tombstone: nothing missed. Behind it: start over.
    expect((await pull(smederij, after.cursor)).reset_required).toBe(false);
    expect((await pull(smederij, cursor)).reset_required).toBe(true);
    await db.query(`update private.sync_horizon set min_txid = '0', min_seq = 0`);
  });

  it('purges old observation tombstones too, but not while a live event points at one', async () => {
    const insert = (id: string) =>
      db.query(
        `insert into observations (id, category_code, location, created_by, deleted_at)
         values ($1, 'schoon.zwerfafval', '${CENTRUM}', '${DEMO.smederij}', now() - interval '200 days')`,
        [id],
      );
    const [gone, kept] = [randomUUID(), randomUUID()];
    await insert(gone);
    await insert(kept);
    await db.query(
      `insert into observation_events (id, observation_id, kind, body) values ($1, $2, 'comment', 'nog open')`,
      [randomUUID(), kept],
    );
    await db.query(`select private.purge_tombstones('180 days')`);
    const left = await db.query(`select id from observations where id = any($1)`, [[gone, kept]]);
    expect(left.rows.map((r) => r.id)).toEqual([kept]);
    await db.query(`update private.sync_horizon set min_txid = '0', min_seq = 0`);
  });

  it('rejects a malformed cursor with a readable reason', async () => {
    const { error } = await smederij.rpc('sync_pull', {
      cursor: { txid: 'nope', seq: 1 } as never,
    });
    expect(error?.hint).toBe('bad_cursor');
  });
});
