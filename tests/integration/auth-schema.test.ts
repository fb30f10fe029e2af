import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nodeClient } from '../support/clients.ts';
import { createAuthService } from '../../supabase/local/auth/index.ts';
import { freePort } from '../../supabase/local/stack.ts';

// The auth schema as SQL sees it, and how the Auth service behaves when the database fails.
const stack = inject('stack');
const db = new pg.Client({ connectionString: stack.dbUrl });
const admin = nodeClient(stack.apiUrl, stack.serviceRoleKey).auth.admin;
const email = (label: string) => `${label}-${randomUUID().slice(0, 8)}@test.buurtpeil.nl`;

beforeAll(() => db.connect());
afterAll(() => db.end());

/** Runs `sql` as `role` with the given JWT claims, the way PostgREST sets up a request. */
async function asRole(role: string, claims: object, sql: string) {
  await db.query('begin');
  try {
    await db.query(`set local role ${role}`);
    await db.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
    return (await db.query(sql)).rows;
  } finally {
    await db.query('rollback');
  }
}

describe('the auth schema', () => {
  it('gives auth.uid(), auth.role(), auth.email() and auth.jwt() from the request claims', async () => {
    const sub = randomUUID();
    const [row] = await asRole(
      'authenticated',
      { sub, role: 'authenticated', email: 'a@b.nl', app_metadata: { x: 1 } },
      `select auth.uid() as uid, auth.role() as role, auth.email() as email,
              auth.jwt() -> 'app_metadata' ->> 'x' as x`,
    );
    expect(row).toEqual({ uid: sub, role: 'authenticated', email: 'a@b.nl', x: '1' });
    const [anon] = await asRole('anon', {}, 'select auth.uid() as uid');
    expect(anon.uid).toBeNull();
  });

  it('keeps auth.users and its tokens out of reach of the API roles', async () => {
    for (const role of ['anon', 'authenticated']) {
      for (const table of [
        'users',
        'identities',
        'sessions',
        'refresh_tokens',
        'one_time_tokens',
      ]) {
        await expect(asRole(role, {}, `select * from auth.${table} limit 1`)).rejects.toMatchObject(
          {
            code: '42501',
          },
        );
      }
    }
  });

  it('has RLS on every auth table, all owned by supabase_auth_admin', async () => {
    const { rows } = await db.query(
      `select c.relname, c.relrowsecurity, pg_get_userbyid(c.relowner) as owner
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'auth' and c.relkind = 'r'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const r of rows)
      expect(r).toMatchObject({ relrowsecurity: true, owner: 'supabase_auth_admin' });
  });

  it('can be bootstrapped again over itself (it runs on every start)', async () => {
    const sql = await readFile(
      new URL('../../supabase/local/sql/01_auth.sql', import.meta.url),
      'utf8',
    );
    await db.query('begin');
    try {
      await db.query(sql);
    } finally {
      await db.query('rollback');
    }
  });
});

describe('writes of the Auth service', () => {
  it('run as supabase_auth_admin, so triggers on auth.users have the privileges they have on Supabase', async () => {
    await db.query(`
      create schema auth_probe;
      create table auth_probe.seen (who text, path text, email text);
      grant usage on schema auth_probe to supabase_auth_admin;
      grant insert on auth_probe.seen to supabase_auth_admin;
      create function auth_probe.record() returns trigger language plpgsql as $$
        begin
          insert into auth_probe.seen values (current_user, current_setting('search_path'), new.email);
          return new;
        end $$;
      create trigger auth_probe after insert on auth.users
        for each row execute function auth_probe.record();`);
    try {
      const address = email('probe');
      expect((await admin.createUser({ email: address })).error).toBeNull();
      const { rows } = await db.query('select who from auth_probe.seen where email = $1', [
        address,
      ]);
      expect(rows).toEqual([{ who: 'supabase_auth_admin' }]);
    } finally {
      await db.query('drop trigger auth_probe on auth.users; drop schema auth_probe cascade');
    }
  });

  it('are all-or-nothing: a failure after the user row leaves no user behind', async () => {
    await db.query(`
      create function public.auth_probe_fail() returns trigger language plpgsql as $$
        begin raise exception 'identity refused'; end $$;
      create trigger auth_probe_fail before insert on auth.identities
        for each row execute function public.auth_probe_fail();`);
    const address = email('atomic');
    try {
      const res = await fetch(`${stack.apiUrl}/auth/v1/admin/users`, {
        method: 'POST',
        headers: {
          apikey: stack.serviceRoleKey,
          authorization: `Bearer ${stack.serviceRoleKey}`,
          'x-supabase-api-version': '2024-01-01',
        },
        body: JSON.stringify({ email: address }),
      });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({
        code: 'unexpected_failure',
        message: 'Database error creating new user',
      });
    } finally {
      await db.query(
        'drop trigger auth_probe_fail on auth.identities; drop function public.auth_probe_fail()',
      );
    }
    const { rowCount } = await db.query('select 1 from auth.users where email = $1', [address]);
    expect(rowCount).toBe(0);
  });
});

describe('with the database down', () => {
  let server: http.Server;
  let base: string;
  const logs: string[] = [];

  beforeAll(async () => {
    // A pool pointing at a port nothing listens on: every query fails to connect.
    const pool = new pg.Pool({
      connectionString: `postgres://postgres:postgres@127.0.0.1:${await freePort()}/postgres`,
      connectionTimeoutMillis: 2000,
    });
    pool.on('error', () => {});
    const auth = createAuthService({
      pool,
      jwtSecret: stack.jwtSecret,
      anonKey: stack.anonKey,
      serviceRoleKey: stack.serviceRoleKey,
      apiUrl: 'http://127.0.0.1',
      dataDir: stack.dataDir,
      log: (m) => logs.push(m),
      now: () => Math.floor(Date.now() / 1000),
    });
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      void auth.handle(req, res, url.pathname.replace(/^\/auth\/v1/, ''), url);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/auth/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers 500 unexpected_failure in GoTrue’s shape, without internals', async () => {
    const body = JSON.stringify({ email: 'a@b.nl', password: 'whatever' });
    const res = await fetch(`${base}/token?grant_type=password`, { method: 'POST', body });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      code: 500,
      error_code: 'unexpected_failure',
      msg: 'Database error querying schema',
      error_id: expect.any(String),
    });
    expect(text).not.toMatch(/ECONNREFUSED|at .*\.ts/);
    expect(logs.join('\n')).toMatch(/ECONNREFUSED/);

    const v2024 = await fetch(`${base}/admin/users`, {
      headers: {
        authorization: `Bearer ${stack.serviceRoleKey}`,
        'x-supabase-api-version': '2024-01-01',
      },
    });
    expect(v2024.status).toBe(500);
    expect(await v2024.json()).toEqual({
      code: 'unexpected_failure',
      message: 'Database error finding users',
    });
  });
});
