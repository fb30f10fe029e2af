import { describe, expect, it } from 'vitest';
import { JwtError, signJwt, verifyJwt } from './jwt.ts';

const SECRET = 'a-test-secret-that-is-at-least-32-characters';
const NOW = 1_800_000_000;

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof JwtError) return e.reason;
    throw e;
  }
  return 'accepted';
}

describe('JWT (HS256)', () => {
  it('round-trips claims', () => {
    const claims = { sub: 'u1', role: 'authenticated', exp: NOW + 60, email: 'a@b.nl' };
    expect(verifyJwt(signJwt(claims, SECRET), SECRET, NOW)).toEqual(claims);
  });

  it('refuses another secret, a changed payload and a stripped signature', () => {
    const token = signJwt({ sub: 'u1', role: 'authenticated' }, SECRET);
    expect(reason(() => verifyJwt(token, `${SECRET}!`, NOW))).toBe('signature');
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'u1', role: 'service_role' })).toString(
      'base64url',
    );
    expect(reason(() => verifyJwt(`${h}.${forged}.${s}`, SECRET, NOW))).toBe('signature');
    expect(reason(() => verifyJwt(`${h}.${forged}.`, SECRET, NOW))).toBe('signature');
  });

  it('refuses alg "none" and other algorithms', () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ role: 'service_role' })).toString('base64url');
    expect(reason(() => verifyJwt(`${header}.${payload}.`, SECRET, NOW))).toBe('algorithm');
  });

  it('refuses an expired token, and accepts one without exp', () => {
    expect(reason(() => verifyJwt(signJwt({ exp: NOW }, SECRET), SECRET, NOW))).toBe('expired');
    expect(reason(() => verifyJwt(signJwt({ exp: NOW + 1 }, SECRET), SECRET, NOW))).toBe(
      'accepted',
    );
    expect(reason(() => verifyJwt(signJwt({ role: 'anon' }, SECRET), SECRET, NOW))).toBe(
      'accepted',
    );
  });

  it('refuses malformed tokens', () => {
    for (const bad of ['', 'a.b', 'a.b.c.d', 'not-base64.%%%.x']) {
      expect(reason(() => verifyJwt(bad, SECRET, NOW))).toBe('malformed');
    }
  });
});
