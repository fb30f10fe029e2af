import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nodeClient } from '../support/clients.ts';

// Contract tests: the real supabase-js against the local stack's Auth service.
const stack = inject('stack');
const client = (): SupabaseClient => nodeClient(stack.apiUrl, stack.anonKey);
const admin = nodeClient(stack.apiUrl, stack.serviceRoleKey);
const db = new pg.Client({ connectionString: stack.dbUrl });

const PASSWORD = 'correct horse battery';
const email = (label: string) => `${label}-${randomUUID().slice(0, 8)}@test.buurtpeil.nl`;

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

async function confirmedUser(address: string, metadata: object = {}) {
  const { data, error } = await admin.auth.admin.createUser({
    email: address,
    password: PASSWORD,
    email_confirm: true,
    user_metadata: metadata,
  });
  expect(error).toBeNull();
  return data.user!;
}

async function signedIn(address: string) {
  const supabase = client();
  const { data, error } = await supabase.auth.signInWithPassword({
    email: address,
    password: PASSWORD,
  });
  expect(error).toBeNull();
  return { supabase, session: data.session! };
}

beforeAll(() => db.connect());
afterAll(() => db.end());

describe('password sign-in', () => {
  it('signs in a user the admin API created, with the claims Supabase issues', async () => {
    const address = email('pw');
    const user = await confirmedUser(address, { display_name: 'Pim' });
    const { session } = await signedIn(address);

    expect(session.token_type).toBe('bearer');
    expect(session.expires_in).toBe(3600);
    expect(session.refresh_token).toMatch(/^[a-z0-9]{12}$/);
    expect(session.user).toMatchObject({
      id: user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: address,
      phone: '',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { display_name: 'Pim', email_verified: true },
      is_anonymous: false,
    });
    expect(session.user.identities?.[0]).toMatchObject({ provider: 'email', id: user.id });
    expect(session.user.last_sign_in_at).toBeTruthy();

    const claims = claimsOf(session.access_token);
    expect(claims).toMatchObject({
      iss: `${stack.apiUrl}/auth/v1`,
      sub: user.id,
      aud: 'authenticated',
      email: address,
      phone: '',
      role: 'authenticated',
      aal: 'aal1',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { display_name: 'Pim' },
      is_anonymous: false,
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
    expect(claims.session_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a wrong password and an unknown email alike: 400 invalid_credentials', async () => {
    const address = email('wrong');
    await confirmedUser(address);
    for (const attempt of [
      { email: address, password: 'not the password' },
      { email: email('nobody'), password: PASSWORD },
    ]) {
      const { data, error } = await client().auth.signInWithPassword(attempt);
      expect(data.session).toBeNull();
      expect(error?.status).toBe(400);
      expect(error?.code).toBe('invalid_credentials');
      expect(error?.message).toBe('Invalid login credentials');
    }
  });

  it('uses GoTrue’s error shape for each API version', async () => {
    const body = JSON.stringify({ email: email('shape'), password: 'x' });
    const url = `${stack.apiUrl}/auth/v1/token?grant_type=password`;
    const headers = { apikey: stack.anonKey, 'content-type': 'application/json' };
    const legacy = await fetch(url, { method: 'POST', headers, body });
    expect(legacy.status).toBe(400);
    expect(await legacy.json()).toEqual({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    });
    const v2024 = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'x-supabase-api-version': '2024-01-01' },
      body,
    });
    expect(v2024.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(await v2024.json()).toEqual({
      code: 'invalid_credentials',
      message: 'Invalid login credentials',
    });
  });

  it('refuses an unconfirmed email with email_not_confirmed', async () => {
    const address = email('unconfirmed');
    await admin.auth.admin.createUser({ email: address, password: PASSWORD });
    const { error } = await client().auth.signInWithPassword({
      email: address,
      password: PASSWORD,
    });
    expect(error?.code).toBe('email_not_confirmed');
  });

  it('signs in users seeded with pgcrypto, as people seed Supabase projects', async () => {
    const id = randomUUID();
    const address = email('seeded');
    await db.query(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
         email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
         confirmation_token, recovery_token, email_change_token_new, email_change)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
         extensions.crypt($3, extensions.gen_salt('bf')), now(),
         '{"provider":"email","providers":["email"]}', '{}', now(), now(), '', '', '', '')`,
      [id, address, PASSWORD],
    );
    await db.query(
      `insert into auth.identities (id, user_id, provider_id, identity_data, provider,
         last_sign_in_at, created_at, updated_at)
       values (gen_random_uuid(), $1::uuid, $1::text, jsonb_build_object('sub', $1::text, 'email', $2::text),
         'email', now(), now(), now())`,
      [id, address],
    );
    const { session } = await signedIn(address);
    expect(session.user.id).toBe(id);
  });

  it('fails like Supabase on seeded users with NULL token columns (supabase/auth#1940)', async () => {
    const address = email('nulls');
    await db.query(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
         email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated',
         'authenticated', $1, extensions.crypt($2, extensions.gen_salt('bf')), now(), '{}', '{}',
         now(), now())`,
      [address, PASSWORD],
    );
    try {
      // supabase-js reports any 500 as a retryable fetch error; the body says what GoTrue says.
      const { error } = await client().auth.signInWithPassword({
        email: address,
        password: PASSWORD,
      });
      expect(error).toMatchObject({ name: 'AuthRetryableFetchError', status: 500 });
      const res = await fetch(`${stack.apiUrl}/auth/v1/token?grant_type=password`, {
        method: 'POST',
        headers: { apikey: stack.anonKey, 'x-supabase-api-version': '2024-01-01' },
        body: JSON.stringify({ email: address, password: PASSWORD }),
      });
      expect(await res.json()).toEqual({
        code: 'unexpected_failure',
        message: 'Database error querying schema',
      });
    } finally {
      await db.query('delete from auth.users where email = $1', [address]);
    }
  });
});

