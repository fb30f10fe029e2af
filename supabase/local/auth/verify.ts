import {
  clearOneTimeTokens,
  confirmEmail,
  insertIdentity,
  setUser,
  tokenHash,
  updateAppMetadataProviders,
  updateIdentityData,
  type OneTimeTokenType,
} from './accounts.ts';
import { at, NIL_INSTANCE, transaction, type Tx } from './db.ts';
import { badRequest, forbidden, unprocessable } from './errors.ts';
import { OTP_EXP_SECONDS } from './otp.ts';
import { readParams, requestAud, str, validateEmail } from './params.ts';
import { json, type AuthRequest, type Reply } from './route.ts';
import { issueSession } from './sessions.ts';
import { findUserByEmail, findUserById, isBanned, type UserRow } from './users.ts';

const SINGLE_CONFIRMATION =
  'Confirmation link accepted. Please proceed to confirm link sent to the other email';

/** Which stored codes a verification type may match, in GoTrue's order. */
const CANDIDATES: Record<string, OneTimeTokenType[]> = {
  email: ['confirmation_token', 'recovery_token'],
  signup: ['confirmation_token'],
  invite: ['confirmation_token'],
  magiclink: ['recovery_token'],
  recovery: ['recovery_token'],
  email_change: ['email_change_token_current', 'email_change_token_new'],
};

/** The stored hash and send time of one kind of code (GoTrue's `legacyUserOtpState`). */
function otpState(user: UserRow, type: OneTimeTokenType): [string, Date | null] {
  switch (type) {
    case 'confirmation_token':
      return [user.confirmation_token ?? '', user.confirmation_sent_at];
    case 'recovery_token':
      return [user.recovery_token ?? '', user.recovery_sent_at];
    case 'email_change_token_current':
      return [user.email_change_token_current ?? '', user.email_change_sent_at];
    case 'email_change_token_new':
      return [user.email_change_token_new ?? '', user.email_change_sent_at];
  }
}

const expired = (sentAt: Date | null, now: Date) =>
  sentAt === null || now.getTime() > sentAt.getTime() + OTP_EXP_SECONDS * 1000;

/** The first candidate whose stored hash matches and has not expired. */
function matchOtp(user: UserRow, hash: string, types: OneTimeTokenType[], now: Date) {
  return types.find((t) => {
    const [stored, sentAt] = otpState(user, t);
    return stored !== '' && (stored === hash || stored === `pkce_${hash}`) && !expired(sentAt, now);
  });
}

/** Finds the user a code was sent to, by address and code (GoTrue's `verifyUserAndToken`). */
async function userByCode(tx: Tx, type: string, email: string, hash: string, aud: string) {
  if (type !== 'email_change') return findUserByEmail(tx, email, aud);
  // The code may be the one sent to the current address or the one sent to the new address.
  const { rows } = await tx.query<{ id: string }>(
    `select id from auth.users
     where instance_id = $1 and aud = $2 and is_sso_user = false and (
       (lower(email) = $3::text and email_change_token_current in ($4::text, 'pkce_' || $4::text)) or
       (lower(email_change) = $3::text and email_change_token_new in ($4::text, 'pkce_' || $4::text)))
     limit 1`,
    [NIL_INSTANCE, aud, email, hash],
  );
  return rows[0] ? findUserById(tx, rows[0].id) : null;
}

/** Finds the user of a `token_hash` (the link flavour of verification). */
async function userByTokenHash(tx: Tx, hash: string, types: OneTimeTokenType[]) {
  const { rows } = await tx.query<{ user_id: string }>(
    `select user_id from auth.one_time_tokens
     where token_hash = $1 and token_type::text = any($2) limit 1`,
    [hash, types],
  );
  return rows[0] ? findUserById(tx, rows[0].user_id) : null;
}

/**
 * `POST /verify`: exchanges an emailed code (with the address it went to) or a `token_hash` for
 * a session. Types: `email`, `signup`, `invite`, `magiclink`, `recovery`, `email_change`.
 */
