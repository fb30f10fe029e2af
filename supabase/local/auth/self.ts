import { logout as endSessions, updatePassword, updateUserMetadata } from './accounts.ts';
import { authenticate } from './authn.ts';
import { at, transaction } from './db.ts';
import { badRequest, forbidden, unprocessable } from './errors.ts';
import { sendEmailChange } from './otp.ts';
import { obj, optStr, readParams, requestAud, str, validateEmail } from './params.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password.ts';
import { json, type AuthRequest, type Reply } from './route.ts';
import { findUserByEmail, findUserById, userJson } from './users.ts';

/** `GET /user`: the signed-in user. */
export async function getUser(r: AuthRequest): Promise<Reply> {
  return transaction(r.ctx, async (tx) => {
    const { claims, user } = await authenticate(r.ctx, tx, r.req);
    const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
    if (!aud || requestAud(r.req, claims.aud) !== aud) {
      throw badRequest('validation_failed', "Token audience doesn't match request audience");
    }
    return json(userJson(user));
  });
}

/**
 * `PUT /user`: updates the signed-in user's `data` (user_metadata), password or email. A new
 * password signs out the user's other sessions; a new email takes effect once both addresses
 * confirmed it with the emailed codes (`verify` type `email_change`).
 */
export async function updateUser(r: AuthRequest): Promise<Reply> {
  const p = await readParams(r.req);
  let email = str(p, 'email');
  const password = optStr(p, 'password');
  const data = obj(p, 'data');
  const appData = obj(p, 'app_metadata');
  if (email !== '') email = validateEmail(email);
  if (str(p, 'phone') !== '') {
    throw badRequest('phone_provider_disabled', 'Unsupported phone provider');
  }
  if (password !== undefined) checkPasswordStrength(password);
  const newHash = password ? await hashPassword(password) : undefined;

  return transaction(r.ctx, async (tx) => {
    const { claims, user, sessionId } = await authenticate(r.ctx, tx, r.req);
    const now = at(r.ctx);
    const aud = requestAud(r.req, claims.aud);
    if (appData) {
      throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
    }
    if (user.is_anonymous && password && email === '') {
      throw unprocessable(
        'validation_failed',
        'Updating password of an anonymous user without an email or phone is not allowed',
      );
    }
    if (email !== '' && email !== user.email) {
      const other = await findUserByEmail(tx, email, aud);
      if (other && other.id !== user.id) {
        throw unprocessable(
          'email_exists',
          'A user with this email address has already been registered',
        );
      }
    }
    if (password !== undefined) {
      if (password !== '' && (await verifyPassword(password, user.encrypted_password))) {
        throw unprocessable(
          'same_password',
          'New password should be different from the old password.',
        );
      }
      await updatePassword(tx, now, user.id, newHash ?? '', sessionId);
    }
    if (data) await updateUserMetadata(tx, now, user, data);
    if (email !== '' && email !== user.email) {
      await sendEmailChange(tx, now, user, email, r.outbox);
    }
    const updated = await findUserById(tx, user.id);
    return json(userJson(updated ?? user));
  });
}

/** `POST /logout?scope=global|local|others`: ends sessions; 204 without a body. */
export async function logout(r: AuthRequest): Promise<Reply> {
  const scope = r.url.searchParams.get('scope') ?? '';
  if (!['', 'global', 'local', 'others'].includes(scope)) {
    throw badRequest('validation_failed', `Unsupported logout scope "${scope}"`);
  }
  await transaction(r.ctx, async (tx) => {
    const { user, sessionId } = await authenticate(r.ctx, tx, r.req);
    await endSessions(tx, user.id, (scope || 'global') as 'global' | 'local' | 'others', sessionId);
  });
  return { status: 204 };
}