describe('refresh tokens', () => {
  it('rotates: a new refresh token each time, in the same session', async () => {
    const address = email('refresh');
    await confirmedUser(address);
    const { supabase, session } = await signedIn(address);
    const { data, error } = await supabase.auth.refreshSession({
      refresh_token: session.refresh_token,
    });
    expect(error).toBeNull();
    expect(data.session!.refresh_token).not.toBe(session.refresh_token);
    expect(claimsOf(data.session!.access_token).session_id).toBe(
      claimsOf(session.access_token).session_id,
    );
  });

  it('hands out the current token again for its parent (a client that lost the answer)', async () => {
    const address = email('lost');
    await confirmedUser(address);
    const { supabase, session } = await signedIn(address);
    const first = await supabase.auth.refreshSession({ refresh_token: session.refresh_token });
    const again = await client().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(again.error).toBeNull();
    expect(again.data.session!.refresh_token).toBe(first.data.session!.refresh_token);
  });

  it('rejects an old token after the reuse interval and revokes the whole family', async () => {
    const address = email('reuse');
    await confirmedUser(address);
    const { supabase, session } = await signedIn(address);
    const second = await supabase.auth.refreshSession({ refresh_token: session.refresh_token });
    await supabase.auth.refreshSession({ refresh_token: second.data.session!.refresh_token });
    // Past the 10 s reuse interval, as if the first token had been used a minute ago.
    await db.query(
      `update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = $1`,
      [session.refresh_token],
    );
    const { error } = await client().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('refresh_token_already_used');
    expect(error?.message).toBe('Invalid Refresh Token: Already Used');
    const { rows } = await db.query(
      'select count(*)::int as live from auth.refresh_tokens where session_id = $1 and not revoked',
      [claimsOf(session.access_token).session_id],
    );
    expect(rows[0].live).toBe(0);
  });

  it('rejects a token it never issued', async () => {
    const { error } = await client().auth.refreshSession({ refresh_token: 'abcdefghijkl' });
    expect(error?.code).toBe('refresh_token_not_found');
  });
});
