import type { Tx } from './db.ts';
import { NIL_INSTANCE } from './db.ts';

export type Json = Record<string, unknown>;

/** A row of `auth.identities`. */
export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Json;
  provider: string;
  last_sign_in_at: string | null;
  created_at: string | null;
  updated_at: string | null;
  email: string | null;
}

/** A row of `auth.users` with its identities. */
export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_token: string | null;
  confirmation_sent_at: Date | null;
  recovery_token: string | null;
  recovery_sent_at: Date | null;
  email_change_token_new: string | null;
  email_change: string | null;
  email_change_sent_at: Date | null;
  email_change_token_current: string | null;
  email_change_confirm_status: number | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Json | null;
  raw_user_meta_data: Json | null;
  created_at: Date | null;
  updated_at: Date | null;
  phone: string | null;
  phone_confirmed_at: Date | null;
  phone_change: string | null;
  phone_change_sent_at: Date | null;
  confirmed_at: Date | null;
  banned_until: Date | null;
  reauthentication_sent_at: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
  is_sso_user: boolean;
  identities: IdentityRow[];
}

/**
 * Columns GoTrue reads into non-nullable Go strings without a database default. A NULL in any of
 * them makes every query that loads the user fail on Supabase ("Database error querying schema",
 * supabase/auth#1940), which is what hand-written seeds most often get wrong.
 */
const NOT_NULL_FOR_GOTRUE = [
  'confirmation_token',
  'recovery_token',
  'email_change_token_new',
  'email_change',
] as const;

/** Thrown when a user row would fail to load in GoTrue; see `NOT_NULL_FOR_GOTRUE`. */
export class UnloadableUserError extends Error {}

const SELECT_USER = `
  select u.*,
    coalesce((select json_agg(i order by i.created_at, i.id) from auth.identities i
              where i.user_id = u.id), '[]'::json) as identities
  from auth.users u`;

function checkLoadable(row: UserRow): UserRow {
  const nulls = NOT_NULL_FOR_GOTRUE.filter((c) => row[c] === null);
  if (nulls.length) {
    throw new UnloadableUserError(
      `auth.users row ${row.id} has NULL in ${nulls.join(', ')}. Supabase Auth cannot load such a ` +
        `user and answers 500 "Database error querying schema" (supabase/auth#1940); the local ` +
        `stack does the same. Insert '' into these columns (e.g. in supabase/seed.sql).`,
    );
  }
  return row;
}

async function findOne(tx: Tx, where: string, values: unknown[]): Promise<UserRow | null> {
  const { rows } = await tx.query<UserRow>(`${SELECT_USER} where ${where} limit 1`, values);
  return rows[0] ? checkLoadable(rows[0]) : null;
}

export function findUserById(tx: Tx, id: string, lock = false): Promise<UserRow | null> {
  return findOne(tx, `u.instance_id = $1 and u.id = $2${lock ? ' for update of u' : ''}`, [
    NIL_INSTANCE,
    id,
  ]);
}

export function findUserByEmail(tx: Tx, email: string, aud: string): Promise<UserRow | null> {
  return findOne(
    tx,
    'u.instance_id = $1 and lower(u.email) = $2 and u.aud = $3 and u.is_sso_user = false',
    [NIL_INSTANCE, email.toLowerCase(), aud],
  );
}

export function findUserByPhone(tx: Tx, phone: string, aud: string): Promise<UserRow | null> {
  return findOne(
    tx,
    'u.instance_id = $1 and u.phone = $2 and u.aud = $3 and u.is_sso_user = false',
    [NIL_INSTANCE, phone, aud],
  );
}

/** Users of an audience, a page at a time, newest first (GoTrue's `FindUsersInAudience`). */
export async function findUsersInAudience(
  tx: Tx,
  opts: { aud: string; filter: string; ascending: boolean; page: number; perPage: number },
): Promise<{ users: UserRow[]; total: number }> {
  const where = `u.instance_id = $1 and u.aud = $2
    and ($3 = '' or u.email like '%' || $3 || '%' or u.raw_user_meta_data ->> 'full_name' ilike '%' || $3 || '%')`;
  const args = [NIL_INSTANCE, opts.aud, opts.filter];
  const count = await tx.query<{ n: string }>(
    `select count(*) as n from auth.users u where ${where}`,
    args,
  );
  const { rows } = await tx.query<UserRow>(
    `${SELECT_USER} where ${where}
     order by u.created_at ${opts.ascending ? 'asc' : 'desc'}, u.id
     limit $4 offset $5`,
    [...args, opts.perPage, (opts.page - 1) * opts.perPage],
  );
  return { users: rows.map(checkLoadable), total: Number(count.rows[0]?.n ?? 0) };
}

/** Whether a ban is in force at `now`. */
export function isBanned(user: UserRow, now: Date): boolean {
  return user.banned_until !== null && user.banned_until.getTime() > now.getTime();
}

/** Merges `updates` into metadata the way GoTrue does: a null value removes the key. */
export function mergeMetadata(current: Json | null, updates: Json): Json {
  const out: Json = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(updates)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

// Go's time.Time marshals a zero (NULL-scanned) time as year 1.
const iso = (d: Date | string | null): string =>
  d === null ? '0001-01-01T00:00:00Z' : new Date(d).toISOString();
const isoOpt = (d: Date | string | null): string | undefined =>
  d === null ? undefined : new Date(d).toISOString();

/** An identity as GoTrue's JSON shows it (`identity_id` is the row id, `id` the provider's). */
export function identityJson(i: IdentityRow): Json {
  return {
    identity_id: i.id,
    id: i.provider_id,
    user_id: i.user_id,
    identity_data: i.identity_data,
    provider: i.provider,
    last_sign_in_at: isoOpt(i.last_sign_in_at),
    created_at: iso(i.created_at),
    updated_at: iso(i.updated_at),
    email: i.email ?? undefined,
  };
}

/** The user object as GoTrue serialises `models.User` (fields in its order; omitempty honoured). */
export function userJson(u: UserRow): Json {
  return {
    id: u.id,
    aud: u.aud ?? '',
    role: u.role ?? '',
    email: u.email ?? '',
    email_confirmed_at: isoOpt(u.email_confirmed_at),
    invited_at: isoOpt(u.invited_at),
    phone: u.phone ?? '',
    phone_confirmed_at: isoOpt(u.phone_confirmed_at),
    confirmation_sent_at: isoOpt(u.confirmation_sent_at),
    confirmed_at: isoOpt(u.confirmed_at),
    recovery_sent_at: isoOpt(u.recovery_sent_at),
    new_email: u.email_change || undefined,
    email_change_sent_at: isoOpt(u.email_change_sent_at),
    new_phone: u.phone_change || undefined,
    phone_change_sent_at: isoOpt(u.phone_change_sent_at),
    reauthentication_sent_at: isoOpt(u.reauthentication_sent_at),
    last_sign_in_at: isoOpt(u.last_sign_in_at),
    app_metadata: u.raw_app_meta_data,
    user_metadata: u.raw_user_meta_data,
    identities: u.identities.map(identityJson),
    created_at: iso(u.created_at),
    updated_at: iso(u.updated_at),
    banned_until: isoOpt(u.banned_until),
    deleted_at: isoOpt(u.deleted_at),
    is_anonymous: u.is_anonymous,
  };
}
