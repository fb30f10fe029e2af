import { createHash, randomUUID } from 'node:crypto';
import {
  clearOneTimeTokens,
  confirmEmail,
  insertIdentity,
  insertUser,
  logout,
  setUser,
  updateAppMetadata,
  updateIdentityData,
  updatePassword,
  updateUserMetadata,
} from './accounts.ts';
import { isUuid, requireAdmin } from './authn.ts';
import { at, NIL_INSTANCE, transaction, type Tx } from './db.ts';
import { badRequest, internal, notFound, unprocessable } from './errors.ts';
import type { Params } from './params.ts';
import {
  bool,
  obj,
  optStr,
  parseBanDuration,
  readParams,
  requestAud,
  str,
  validateEmail,
  validatePhone,
} from './params.ts';
import { checkPasswordStrength, hashPassword, randomPassword } from './password.ts';
import { json, type AuthRequest, type Reply } from './route.ts';
import { findUserById, findUsersInAudience, userJson, type UserRow } from './users.ts';

/** GoTrue's `loadUser` for `/admin/users/:id`. */
async function loadUser(tx: Tx, id: string): Promise<UserRow> {
  if (!isUuid(id)) throw notFound('validation_failed', 'user_id must be an UUID');
  const user = await findUserById(tx, id);
  if (!user) throw notFound('user_not_found', 'User not found');
  return user;
}

/** Whether an email is in use in the audience, by a user or an identity (`IsDuplicatedEmail`). */
async function emailTaken(tx: Tx, email: string, aud: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `select 1 from auth.users u
     where u.instance_id = $1 and u.aud = $3 and u.is_sso_user = false and (lower(u.email) = $2
       or exists (select 1 from auth.identities i where i.user_id = u.id and i.email = $2))
     limit 1`,
    [NIL_INSTANCE, email, aud],
  );
  return (rowCount ?? 0) > 0;
}

function banUntil(p: Params, now: Date): Date | null | undefined {
  const text = str(p, 'ban_duration');
  if (text === '') return undefined;
  const ms = parseBanDuration(text);
  return ms === 0 ? null : new Date(now.getTime() + ms);
}

/** `GET /admin/users?page=&per_page=`: a page of users with GoTrue's `Link`/`X-Total-Count`. */
export async function listUsers(r: AuthRequest): Promise<Reply> {
  const claims = requireAdmin(r.ctx, r.req);
  const q = r.url.searchParams;
  const num = (name: string, fallback: number) => {
    const text = q.get(name) ?? '';
    if (text === '') return fallback;
    if (!/^\d+$/.test(text)) {
      throw badRequest(
        'validation_failed',
        `Bad Pagination Parameters: strconv.ParseUint: parsing "${text}": invalid syntax`,
      );
    }
    return Number(text);
  };
  const page = Math.max(1, num('page', 1));
  const perPage = num('per_page', 50);
  if (perPage === 0) {
    throw badRequest(
      'validation_failed',
      'Bad Pagination Parameters: per_page must be greater than 0',
    );
  }
  const sort = (q.get('sort') ?? '').trim();
  if (sort !== '' && !/^created_at(\s+(asc|desc))?$/i.test(sort)) {
    throw badRequest(
      'validation_failed',
      `Bad Sort Parameters: ${sort.split(/\s+/)[0]} is not a valid sort field`,
    );
  }
  const aud = requestAud(r.req, claims.aud);
  const { users, total } = await transaction(r.ctx, (tx) =>
    findUsersInAudience(tx, {
      aud,
      filter: q.get('filter') ?? '',
      ascending: /\basc$/i.test(sort),
      page,
      perPage,
    }),
  );
  const totalPages = Math.ceil(total / perPage);
  const link = (n: number) => {
    const query = new URLSearchParams(q);
    query.set('page', String(n));
    query.sort();
    return `</admin/users?${query.toString()}>`;
  };
  const next = totalPages > page ? `${link(page + 1)}; rel="next", ` : '';
  return json(
    { users: users.map(userJson), aud },
    { link: `${next}${link(totalPages)}; rel="last"`, 'x-total-count': String(total) },
  );
}

