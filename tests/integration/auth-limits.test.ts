/**
 * Auth hardening (issue 7, item 4) on the local stack's Auth service with Supabase's default rate
 * limits and a clock the test moves: password sign-ins, refreshes and code verifications per IP;
 * sign-in codes and other emails per hour and per address; GoTrue's 429 answers. Plus: the test
 * stack itself runs without limits; sign-out revokes refresh tokens; reuse of a rotated refresh
 * token revokes the whole family.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAuthService } from '../../supabase/local/auth/index.ts';
import { SUPABASE_RATE_LIMITS } from '../../supabase/local/auth/ratelimit.ts';
import { classifyAuthError } from '../../src/platform/auth-rules.ts';
import { nodeClient } from '../support/clients.ts';

const stack = inject('stack');
const PASSWORD = 'Een-sterk-wachtwoord-2026';

let server: http.Server;
let pool: pg.Pool;
let base = '';
let clock = Math.floor(Date.now() / 1000);
const mails: string[] = [];

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: stack.dbUrl, max: 4 });
  const auth = createAuthService(
    {
      pool,
      jwtSecret: stack.jwtSecret,
      anonKey: stack.anonKey,
      serviceRoleKey: stack.serviceRoleKey,
      apiUrl: 'http://127.0.0.1',
      dataDir: stack.dataDir,
      log: (m) => mails.push(m),
      now: () => clock,
    },
    { limits: SUPABASE_RATE_LIMITS },
  );
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    void auth.handle(req, res, url.pathname.replace(/^\/auth\/v1/, ''), url);
  });
  // Every loopback address, so requests can come from different IPs (127.0.0.x).
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/auth/v1`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await pool.end();
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** POST from a chosen loopback address (the IP the limiter sees). */
function post(path: string, body: unknown, from = '127.0.0.1', v2024 = false): Promise<Answer> {
  const url = new URL(`${base}${path}`);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          ...(v2024 ? { 'x-supabase-api-version': '2024-01-01' } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function confirmedUser(): Promise<string> {
  const email = `limits-${randomUUID().slice(0, 8)}@example.com`;
  const admin = nodeClient(stack.apiUrl, stack.serviceRoleKey);
  const { error } = await admin.auth.admin.createUser({
    email,
    password: PASSWORD,
    email_confirm: true,
  });
  expect(error).toBeNull();
  return email;
}

const REQUEST_LIMIT = {
  code: 429,
  error_code: 'over_request_rate_limit',
  msg: 'Request rate limit reached',
};

describe('password sign-ins: 30 per 5 minutes per IP, right or wrong', () => {
  it('refuses the 31st with GoTrue’s 429 over_request_rate_limit, then lets the bucket refill', async () => {
    const email = await confirmedUser();
    const ip = '127.0.0.2';
    for (let i = 0; i < 29; i++) {
      const wrong = await post('/token?grant_type=password', { email, password: 'fout' }, ip);
      expect(wrong.status).toBe(400);
    }
    expect(
      (await post('/token?grant_type=password', { email, password: PASSWORD }, ip)).status,
    ).toBe(200);
    const refused = await post('/token?grant_type=password', { email, password: PASSWORD }, ip);
    expect(refused).toEqual({ status: 429, body: REQUEST_LIMIT });
    const v2024 = await post('/token?grant_type=password', { email, password: PASSWORD }, ip, true);
    expect(v2024).toEqual({
      status: 429,
      body: { code: 'over_request_rate_limit', message: 'Request rate limit reached' },
    });
    // Another address is not affected.
    expect(
      (await post('/token?grant_type=password', { email, password: PASSWORD }, '127.0.0.3')).status,
    ).toBe(200);
    // 10 seconds refill one attempt (30 per 300 s).
    clock += 10;
    expect(
      (await post('/token?grant_type=password', { email, password: PASSWORD }, ip)).status,
    ).toBe(200);
    expect(
      (await post('/token?grant_type=password', { email, password: PASSWORD }, ip)).status,
    ).toBe(429);
    clock += 300;
  });

  it('the app tells the person to wait (auth-js error → "rate-limited")', async () => {
    const email = await confirmedUser();
    const supabase = nodeClient(base.replace(/\/auth\/v1$/, ''), stack.anonKey);
    let last: { status?: number; code?: string } | null = null;
    for (let i = 0; i < 31; i++) {
      last = (await supabase.auth.signInWithPassword({ email, password: 'fout' })).error;
    }
    expect(last).toMatchObject({ status: 429, code: 'over_request_rate_limit' });
    expect(classifyAuthError('password', last ?? {}, true)).toBe('rate-limited');
    clock += 300;
  });
});

describe('refreshes and verifications per IP', () => {
  it('refresh-token grants: 150 per 5 minutes', async () => {
    const ip = '127.0.0.4';
    for (let i = 0; i < 150; i++) {
      const res = await post(
        '/token?grant_type=refresh_token',
        { refresh_token: 'abcdefghijkl' },
        ip,
      );
      expect(res.status).toBe(400);
    }
    expect(
      await post('/token?grant_type=refresh_token', { refresh_token: 'abcdefghijkl' }, ip),
    ).toEqual({
      status: 429,
      body: REQUEST_LIMIT,
    });
    clock += 300;
  });

  it('code verifications: 30 per 5 minutes, so a 6-digit code cannot be guessed', async () => {
    const ip = '127.0.0.5';
    const email = await confirmedUser();
    for (let i = 0; i < 30; i++) {
      const res = await post('/verify', { type: 'email', email, token: String(100000 + i) }, ip);
      expect(res.status).toBe(403);
    }
    expect(await post('/verify', { type: 'email', email, token: '123456' }, ip)).toEqual({
      status: 429,
      body: REQUEST_LIMIT,
    });
    clock += 300;
  });
});

describe('emails', () => {
  it('one sign-in code a minute per address, with GoTrue’s words', async () => {
    const email = await confirmedUser();
    expect((await post('/otp', { email, create_user: false })).status).toBe(200);
    const again = await post('/otp', { email, create_user: false });
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({
      error_code: 'over_email_send_rate_limit',
      msg: expect.stringMatching(
        /^For security purposes, you can only request this after \d+ seconds\.$/,
      ),
    });
    clock += 61;
    expect((await post('/otp', { email, create_user: false })).status).toBe(200);
    clock += 3600;
  });

  it('30 sign-in codes an hour for the project; a refused one stores nothing', async () => {
    const sent: string[] = [];
    for (let i = 0; i < 30; i++) {
      const email = `otp-${randomUUID().slice(0, 8)}@example.com`;
      expect((await post('/otp', { email })).status).toBe(200);
      sent.push(email);
    }
    const over = `otp-${randomUUID().slice(0, 8)}@example.com`;
    expect(await post('/otp', { email: over })).toEqual({
      status: 429,
      body: {
        code: 429,
        error_code: 'over_email_send_rate_limit',
        msg: 'email rate limit exceeded',
      },
    });
    // The refused request made no account and no code (its transaction was rolled back).
    const { rowCount } = await pool.query('select 1 from auth.users where email = $1', [over]);
    expect(rowCount).toBe(0);
    expect(mails.some((m) => m.includes(over))).toBe(false);
    clock += 3600;
    expect((await post('/otp', { email: over })).status).toBe(200);
    clock += 3600;
  });

  it('other emails (password reset): 2 an hour for the project', async () => {
    const users = [await confirmedUser(), await confirmedUser(), await confirmedUser()];
    expect((await post('/recover', { email: users[0] })).status).toBe(200);
    expect((await post('/recover', { email: users[1] })).status).toBe(200);
    const third = await post('/recover', { email: users[2] });
    expect(third).toEqual({
      status: 429,
      body: {
        code: 429,
        error_code: 'over_email_send_rate_limit',
        msg: 'email rate limit exceeded',
      },
    });
    clock += 3600;
  });
});

describe('the shared test stack', () => {
  it('runs without limits, so other tests may sign in as often as they need', async () => {
    const email = await confirmedUser();
    const supabase = nodeClient(stack.apiUrl, stack.anonKey);
    for (let i = 0; i < 35; i++) {
      const { error } = await supabase.auth.signInWithPassword({ email, password: 'fout' });
      expect(error?.status).toBe(400);
    }
  });
});

describe('sessions', () => {
  const client = () => nodeClient(base.replace(/\/auth\/v1$/, ''), stack.anonKey);

  it('signing out everywhere revokes the refresh tokens of every session', async () => {
    clock += 300;
    const email = await confirmedUser();
    const phone = client();
    const laptop = client();
    const a = (await phone.auth.signInWithPassword({ email, password: PASSWORD })).data.session!;
    const b = (await laptop.auth.signInWithPassword({ email, password: PASSWORD })).data.session!;
    expect((await phone.auth.signOut({ scope: 'global' })).error).toBeNull();
    for (const s of [a, b]) {
      const { error } = await client().auth.refreshSession({ refresh_token: s.refresh_token });
      expect(error?.code).toBe('refresh_token_not_found');
    }
  });

  it('reusing a rotated token revokes the family: the newest token stops working too', async () => {
    const email = await confirmedUser();
    const victim = client();
    const first = (await victim.auth.signInWithPassword({ email, password: PASSWORD })).data
      .session!;
    const second = (await victim.auth.refreshSession({ refresh_token: first.refresh_token })).data
      .session!;
    const third = (await victim.auth.refreshSession({ refresh_token: second.refresh_token })).data
      .session!;
    // A stolen copy of the first token is played a minute later (past the 10 s reuse interval).
    clock += 60;
    const thief = await client().auth.refreshSession({ refresh_token: first.refresh_token });
    expect(thief.error?.code).toBe('refresh_token_already_used');
    expect(thief.data.session).toBeNull();
    clock += 60;
    const owner = await client().auth.refreshSession({ refresh_token: third.refresh_token });
    expect(owner.data.session).toBeNull();
    expect(owner.error?.code).toBe('refresh_token_already_used');
    const { rows } = await pool.query(
      `select count(*)::int as live from auth.refresh_tokens t join auth.sessions s on s.id = t.session_id
       join auth.users u on u.id = s.user_id where u.email = $1 and not t.revoked`,
      [email],
    );
    expect(rows[0].live).toBe(0);
  });
});
