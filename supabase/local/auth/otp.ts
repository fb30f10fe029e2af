import { randomInt, randomUUID } from 'node:crypto';
import {
  insertIdentity,
  insertUser,
  saveOneTimeToken,
  setUser,
  tokenHash,
  updateUserMetadata,
} from './accounts.ts';
import { at, transaction, type Tx } from './db.ts';
import { badRequest, unprocessable } from './errors.ts';
import { bool, obj, readParams, requestAud, str, validateEmail, validatePhone } from './params.ts';
import { json, type AuthRequest, type OutgoingMail, type Reply } from './route.ts';
import { findUserByEmail, findUserByPhone, type UserRow } from './users.ts';

/** How long an emailed code stays valid (GoTrue's `GOTRUE_MAILER_OTP_EXP` default). */
export const OTP_EXP_SECONDS = 3600;
const OTP_LENGTH = 6;

/** Subjects of Supabase's default email templates. */
export const SUBJECTS = {
  confirmation: 'Confirm Your Signup',
  magiclink: 'Your Magic Link',
  recovery: 'Reset Your Password',
  emailChange: 'Confirm Email Change',
} as const;

/** A numeric one-time code (GoTrue's `GenerateOtp`). */
export function generateOtp(): string {
  return String(randomInt(0, 10 ** OTP_LENGTH)).padStart(OTP_LENGTH, '0');
}

/** Stores a confirmation code for the user's email and queues the mail that carries it. */
async function sendConfirmation(tx: Tx, now: Date, user: UserRow, outbox: OutgoingMail[]) {
  const email = user.email ?? '';
  const code = generateOtp();
  const hash = tokenHash(email, code);
  await setUser(tx, now, user.id, { confirmation_token: hash, confirmation_sent_at: now });
  await saveOneTimeToken(tx, user.id, 'confirmation_token', hash, email);
  outbox.push({ to: email, subject: SUBJECTS.confirmation, code });
}

/** Stores a recovery code (used by magic links and password resets) and queues its mail. */
async function sendRecovery(
  tx: Tx,
  now: Date,
  user: UserRow,
  outbox: OutgoingMail[],
  subject: string,
) {
  const email = user.email ?? '';
  const code = generateOtp();
  const hash = tokenHash(email, code);
  await setUser(tx, now, user.id, { recovery_token: hash, recovery_sent_at: now });
  await saveOneTimeToken(tx, user.id, 'recovery_token', hash, email);
  outbox.push({ to: email, subject, code });
}

/** A new, unconfirmed email user, as GoTrue's signup makes one for a first sign-in code. */
async function signUpByEmail(tx: Tx, now: Date, email: string, aud: string, data: object) {
  const id = randomUUID();
  const identity = { sub: id, email, email_verified: false, phone_verified: false };
  await insertUser(tx, now, {
    id,
    aud,
    email,
    phone: '',
    passwordHash: '',
    userMetadata: { ...data, ...identity },
    appMetadata: { provider: 'email', providers: ['email'] },
  });
  await insertIdentity(tx, now, id, 'email', identity);
  await setUser(tx, now, id, { role: 'authenticated' });
}

/**
 * `POST /otp`: emails a 6-digit sign-in code. A new (or still unconfirmed) address gets a signup
 * confirmation code, a confirmed one a magic-link code; `verify` accepts either as type `email`.
 * `create_user: false` refuses unknown addresses with `otp_disabled`, as GoTrue does.
 */
export async function otp(r: AuthRequest): Promise<Reply> {
  const p = await readParams(r.req);
  let email = str(p, 'email');
  let phone = str(p, 'phone');
  const createUser = bool(p, 'create_user', true);
  const data = obj(p, 'data') ?? {};
  if (email !== '' && phone !== '') {
    throw badRequest(
      'validation_failed',
      'Only an email address or phone number should be provided',
    );
  }
  if (email !== '' && str(p, 'channel') !== '') {
    throw badRequest('validation_failed', 'Channel should only be specified with Phone OTP');
  }
  const aud = requestAud(r.req);
  if (email !== '') email = validateEmail(email);
  if (phone !== '') phone = validatePhone(phone);
  await transaction(r.ctx, async (tx) => {
    const now = at(r.ctx);
    if (phone !== '') {
      if (!createUser && !(await findUserByPhone(tx, phone, aud))) {
        throw unprocessable('otp_disabled', 'Signups not allowed for otp');
      }
      throw badRequest('phone_provider_disabled', 'Unsupported phone provider');
    }
    if (email === '') throw badRequest('validation_failed', 'One of email or phone must be set');
    let user = await findUserByEmail(tx, email, aud);
    if (!user && !createUser) throw unprocessable('otp_disabled', 'Signups not allowed for otp');
    if (!user) {
      await signUpByEmail(tx, now, email, aud, data);
      user = await findUserByEmail(tx, email, aud);
      if (!user) throw new Error('the new user cannot be found');
      await sendConfirmation(tx, now, user, r.outbox);
    } else if (!user.email_confirmed_at) {
      if (Object.keys(data).length) await updateUserMetadata(tx, now, user, data);
      await sendConfirmation(tx, now, user, r.outbox);
    } else {
      await sendRecovery(tx, now, user, r.outbox, SUBJECTS.magiclink);
    }
  });
  return json({});
}

/**
 * `POST /recover` (`resetPasswordForEmail`): emails a recovery code; `verify` with type
 * `recovery` turns it into a session in which the user sets a new password. Unknown addresses
 * get the same empty answer, so the endpoint does not reveal who has an account.
 */
export async function recover(r: AuthRequest): Promise<Reply> {
  const p = await readParams(r.req);
  const email = validateEmail(str(p, 'email'));
  const aud = requestAud(r.req);
  await transaction(r.ctx, async (tx) => {
    const user = await findUserByEmail(tx, email, aud);
    if (user) await sendRecovery(tx, at(r.ctx), user, r.outbox, SUBJECTS.recovery);
  });
  return json({});
}

/** Stores the codes of an email change and queues one mail to each address. */
export async function sendEmailChange(
  tx: Tx,
  now: Date,
  user: UserRow,
  newEmail: string,
  outbox: OutgoingMail[],
): Promise<void> {
  const codeNew = generateOtp();
  const hashNew = tokenHash(newEmail, codeNew);
  // Secure email change (Supabase's default): the current address must confirm too.
  const current = user.email ?? '';
  const codeCurrent = current ? generateOtp() : '';
  const hashCurrent = current ? tokenHash(current, codeCurrent) : '';
  await setUser(tx, now, user.id, {
    email_change: newEmail,
    email_change_token_new: hashNew,
    email_change_token_current: hashCurrent,
    email_change_sent_at: now,
    email_change_confirm_status: 0,
  });
  if (hashCurrent) {
    await saveOneTimeToken(tx, user.id, 'email_change_token_current', hashCurrent, current);
    outbox.push({ to: current, subject: SUBJECTS.emailChange, code: codeCurrent });
  }
  await saveOneTimeToken(tx, user.id, 'email_change_token_new', hashNew, newEmail);
  outbox.push({ to: newEmail, subject: SUBJECTS.emailChange, code: codeNew });
}