/** `POST /admin/users`: creates a user, confirmed if `email_confirm` is set. */
export async function createUser(r: AuthRequest): Promise<Reply> {
  const claims = requireAdmin(r.ctx, r.req);
  const p = await readParams(r.req);
  const aud = str(p, 'aud') || requestAud(r.req, claims.aud);
  let email = str(p, 'email');
  let phone = str(p, 'phone');
  const password = optStr(p, 'password');
  const passwordHash = str(p, 'password_hash');
  if (email === '' && phone === '') {
    throw badRequest('validation_failed', 'Cannot create a user without either an email or phone');
  }
  if (email !== '') email = validateEmail(email);
  if (phone !== '') phone = validatePhone(phone);
  if (password !== undefined && passwordHash !== '') {
    throw badRequest('validation_failed', 'Only a password or a password hash should be provided');
  }
  const id = str(p, 'id') || randomUUID();
  if (!isUuid(id)) throw badRequest('validation_failed', 'ID must conform to the uuid v4 format');
  if (id === NIL_INSTANCE) throw badRequest('validation_failed', 'ID cannot be a nil uuid');
  if (passwordHash !== '' && !/^\$2[aby]\$\d\d\$/.test(passwordHash)) {
    throw internal('Error creating user');
  }
  const hash = passwordHash || (await hashPassword(password || randomPassword()));
  const providers = [...(email ? ['email'] : []), ...(phone ? ['phone'] : [])];
  const now = at(r.ctx);
  const bannedUntil = banUntil(p, now);

  const user = await transaction(r.ctx, async (tx) => {
    if (email && (await emailTaken(tx, email, aud))) {
      throw unprocessable(
        'email_exists',
        'A user with this email address has already been registered',
      );
    }
    if (phone) {
      const taken = await tx.query('select 1 from auth.users where phone = $1 and aud = $2', [
        phone,
        aud,
      ]);
      if (taken.rowCount) {
        throw unprocessable('phone_exists', 'Phone number already registered by another user');
      }
    }
    await insertUser(tx, now, {
      id,
      aud,
      email,
      phone,
      passwordHash: hash,
      userMetadata: obj(p, 'user_metadata') ?? {},
      appMetadata: { provider: providers[0], providers },
    });
    const base = { sub: id, email_verified: false, phone_verified: false };
    if (email) await insertIdentity(tx, now, id, 'email', { ...base, email });
    if (phone) await insertIdentity(tx, now, id, 'phone', { ...base, phone });
    await setUser(tx, now, id, { role: str(p, 'role') || 'authenticated' });
    const created = await loadUser(tx, id);
    const appMetadata = obj(p, 'app_metadata');
    if (appMetadata) await updateAppMetadata(tx, now, created, appMetadata);
    if (bool(p, 'email_confirm')) await confirmEmail(tx, now, created);
    if (bool(p, 'phone_confirm')) await setUser(tx, now, id, { phone_confirmed_at: now });
    if (bannedUntil !== undefined) await setUser(tx, now, id, { banned_until: bannedUntil });
    return loadUser(tx, id);
  });
  return json(userJson(user));
}

/** `GET /admin/users/:id`. */
export async function getUserById(r: AuthRequest): Promise<Reply> {
  requireAdmin(r.ctx, r.req);
  const user = await transaction(r.ctx, (tx) => loadUser(tx, r.params.id ?? ''));
  return json(userJson(user));
}

