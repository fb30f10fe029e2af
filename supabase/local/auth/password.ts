import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { unprocessable, weakPassword } from './errors.ts';

/** GoTrue's bcrypt cost (`bcrypt.DefaultCost`). */
const COST = 10;
/** The project's minimum password length (Supabase's default). */
export const MIN_PASSWORD_LENGTH = 6;
/** bcrypt reads at most 72 bytes; GoTrue refuses longer passwords rather than truncate them. */
const MAX_PASSWORD_BYTES = 72;

/**
 * Hashes a password as GoTrue stores it: bcrypt, cost 10, `$2a$` prefix. (bcryptjs writes `$2b$`;
 * for passwords of at most 72 bytes the two are the same algorithm.)
 */
export async function hashPassword(password: string): Promise<string> {
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) {
    throw unprocessable('validation_failed', 'Password cannot be longer than 72 characters');
  }
  const hash = await bcrypt.hash(password, COST);
  return hash.replace(/^\$2[by]\$/, '$2a$');
}

/**
 * Checks a password against a stored bcrypt hash, including the `$2a$` hashes pgcrypto's
 * `crypt(pw, gen_salt('bf'))` makes in hand-written seeds. Anything that is not a bcrypt hash
 * (empty, NULL, another scheme) never matches.
 */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash || !/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/.test(hash)) return false;
  return bcrypt.compare(password, hash);
}

/** GoTrue's `checkPasswordStrength` with the default rules: a minimum length only. */
export function passwordWeakness(password: string): { message: string; reasons: string[] } | null {
  if (password.length >= MIN_PASSWORD_LENGTH) return null;
  return {
    message: `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
    reasons: ['length'],
  };
}

export function checkPasswordStrength(password: string): void {
  const weak = passwordWeakness(password);
  if (weak) throw weakPassword(weak.message, weak.reasons);
}

/** A long random password for users created without one (GoTrue generates one too). */
export function randomPassword(): string {
  return randomBytes(48).toString('base64url').slice(0, 64);
}