export async function verify(r: AuthRequest): Promise<Reply> {
  const p = await readParams(r.req);
  let type = str(p, 'type');
  const token = str(p, 'token');
  let hash = str(p, 'token_hash');
  const email = str(p, 'email');
  const phone = str(p, 'phone');
  if (type === '') throw badRequest('validation_failed', 'Verify requires a verification type');
  if ((token === '') === (hash === '')) {
    throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
  }
  let address = '';
  if (token !== '') {
    if (phone !== '' && email === '') {
      // Phone sign-in is not enabled on this project, so no phone code can match.
      throw forbidden('otp_expired', 'Token has expired or is invalid');
    }
    if (phone !== '' || email === '') {
      throw badRequest(
        'validation_failed',
        'Only an email address or phone number should be provided on verify',
      );
    }
    try {
      address = validateEmail(email);
    } catch {
      throw unprocessable('validation_failed', 'Invalid email format');
    }
    hash = tokenHash(address, token);
  } else if (email !== '' || phone !== '' || str(p, 'redirect_to') !== '') {
    throw badRequest('validation_failed', 'Only the token_hash and type should be provided');
  }
  const candidates = CANDIDATES[type];
  const aud = requestAud(r.req);

  return transaction(r.ctx, async (tx) => {
    const now = at(r.ctx);
    const byCode = token !== '';
    const failure = byCode
      ? 'Token has expired or is invalid'
      : 'Email link is invalid or has expired';
    if (!candidates) {
      if (byCode) throw forbidden('otp_expired', failure);
      throw badRequest('validation_failed', 'Invalid email verification type');
    }
    const user = byCode
      ? await userByCode(tx, type, address, hash, aud)
      : await userByTokenHash(tx, hash, candidates);
    if (!user) throw forbidden('otp_expired', failure);
    if (isBanned(user, now)) throw forbidden('user_banned', 'User is banned');
    const matched = matchOtp(user, hash, candidates, now);
    if (!matched) throw forbidden('otp_expired', failure);
    if (type === 'email') type = matched === 'recovery_token' ? 'magiclink' : 'signup';

    if (type === 'signup' || type === 'invite') {
      await confirmEmail(tx, now, user);
      await updateIdentityData(tx, now, user.id, 'email', { email_verified: true });
    } else if (type === 'magiclink' || type === 'recovery') {
      await setUser(tx, now, user.id, { recovery_token: '' });
      await clearOneTimeTokens(tx, user.id);
      if (!user.email_confirmed_at) await confirmEmail(tx, now, user);
    } else if (!(await confirmEmailChange(tx, now, user, matched))) {
      return json({ msg: SINGLE_CONFIRMATION, code: '200' });
    }
    await updateAppMetadataProviders(tx, now, user);
    return json(await issueSession(r.ctx, tx, r.req, user, 'otp'));
  });
}

/**
 * Applies an email change once both addresses confirmed it (secure email change, Supabase's
 * default). Returns false after the first of the two confirmations.
 */
async function confirmEmailChange(tx: Tx, now: Date, user: UserRow, matched: OneTimeTokenType) {
  if ((user.email_change_confirm_status ?? 0) === 0 && user.email) {
    await setUser(tx, now, user.id, { email_change_confirm_status: 1, [matched]: '' });
    await clearOneTimeTokens(tx, user.id, matched);
    return false;
  }
  const newEmail = user.email_change ?? '';
  const identity = { email: newEmail, email_verified: true };
  if (!(await updateIdentityData(tx, now, user.id, 'email', identity))) {
    await insertIdentity(tx, now, user.id, 'email', {
      sub: user.id,
      ...identity,
      phone_verified: false,
    });
  }
  await setUser(tx, now, user.id, {
    email: newEmail,
    email_change: '',
    email_change_token_current: '',
    email_change_token_new: '',
    email_change_confirm_status: 0,
    is_anonymous: false,
  });
  await clearOneTimeTokens(tx, user.id);
  if (!user.email_confirmed_at) await confirmEmail(tx, now, user);
  return true;
}