/** `PUT /admin/users/:id`: changes anything, without confirmation mails. */
export async function updateUserById(r: AuthRequest): Promise<Reply> {
  requireAdmin(r.ctx, r.req);
  const p = await readParams(r.req);
  let email = str(p, 'email');
  let phone = str(p, 'phone');
  if (email !== '') email = validateEmail(email);
  if (phone !== '') phone = validatePhone(phone);
  const now = at(r.ctx);
  const bannedUntil = banUntil(p, now);
  const password = optStr(p, 'password');
  if (password !== undefined) checkPasswordStrength(password);
  const hash = password !== undefined ? await hashPassword(password) : undefined;
  const emailConfirm = bool(p, 'email_confirm');
  const phoneConfirm = bool(p, 'phone_confirm');

  const user = await transaction(r.ctx, async (tx) => {
    const user = await loadUser(tx, r.params.id ?? '');
    const role = str(p, 'role');
    if (role) await setUser(tx, now, user.id, { role });
    if (emailConfirm) await confirmEmail(tx, now, user);
    if (phoneConfirm) {
      await setUser(tx, now, user.id, { phone_confirmed_at: now, confirmation_token: '' });
      await clearOneTimeTokens(tx, user.id);
    }
    if (hash !== undefined) await updatePassword(tx, now, user.id, hash);
    for (const [provider, value, verified] of [
      ['email', email, emailConfirm],
      ['phone', phone, phoneConfirm],
    ] as const) {
      if (value === '') continue;
      const data = { [provider]: value, [`${provider}_verified`]: verified };
      if (!(await updateIdentityData(tx, now, user.id, provider, data))) {
        const base = { sub: user.id, email_verified: false, phone_verified: false };
        await insertIdentity(tx, now, user.id, provider, { ...base, ...data });
      }
      if (user.is_anonymous && verified) await setUser(tx, now, user.id, { is_anonymous: false });
      await setUser(tx, now, user.id, { [provider]: value });
    }
    const appMetadata = obj(p, 'app_metadata');
    if (appMetadata) await updateAppMetadata(tx, now, user, appMetadata);
    const userMetadata = obj(p, 'user_metadata');
    if (userMetadata) await updateUserMetadata(tx, now, user, userMetadata);
    if (bannedUntil !== undefined) await setUser(tx, now, user.id, { banned_until: bannedUntil });
    return loadUser(tx, user.id);
  });
  return json(userJson(user));
}

/** GoTrue's `obfuscateValue`: what a soft-deleted user's identifiers are replaced with. */
const obfuscate = (id: string, value: string) =>
  createHash('sha256')
    .update(id + value)
    .digest('base64url');

/** `DELETE /admin/users/:id` (`should_soft_delete` keeps an anonymised row). */
export async function deleteUser(r: AuthRequest): Promise<Reply> {
  requireAdmin(r.ctx, r.req);
  const p = await readParams(r.req);
  const soft = bool(p, 'should_soft_delete');
  await transaction(r.ctx, async (tx) => {
    const user = await loadUser(tx, r.params.id ?? '');
    if (!soft) {
      await tx.query('delete from auth.users where id = $1', [user.id]);
      return;
    }
    if (user.deleted_at) return;
    const now = at(r.ctx);
    await setUser(tx, now, user.id, {
      email: obfuscate(user.id, user.email ?? ''),
      phone: obfuscate(user.id, user.phone ?? '').slice(0, 15),
      email_change: obfuscate(user.id, user.email_change ?? ''),
      phone_change: obfuscate(user.id, user.phone_change ?? '').slice(0, 15),
      encrypted_password: null,
      confirmation_token: '',
      recovery_token: '',
      email_change_token_current: '',
      email_change_token_new: '',
      phone_change_token: '',
      deleted_at: now,
      raw_user_meta_data: {},
      raw_app_meta_data: {},
    });
    await clearOneTimeTokens(tx, user.id);
    for (const i of user.identities) {
      await tx.query(
        `update auth.identities set identity_data = '{}', provider_id = $2 where id = $1`,
        [i.id, obfuscate(user.id, `${i.provider}:${i.provider_id}`)],
      );
    }
    await logout(tx, user.id, 'global');
  });
  return json({});
}
