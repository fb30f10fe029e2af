import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims of a Supabase-issued JWT (the subset the stack reads). */
export interface JwtClaims {
  [claim: string]: unknown;
  sub?: string;
  role?: string;
  aud?: string | string[];
  exp?: number;
  iat?: number;
  iss?: string;
  email?: string;
  session_id?: string;
}

export class JwtError extends Error {
  constructor(
    message: string,
    readonly reason: 'malformed' | 'signature' | 'expired' | 'algorithm',
  ) {
    super(message);
  }
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** Signs claims as an HS256 JWT, as GoTrue does with the project's JWT secret. */
export function signJwt(claims: JwtClaims, secret: string): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  return `${header}.${payload}.${b64url(signature)}`;
}

/**
 * Verifies an HS256 JWT and returns its claims. `now` is seconds since the epoch (passed in so
 * callers and tests agree on one clock).
 */
export function verifyJwt(token: string, secret: string, now: number): JwtClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new JwtError('JWT must have 3 parts', 'malformed');
  const [header, payload, signature] = parts as [string, string, string];
  let alg: unknown;
  let claims: JwtClaims;
  try {
    alg = (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown }).alg;
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JwtClaims;
  } catch {
    throw new JwtError('JWT is not valid JSON', 'malformed');
  }
  if (alg !== 'HS256') throw new JwtError('JWT algorithm is not supported', 'algorithm');
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new JwtError('JWT signature is invalid', 'signature');
  }
  if (typeof claims !== 'object' || claims === null) {
    throw new JwtError('JWT claims are not an object', 'malformed');
  }
  if (typeof claims.exp === 'number' && claims.exp <= now) {
    throw new JwtError('JWT expired', 'expired');
  }
  return claims;
}
