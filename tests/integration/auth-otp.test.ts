import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, inject, it } from 'vitest';
import { nodeClient } from '../support/clients.ts';

// Contract tests for email one-time codes (signInWithOtp + verifyOtp) and the local mailbox.
const stack = inject('stack');
const client = (): SupabaseClient => nodeClient(stack.apiUrl, stack.anonKey);
const admin = nodeClient(stack.apiUrl, stack.serviceRoleKey);
const email = (label: string) => `${label}-${randomUUID().slice(0, 8)}@test.buurtpeil.nl`;

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

async function confirmedUser(address: string) {
  const { data, error } = await admin.auth.admin.createUser({
    email: address,
    email_confirm: true,
  });
  expect(error).toBeNull();
  return data.user!;
}

/** The newest code mailed to `to`, read from the mailbox's JSON view. */
async function mailedCode(to: string): Promise<string> {
  const res = await fetch(`${stack.mailboxUrl}?format=json&to=${encodeURIComponent(to)}`);
  const { messages } = (await res.json()) as { messages: { code: string }[] };
  expect(messages.length).toBeGreaterThan(0);
  return messages[0]!.code;
}

describe('email one-time codes', () => {
  it('signs up a new address with a code from the mailbox', async () => {
    const address = email('otp');
    const supabase = client();
    const sent = await supabase.auth.signInWithOtp({
      email: address,
      options: { data: { lang: 'nl' } },
    });
    expect(sent.error).toBeNull();
    const token = await mailedCode(address);
    expect(token).toMatch(/^\d{6}$/);
    const { data, error } = await supabase.auth.verifyOtp({ email: address, token, type: 'email' });
    expect(error).toBeNull();
    expect(data.session!.user.email_confirmed_at).toBeTruthy();
    expect(data.session!.user.user_metadata).toMatchObject({ lang: 'nl', email_verified: true });
    expect(claimsOf(data.session!.access_token).amr).toEqual([
      { method: 'otp', timestamp: expect.any(Number) },
    ]);
  });

  it('signs in an existing user with a magic-link code, once', async () => {
    const address = email('magic');
    const user = await confirmedUser(address);
    await client().auth.signInWithOtp({ email: address });
    const token = await mailedCode(address);
    const first = await client().auth.verifyOtp({ email: address, token, type: 'magiclink' });
    expect(first.data.user?.id).toBe(user.id);
    const second = await client().auth.verifyOtp({ email: address, token, type: 'magiclink' });
    expect(second.error?.status).toBe(403);
    expect(second.error?.code).toBe('otp_expired');
  });

  it('refuses a wrong code, and unknown addresses when create_user is off', async () => {
    const address = email('strict');
    await confirmedUser(address);
    await client().auth.signInWithOtp({ email: address });
    const wrong = await client().auth.verifyOtp({
      email: address,
      token: '000000x',
      type: 'email',
    });
    expect(wrong.error?.code).toBe('otp_expired');
    const unknown = await client().auth.signInWithOtp({
      email: email('stranger'),
      options: { shouldCreateUser: false },
    });
    expect(unknown.error?.status).toBe(422);
    expect(unknown.error?.code).toBe('otp_disabled');
  });

  it('resets a forgotten password with a recovery code', async () => {
    const address = email('forgot');
    await confirmedUser(address);
    const supabase = client();
    expect((await supabase.auth.resetPasswordForEmail(address)).error).toBeNull();
    const token = await mailedCode(address);
    const { error } = await supabase.auth.verifyOtp({ email: address, token, type: 'recovery' });
    expect(error).toBeNull();
    expect((await supabase.auth.updateUser({ password: 'remembered now' })).error).toBeNull();
    const signIn = await client().auth.signInWithPassword({
      email: address,
      password: 'remembered now',
    });
    expect(signIn.error).toBeNull();
  });

  it('shows codes on an escaped, plain mailbox page', async () => {
    const address = `a&b-${randomUUID().slice(0, 8)}@test.buurtpeil.nl`;
    await client().auth.signInWithOtp({ email: address });
    const code = await mailedCode(address);
    const res = await fetch(stack.mailboxUrl);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(address.replace('&', '&amp;'));
    expect(html).toContain(`<code>${code}</code>`);
    expect(html).not.toContain(address);
  });
});
