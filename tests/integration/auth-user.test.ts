import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, inject, it } from 'vitest';
import { nodeClient } from '../support/clients.ts';
import { signJwt } from '../../supabase/local/jwt.ts';

// Contract tests for the signed-in user's endpoints: /user, /logout, and token checks.
const stack = inject('stack');
const client = (): SupabaseClient => nodeClient(stack.apiUrl, stack.anonKey);
const admin = nodeClient(stack.apiUrl, stack.serviceRoleKey);

const PASSWORD = 'correct horse battery';
const email = (label: string) => `${label}-${randomUUID().slice(0, 8)}@test.buurtpeil.nl`;

async function signedInUser(metadata: object = {}) {
  const address = email('user');
  const created = await admin.auth.admin.createUser({
    email: address,
    password: PASSWORD,
    email_confirm: true,
    user_metadata: metadata,
  });
  expect(created.error).toBeNull();
  const supabase = client();
  const { data, error } = await supabase.auth.signInWithPassword({
    email: address,
    password: PASSWORD,
  });
  expect(error).toBeNull();
  return { address, supabase, session: data.session!, id: created.data.user!.id };
}

async function mailedCodes(to: string): Promise<string[]> {
  const res = await fetch(`${stack.mailboxUrl}?format=json&to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { messages: { code: string }[] }).messages.map((m) => m.code);
}

describe('the signed-in user', () => {
  it('reads itself with getUser', async () => {
    const { supabase, id, address } = await signedInUser();
    const { data, error } = await supabase.auth.getUser();
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id, email: address, aud: 'authenticated' });
  });

  it('updates its metadata; a null removes a key', async () => {
    const { supabase } = await signedInUser({ keep: 1, drop: 2 });
    const { data, error } = await supabase.auth.updateUser({ data: { drop: null, added: 'ja' } });
    expect(error).toBeNull();
    expect(data.user!.user_metadata).toEqual({ keep: 1, added: 'ja', email_verified: true });
    const refreshed = await supabase.auth.refreshSession();
    expect(refreshed.data.user!.user_metadata).toMatchObject({ keep: 1, added: 'ja' });
  });

  it('may not change its app_metadata', async () => {
    const { session } = await signedInUser();
    const res = await fetch(`${stack.apiUrl}/auth/v1/user`, {
      method: 'PUT',
      headers: {
        apikey: stack.anonKey,
        authorization: `Bearer ${session.access_token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ app_metadata: { role: 'gemeente' } }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error_code: string }).error_code).toBe('not_admin');
  });

  it('changes its password, which ends its other sessions', async () => {
    const { supabase, address } = await signedInUser();
    const other = client();
    const otherSession = await other.auth.signInWithPassword({
      email: address,
      password: PASSWORD,
    });
    const weak = await supabase.auth.updateUser({ password: '123' });
    expect(weak.error?.code).toBe('weak_password');
    const same = await supabase.auth.updateUser({ password: PASSWORD });
    expect(same.error?.code).toBe('same_password');
    expect((await supabase.auth.updateUser({ password: 'a new passphrase' })).error).toBeNull();

    const old = await client().auth.signInWithPassword({ email: address, password: PASSWORD });
    expect(old.error?.code).toBe('invalid_credentials');
    const fresh = await client().auth.signInWithPassword({
      email: address,
      password: 'a new passphrase',
    });
    expect(fresh.error).toBeNull();
    const ended = await other.auth.refreshSession({
      refresh_token: otherSession.data.session!.refresh_token,
    });
    expect(ended.error?.code).toBe('refresh_token_not_found');
    expect((await supabase.auth.refreshSession()).error).toBeNull();
  });

  it('changes its email after both addresses confirm with their codes', async () => {
    const { supabase, address, id } = await signedInUser();
    const next = email('moved');
    const asked = await supabase.auth.updateUser({ email: next });
    expect(asked.error).toBeNull();
    expect(asked.data.user!.new_email).toBe(next);
    const [codeOld] = await mailedCodes(address);
    const [codeNew] = await mailedCodes(next);
    const first = await client().auth.verifyOtp({
      email: address,
      token: codeOld!,
      type: 'email_change',
    });
    expect(first.error).toBeNull();
    expect(first.data.session).toBeNull();
    const second = await client().auth.verifyOtp({
      email: next,
      token: codeNew!,
      type: 'email_change',
    });
    expect(second.error).toBeNull();
    expect(second.data.user).toMatchObject({ id, email: next });
  });
});

describe('signing out', () => {
  it('ends the session: its refresh token and access token stop working', async () => {
    const { supabase, session } = await signedInUser();
    expect((await supabase.auth.signOut()).error).toBeNull();
    const refresh = await client().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(refresh.error?.code).toBe('refresh_token_not_found');
    const user = await client().auth.getUser(session.access_token);
    expect(user.data.user).toBeNull();
    expect(user.error?.name).toBe('AuthSessionMissingError');
  });

  it('with scope others, keeps this session and ends the rest', async () => {
    const { supabase, address } = await signedInUser();
    const other = client();
    const otherSession = (
      await other.auth.signInWithPassword({ email: address, password: PASSWORD })
    ).data.session!;
    expect((await supabase.auth.signOut({ scope: 'others' })).error).toBeNull();
    expect((await supabase.auth.getUser()).error).toBeNull();
    const ended = await client().auth.refreshSession({ refresh_token: otherSession.refresh_token });
    expect(ended.error?.code).toBe('refresh_token_not_found');
  });
});

describe('tokens the Auth service refuses', () => {
  const sub = randomUUID();
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 3600 };

  it('a token signed with another secret: 403 bad_jwt', async () => {
    const forged = signJwt(claims, 'not-the-project-secret-but-32-chars-long!');
    const { data, error } = await client().auth.getUser(forged);
    expect(data.user).toBeNull();
    expect(error?.status).toBe(403);
    expect(error?.code).toBe('bad_jwt');
  });

  it('an expired token: 403 bad_jwt, "token is expired"', async () => {
    const { session } = await signedInUser();
    const payload = JSON.parse(
      Buffer.from(session.access_token.split('.')[1]!, 'base64url').toString(),
    );
    const expired = signJwt({ ...payload, exp: now - 60 }, stack.jwtSecret);
    const { error } = await client().auth.getUser(expired);
    expect(error?.status).toBe(403);
    expect(error?.code).toBe('bad_jwt');
    expect(error?.message).toMatch(/token is expired/);
  });

  it('a valid token for a user that does not exist: 403 user_not_found', async () => {
    const { error } = await client().auth.getUser(signJwt(claims, stack.jwtSecret));
    expect(error?.status).toBe(403);
    expect(error?.code).toBe('user_not_found');
  });

  it('no token at all: 401 no_authorization', async () => {
    const res = await fetch(`${stack.apiUrl}/auth/v1/user`, { headers: { apikey: stack.anonKey } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 401, error_code: 'no_authorization' });
  });
});

describe('public endpoints', () => {
  it('answers /health and /settings without an API key', async () => {
    const health = await fetch(`${stack.apiUrl}/auth/v1/health`);
    expect(await health.json()).toMatchObject({ name: 'GoTrue' });
    const settings = (await (await fetch(`${stack.apiUrl}/auth/v1/settings`)).json()) as {
      external: Record<string, boolean>;
    };
    expect(settings.external).toMatchObject({ email: true, phone: false });
  });
});
