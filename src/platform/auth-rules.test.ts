import { describe, expect, test } from 'vitest';
import { classifyAuthError, parseStoredSession } from './auth-rules.ts';

describe('parseStoredSession', () => {
  const session = {
    access_token: 'a',
    refresh_token: 'r',
    expires_at: 1_700_000_000,
    user: { id: 'u1', email: 'jan@example.nl' },
  };

  test('reads the user of a stored session, expired or not', () => {
    expect(parseStoredSession(JSON.stringify(session))).toEqual({
      id: 'u1',
      email: 'jan@example.nl',
    });
  });

  test.each([
    ['nothing stored', null],
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['no refresh token', JSON.stringify({ ...session, refresh_token: undefined })],
    ['no expiry', JSON.stringify({ ...session, expires_at: undefined })],
    ['no user', JSON.stringify({ ...session, user: undefined })],
    ['user without id', JSON.stringify({ ...session, user: { email: 'x@y.nl' } })],
  ])('no user when %s', (_label, raw) => {
    expect(parseStoredSession(raw)).toBeNull();
  });

  test('a user without an email address (a phone login) still counts', () => {
    const raw = JSON.stringify({ ...session, user: { id: 'u2' } });
    expect(parseStoredSession(raw)).toEqual({ id: 'u2', email: '' });
  });
});

describe('classifyAuthError', () => {
  const network = { name: 'AuthRetryableFetchError', status: 0 };

  test('a failed fetch is "offline" only when the browser is offline', () => {
    expect(classifyAuthError('password', network, false)).toBe('offline');
    expect(classifyAuthError('password', network, true)).toBe('unknown');
  });

  test('rate limits, by status or by code', () => {
    expect(classifyAuthError('request-code', { status: 429 }, true)).toBe('rate-limited');
    expect(
      classifyAuthError('verify-code', { status: 400, code: 'over_request_rate_limit' }, true),
    ).toBe('rate-limited');
  });

  test('a rejected password or code, with or without an error code', () => {
    expect(classifyAuthError('password', { status: 400, code: 'invalid_credentials' }, true)).toBe(
      'invalid-credentials',
    );
    expect(classifyAuthError('password', { status: 400 }, true)).toBe('invalid-credentials');
    expect(classifyAuthError('verify-code', { status: 403, code: 'otp_expired' }, true)).toBe(
      'invalid-code',
    );
  });

  test('asking a code for an unknown address looks like success', () => {
    expect(classifyAuthError('request-code', { status: 422, code: 'otp_disabled' }, true)).toBe(
      null,
    );
    expect(classifyAuthError('request-code', { status: 400, code: 'user_not_found' }, true)).toBe(
      null,
    );
  });

  test('server errors are not blamed on the user', () => {
    expect(classifyAuthError('password', { status: 500 }, true)).toBe('unknown');
    expect(classifyAuthError('request-code', { status: 500 }, true)).toBe('unknown');
    expect(classifyAuthError('sign-out', { status: 400 }, true)).toBe('unknown');
  });
});
