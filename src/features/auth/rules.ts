import type { PlainKey } from '../../lib/i18n/index.ts';
import type { AuthFailure } from '../../platform/auth.ts';

/** Deliberately loose: the server has the last word, this only catches typing slips. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with a typed email address, if anything. */
export function checkEmail(value: string): PlainKey | undefined {
  const email = value.trim();
  if (!email) return 'auth.error.emailMissing';
  return EMAIL.test(email) ? undefined : 'auth.error.emailInvalid';
}

export function checkPassword(value: string): PlainKey | undefined {
  return value ? undefined : 'auth.error.passwordMissing';
}

/** People copy codes as "123 456" or with a dash; only the digits matter. */
export function normaliseCode(value: string): string {
  return value.replace(/[\s-]/g, '');
}

export function checkCode(value: string): PlainKey | undefined {
  return /^\d{6}$/.test(normaliseCode(value)) ? undefined : 'auth.error.codeInvalid';
}

const FAILURE_MESSAGES: Record<AuthFailure, PlainKey> = {
  'invalid-credentials': 'auth.error.invalidCredentials',
  'invalid-code': 'auth.error.invalidCode',
  'rate-limited': 'auth.error.rateLimited',
  offline: 'auth.error.offline',
  unknown: 'auth.error.unknown',
};

export function failureMessage(failure: AuthFailure): PlainKey {
  return FAILURE_MESSAGES[failure];
}

/** The query parameter that carries where to go after logging in. */
export const RETURN_PARAM = 'terug';

/**
 * Where to go after logging in. Only a path on this site, so a crafted link cannot send
 * someone who just logged in to another site ("//evil.example" is protocol-relative).
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string') return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
