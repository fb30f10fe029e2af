import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { nodeClient } from '../support/clients.ts';

// Contract tests for the admin API (auth.admin.* with the service_role key).
const stack = inject('stack');
const admin = nodeClient(stack.apiUrl, stack.serviceRoleKey).auth.admin;
const email = (label: string) => `${label}-${randomUUID().slice(0, 8)}@test.buurtpeil.nl`;

describe('auth.admin with the service_role key', () => {
  it('creates a user with metadata and an email identity', async () => {
    const address = email('admin');
    const { data, error } = await admin.createUser({
      email: address,
      password: 'a long enough password',
      email_confirm: true,
      user_metadata: { display_name: 'Ada' },
      app_metadata: { organisation: 'Domesta' },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      email: address,
      role: 'authenticated',
      aud: 'authenticated',
      app_metadata: { provider: 'email', providers: ['email'], organisation: 'Domesta' },
      user_metadata: { display_name: 'Ada', email_verified: true },
    });
    expect(data.user!.email_confirmed_at).toBeTruthy();
    expect(data.user!.identities).toHaveLength(1);
    expect(data.user!.identities![0]!.identity_data).toEqual({
      sub: data.user!.id,
      email: address,
      email_verified: false,
      phone_verified: false,
    });
  });

  it('refuses a second user with the same email: 422 email_exists', async () => {
    const address = email('twice');
    await admin.createUser({ email: address });
    const { error } = await admin.createUser({ email: address.toUpperCase() });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('email_exists');
  });

  it('lists users a page at a time, with the total and the next page', async () => {
    for (let i = 0; i < 3; i++) await admin.createUser({ email: email('listed') });
    const { data, error } = await admin.listUsers({ page: 1, perPage: 2 });
    expect(error).toBeNull();
    expect(data.users).toHaveLength(2);
    expect((data as { total: number }).total).toBeGreaterThanOrEqual(3);
    expect((data as { nextPage: number | null }).nextPage).toBe(2);
    const newestFirst = data.users.map((u) => u.created_at);
    expect([...newestFirst].sort().reverse()).toEqual(newestFirst);
  });

  it('reads, updates and deletes a user by id', async () => {
    const created = (await admin.createUser({ email: email('crud') })).data.user!;
    expect((await admin.getUserById(created.id)).data.user?.id).toBe(created.id);

    const updated = await admin.updateUserById(created.id, {
      email_confirm: true,
      app_metadata: { role: 'huurder' },
      user_metadata: { display_name: 'Bo' },
      ban_duration: '24h',
    });
    expect(updated.error).toBeNull();
    expect(updated.data.user).toMatchObject({
      app_metadata: { role: 'huurder', provider: 'email' },
      user_metadata: { display_name: 'Bo' },
    });
    expect(new Date(updated.data.user!.banned_until!).getTime()).toBeGreaterThan(Date.now());

    expect((await admin.deleteUser(created.id)).error).toBeNull();
    const gone = await admin.getUserById(created.id);
    expect(gone.error?.status).toBe(404);
    expect(gone.error?.code).toBe('user_not_found');
  });

  it('soft-deletes a user, keeping an anonymised row', async () => {
    const address = email('soft');
    const created = (await admin.createUser({ email: address })).data.user!;
    expect((await admin.deleteUser(created.id, true)).error).toBeNull();
    const kept = (await admin.getUserById(created.id)).data.user!;
    expect(kept.email).not.toBe(address);
    expect(kept.deleted_at).toBeTruthy();
  });
});

describe('auth.admin without the service_role key', () => {
  it('is refused for the anon key: 403 not_admin', async () => {
    const anonAdmin = nodeClient(stack.apiUrl, stack.anonKey).auth.admin;
    const created = await anonAdmin.createUser({ email: email('sneaky') });
    expect(created.error?.status).toBe(403);
    expect(created.error?.code).toBe('not_admin');
    const listed = await anonAdmin.listUsers();
    expect(listed.error?.code).toBe('not_admin');
  });
});
