import { createHash, randomUUID } from 'node:crypto';
import { NIL_INSTANCE, type Tx } from './db.ts';
import { mergeMetadata, type Json, type UserRow } from './users.ts';

/** Columns of `auth.users` the service writes directly. */
type UserColumn =
  | 'role'
  | 'email'
  | 'phone'
  | 'encrypted_password'
  | 'email_confirmed_at'
  | 'phone_confirmed_at'
  | 'confirmation_token'
  | 'confirmation_sent_at'
  | 'recovery_token'
  | 'recovery_sent_at'
  | 'email_change'
  | 'email_change_token_new'
  | 'email_change_token_current'
  | 'email_change_sent_at'
  | 'email_change_confirm_status'
  | 'phone_change'
  | 'phone_change_token'
  | 'phone_change_sent_at'
  | 'reauthentication_token'
  | 'reauthentication_sent_at'
  | 'raw_app_meta_data'
  | 'raw_user_meta_data'
  | 'banned_until'
  | 'last_sign_in_at'
  | 'deleted_at'
  | 'is_anonymous';

/** `UPDATE auth.users` of the given columns, touching `updated_at` as GoTrue's ORM does. */
export async function setUser(
  tx: Tx,
  now: Date,
  id: string,
  cols: Partial<Record<UserColumn, unknown>>,
): Promise<void> {
  const names = Object.keys(cols) as UserColumn[];
  const sets = names.map((n, i) => `${n} = $${i + 3}`);
  await tx.query(`update auth.users set ${[...sets, 'updated_at = $2'].join(', ')} where id = $1`, [
    id,
    now,
    ...names.map((n) => cols[n]),
  ]);
}

/** Inserts a user the way GoTrue's `tx.Create(user)` does (role is set by a later update). */
export async function insertUser(
  tx: Tx,
  now: Date,
  u: {
    id: string;
    aud: string;
    email: string;
    phone: string;
    passwordHash: string;
    userMetadata: Json;
    appMetadata: Json;
    confirmationToken?: string;
    confirmationSentAt?: Date;
  },
): Promise<void> {
  await tx.query(
    `insert into auth.users (instance_id, id, aud, role, email, phone, encrypted_password,
       raw_app_meta_data, raw_user_meta_data, confirmation_token, confirmation_sent_at,
       recovery_token, email_change_token_new, email_change, email_change_token_current,
       phone_change, phone_change_token, reauthentication_token, email_change_confirm_status,
       is_super_admin, is_sso_user, is_anonymous, created_at, updated_at)
     values ($1, $2, $3, '', nullif($4, ''), nullif($5, ''), $6, $7, $8, $9, $10,
       '', '', '', '', '', '', '', 0, false, false, false, $11, $11)`,
    [
      NIL_INSTANCE,
      u.id,
      u.aud,
      u.email,
      u.phone,
      u.passwordHash,
      u.appMetadata,
      u.userMetadata,
      u.confirmationToken ?? '',
      u.confirmationSentAt ?? null,
      now,
    ],
  );
}

/** Adds an identity; `data.sub` is its provider id, as in GoTrue's `NewIdentity`. */
export async function insertIdentity(
  tx: Tx,
  now: Date,
  userId: string,
  provider: string,
  data: Json,
): Promise<void> {
  const identityData = { ...data };
  if (typeof identityData.email === 'string') identityData.email = identityData.email.toLowerCase();
  await tx.query(
    `insert into auth.identities (id, provider_id, user_id, identity_data, provider,
       last_sign_in_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $6, $6)`,
    [randomUUID(), String(data.sub), userId, identityData, provider, now],
  );
}

/** Merges `updates` into an identity's data (GoTrue's `UpdateIdentityData`). */
export async function updateIdentityData(
  tx: Tx,
  now: Date,
  userId: string,
  provider: string,
  updates: Json,
): Promise<boolean> {
  const { rows } = await tx.query<{ id: string; identity_data: Json }>(
    `select id, identity_data from auth.identities where user_id = $1 and provider = $2`,
    [userId, provider],
  );
  const row = rows[0];
  if (!row) return false;
  await tx.query(`update auth.identities set identity_data = $2, updated_at = $3 where id = $1`, [
    row.id,
    mergeMetadata(row.identity_data, updates),
    now,
  ]);
  return true;
}

