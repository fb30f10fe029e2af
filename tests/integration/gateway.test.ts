import { describe, expect, inject, it } from 'vitest';
import { signJwt } from '../../supabase/local/jwt.ts';

const stack = inject('stack');

describe('gateway', () => {
  it('refuses a request without an API key the way Supabase does', async () => {
    const res = await fetch(`${stack.apiUrl}/rest/v1/`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'No API key found in request' });
  });

  it('refuses an API key that is not one of the project', async () => {
    const forged = signJwt({ role: 'anon' }, 'not-the-project-secret-but-32-chars-long!');
    const res = await fetch(`${stack.apiUrl}/rest/v1/`, { headers: { apikey: forged } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'Invalid API key' });
  });

  it('answers a CORS preflight for any origin', async () => {
    const res = await fetch(`${stack.apiUrl}/rest/v1/organisations`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:4173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'apikey, authorization, content-type',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('apikey');
    expect(res.headers.get('access-control-expose-headers')).toContain('content-range');
  });

  it('gives 401 for a forged user JWT on the REST API', async () => {
    const forged = signJwt(
      { sub: '00000000-0000-0000-0000-000000000001', role: 'authenticated' },
      'not-the-project-secret-but-32-chars-long!',
    );
    const res = await fetch(`${stack.apiUrl}/rest/v1/`, {
      headers: { apikey: stack.anonKey, authorization: `Bearer ${forged}` },
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('PGRST301');
  });

  it('gives 401 for an expired user JWT on the REST API', async () => {
    const expired = signJwt(
      { sub: '00000000-0000-0000-0000-000000000001', role: 'authenticated', exp: 1000 },
      stack.jwtSecret,
    );
    const res = await fetch(`${stack.apiUrl}/rest/v1/`, {
      headers: { apikey: stack.anonKey, authorization: `Bearer ${expired}` },
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toMatch(/expired/i);
  });

  it('answers unknown routes with 404 JSON', async () => {
    const res = await fetch(`${stack.apiUrl}/nothing/here`);
    expect(res.status).toBe(404);
  });
});