export async function updateUserMetadata(tx: Tx, now: Date, user: UserRow, updates: Json) {
  user.raw_user_meta_data = mergeMetadata(user.raw_user_meta_data, updates);
  await setUser(tx, now, user.id, { raw_user_meta_data: user.raw_user_meta_data });
}

export async function updateAppMetadata(tx: Tx, now: Date, user: UserRow, updates: Json) {
  user.raw_app_meta_data = mergeMetadata(user.raw_app_meta_data, updates);
  await setUser(tx, now, user.id, { raw_app_meta_data: user.raw_app_meta_data });
}

/** Sets `app_metadata.provider(s)` from the user's identities (`UpdateAppMetaDataProviders`). */
export async function updateAppMetadataProviders(tx: Tx, now: Date, user: UserRow): Promise<void> {
  const { rows } = await tx.query<{ provider: string }>(
    `select provider from auth.identities where user_id = $1 order by created_at, id`,
    [user.id],
  );
  const providers = [...new Set(rows.map((r) => r.provider))];
  const updates: Json = { providers };
  if (providers.length > 0) updates.provider = providers[0];
  await updateAppMetadata(tx, now, user, updates);
}

export type OneTimeTokenType =
  'confirmation_token' | 'recovery_token' | 'email_change_token_new' | 'email_change_token_current';

/** GoTrue's `GenerateTokenHash`: what the users and one_time_tokens tables keep instead of codes. */
export function tokenHash(emailOrPhone: string, otp: string): string {
  return createHash('sha224')
    .update(emailOrPhone + otp)
    .digest('hex');
}

export async function saveOneTimeToken(
  tx: Tx,
  userId: string,
  type: OneTimeTokenType,
  hash: string,
  relatesTo: string,
): Promise<void> {
  await tx.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to)
     values ($1, $2, $3, $4, $5)
     on conflict (user_id, token_type)
     do update set token_hash = excluded.token_hash, relates_to = excluded.relates_to,
                   updated_at = now()`,
    [randomUUID(), userId, type, hash, relatesTo],
  );
}

export async function clearOneTimeTokens(tx: Tx, userId: string, type?: OneTimeTokenType) {
  await tx.query(
    `delete from auth.one_time_tokens where user_id = $1 and ($2::text is null or token_type::text = $2)`,
    [userId, type ?? null],
  );
}

/** GoTrue's `user.Confirm`: the email is verified, pending confirmation codes are spent. */
export async function confirmEmail(tx: Tx, now: Date, user: UserRow): Promise<void> {
  user.confirmation_token = '';
  user.email_confirmed_at = now;
  await setUser(tx, now, user.id, { confirmation_token: '', email_confirmed_at: now });
  await updateUserMetadata(tx, now, user, { email_verified: true });
  await clearOneTimeTokens(tx, user.id);
}

/** Ends sessions: `global` all of the user's, `local` this one, `others` all but this one. */
export async function logout(
  tx: Tx,
  userId: string,
  scope: 'global' | 'local' | 'others',
  sessionId?: string,
): Promise<void> {
  if (sessionId && scope === 'local') {
    await tx.query('delete from auth.sessions where id = $1', [sessionId]);
  } else if (sessionId && scope === 'others') {
    await tx.query('delete from auth.sessions where user_id = $1 and id <> $2', [
      userId,
      sessionId,
    ]);
  } else {
    // Refresh tokens go with their session (on delete cascade).
    await tx.query('delete from auth.sessions where user_id = $1', [userId]);
  }
}

/**
 * GoTrue's `UpdatePassword`: stores the hash, spends every pending code, and signs the user out
 * everywhere else (everywhere, when no session made the change).
 */
export async function updatePassword(
  tx: Tx,
  now: Date,
  userId: string,
  hash: string,
  keepSessionId?: string,
): Promise<void> {
  await setUser(tx, now, userId, {
    encrypted_password: hash,
    confirmation_token: '',
    confirmation_sent_at: null,
    recovery_token: '',
    recovery_sent_at: null,
    email_change_token_current: '',
    email_change_token_new: '',
    email_change_sent_at: null,
    phone_change_token: '',
    phone_change_sent_at: null,
    reauthentication_token: '',
    reauthentication_sent_at: null,
  });
  await clearOneTimeTokens(tx, userId);
  await logout(tx, userId, keepSessionId ? 'others' : 'global', keepSessionId);
}
