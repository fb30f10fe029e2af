/**
 * Actors, places and helpers for the RLS and bad-input tests: who calls PostgREST (with a JWT we
 * sign ourselves, as GoTrue would), and superuser helpers to set up fixtures and to check what was
 * really written, behind RLS's back.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { signJwt } from '../../supabase/local/jwt.ts';
import type { TestStack } from './stack-setup.ts';

/** Organisations from supabase/seed.sql. */
export const ORG = {
  gemeente: '0a000000-0000-4000-8000-000000000001',
  woonconcept: '0a000000-0000-4000-8000-000000000011',
  domesta: '0a000000-0000-4000-8000-000000000012',
  actium: '0a000000-0000-4000-8000-000000000013',
  shdh: '0a000000-0000-4000-8000-000000000021',
  cascade: '0a000000-0000-4000-8000-000000000022',
  smederijen: '0a000000-0000-4000-8000-000000000031',
} as const;

/** Demo users from supabase/seed.sql. */
export const USER = {
  gemeente: '0b000000-0000-4000-8000-000000000001',
  smederij: '0b000000-0000-4000-8000-000000000002',
  woonconcept: '0b000000-0000-4000-8000-000000000003',
  domesta: '0b000000-0000-4000-8000-000000000004',
  huurder: '0b000000-0000-4000-8000-000000000006',
} as const;

export type ActorName = 'anon' | 'stranger' | 'huurder' | 'smederij' | 'corporatie' | 'gemeente';

/** The columns of the RLS matrix, in order. */
export const ACTOR_NAMES = [
  'anon',
  'stranger',
  'huurder',
  'smederij',
  'corporatie',
  'gemeente',
] as const satisfies readonly ActorName[];

export interface Actor {
  name: ActorName;
  /** null for anon (no JWT). */
  userId: string | null;
  /** The organisation the database gives the actor (null: no profile). */
  organisationId: string | null;
}

/**
 * anon: only the anon key. stranger: a valid JWT for a user without a profile (not even in
 * auth.users). The others are the demo users: the Smederijen team works in wijk 50 and wijk 51,
 * the SHDH tenant lives in wijk 50, the corporation is Woonconcept.
 */
export const ACTORS: Record<ActorName, Actor> = {
  anon: { name: 'anon', userId: null, organisationId: null },
  stranger: { name: 'stranger', userId: randomUUID(), organisationId: null },
  huurder: { name: 'huurder', userId: USER.huurder, organisationId: ORG.shdh },
  smederij: { name: 'smederij', userId: USER.smederij, organisationId: ORG.smederijen },
  corporatie: { name: 'corporatie', userId: USER.woonconcept, organisationId: ORG.woonconcept },
  gemeente: { name: 'gemeente', userId: USER.gemeente, organisationId: ORG.gemeente },
};

export interface Place {
  lon: number;
  lat: number;
  buurt: string;
}

/** Label points of buurten (public/data/hoogeveen-gebieden.csv), and one far outside. */
export const PLACE = {
  /** Wijk 50: the tenant's and the Smederijen team's. */
  centrum: { lon: 6.47908, lat: 52.72469, buurt: 'BU01185000' },
  krakeel: { lon: 6.51094, lat: 52.72407, buurt: 'BU01185003' },
  /** Wijk 51 De Weide: the Smederijen team's, not the tenant's. */
  kinholt: { lon: 6.43724, lat: 52.72227, buurt: 'BU01185101' },
  /** Wijk 60: neither the team's nor the tenant's. */
  pesse: { lon: 6.45273, lat: 52.77138, buurt: 'BU01186000' },
  amsterdam: { lon: 4.9041, lat: 52.3676, buurt: '' },
} as const satisfies Record<string, Place>;

/** A point as PostgREST takes and gives it. */
export const pointText = (p: { lon: number; lat: number }): string => `(${p.lon},${p.lat})`;

/** The JSON body of a PostgREST error. */
export interface PostgrestError {
  code: string;
  message: string;
  hint: string | null;
  details: string | null;
}

export interface ApiResponse {
  status: number;
  /** Parsed JSON, or null for an empty body. */
  body: unknown;
}

export type Who = ActorName | 'service_role' | { userId: string };

export interface RequestOptions {
  body?: unknown;
  prefer?: string;
}

/** Calls PostgREST through the gateway as actors, with JWTs signed once per user. */
export class Api {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly stack: TestStack) {}

  /** A user JWT as GoTrue issues it, valid for an hour. */
  token(userId: string): string {
    let token = this.tokens.get(userId);
    if (!token) {
      const exp = Math.floor(Date.now() / 1000) + 3600;
      token = signJwt(
        { sub: userId, role: 'authenticated', aud: 'authenticated', exp },
        this.stack.jwtSecret,
      );
      this.tokens.set(userId, token);
    }
    return token;
  }

  private bearer(who: Who): string | null {
    if (who === 'service_role') return this.stack.serviceRoleKey;
    if (typeof who === 'object') return this.token(who.userId);
    const userId = ACTORS[who].userId;
    return userId ? this.token(userId) : null;
  }

  /** `path` is relative to /rest/v1/, e.g. `observations?id=eq.…`. */
  async request(
    who: Who,
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { apikey: this.stack.anonKey };
    const bearer = this.bearer(who);
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.prefer) headers.prefer = opts.prefer;
    const res = await fetch(`${this.stack.apiUrl}/rest/v1/${path}`, {
      method,
      headers,
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  /** Calls a function through /rest/v1/rpc. */
  rpc(who: Who, fn: string, args: Record<string, unknown>): Promise<ApiResponse> {
    return this.request(who, 'POST', `rpc/${fn}`, { body: args });
  }
}

/** The HTTP status PostgREST gives for 42501 (insufficient privilege): 401 without a JWT. */
export const deniedStatus = (who: Who): number => (who === 'anon' ? 401 : 403);

export type Row = Record<string, unknown>;

/** Superuser access: fixtures, and what is really in a table (RLS does not apply). */
export class Db {
  readonly pool: pg.Pool;

  constructor(stack: TestStack) {
    this.pool = new pg.Pool({ connectionString: stack.dbUrl, max: 4 });
  }

  async query<T extends Row = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }

  /** Inserts one row (triggers run; auth.uid() is null, so created_by etc. are taken as given). */
  async insert(table: string, row: Row): Promise<Row> {
    const cols = Object.keys(row);
    const sql =
      `insert into public.${ident(table)} (${cols.map(ident).join(', ')}) ` +
      `values (${cols.map((_, i) => `$${i + 1}`).join(', ')}) returning to_jsonb(${ident(table)}.*) as row`;
    const [result] = await this.query<{ row: Row }>(sql, Object.values(row));
    if (!result) throw new Error(`insert into ${table} returned nothing`);
    return result.row;
  }

  /** The row matching `key`, as JSON, or null. */
  async find(table: string, key: Row): Promise<Row | null> {
    const cols = Object.keys(key);
    const where = cols.map((c, i) => `${ident(c)} = $${i + 1}`).join(' and ');
    const rows = await this.query<{ row: Row }>(
      `select to_jsonb(t.*) as row from public.${ident(table)} t where ${where}`,
      Object.values(key),
    );
    return rows[0]?.row ?? null;
  }

  /** Number of audit_log rows about a record. */
  async auditCount(recordId: string): Promise<number> {
    const [r] = await this.query<{ n: number }>(
      'select count(*)::int as n from public.audit_log where record_id = $1',
      [recordId],
    );
    return r?.n ?? 0;
  }

  /**
   * A user with a profile (and neighbourhoods), created the way the municipality would.
   * Without `role`, only the auth user exists: a profile can still be added for it.
   */
  async user(opts?: {
    role: 'smederij' | 'huurder' | 'corporatie' | 'gemeente';
    organisationId: string;
    neighbourhoods?: string[];
  }): Promise<string> {
    const id = randomUUID();
    await this.query(
      `insert into auth.users (id, aud, role, email, created_at, updated_at)
       values ($1, 'authenticated', 'authenticated', $2, now(), now())`,
      [id, `${id}@test.buurtpeil.nl`],
    );
    if (opts) {
      await this.insert('profiles', {
        id,
        organisation_id: opts.organisationId,
        role: opts.role,
        display_name: `Test ${opts.role}`,
      });
      for (const code of opts.neighbourhoods ?? []) {
        await this.insert('profile_neighbourhoods', { profile_id: id, neighbourhood_code: code });
      }
    }
    return id;
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return name;
}

/** An observation row for a fixture or an insert (the server fills buurt and sensitivity). */
export function observationRow(opts: {
  place: Place;
  category?: string;
  by?: string;
  org?: string;
  assigned?: string;
  extra?: Row;
}): Row {
  return {
    id: randomUUID(),
    category_code: opts.category ?? 'schoon.zwerfafval',
    location: pointText(opts.place),
    description: 'Testwaarneming',
    ...(opts.by ? { created_by: opts.by } : {}),
    ...(opts.org ? { reporter_organisation_id: opts.org } : {}),
    ...(opts.assigned ? { assigned_organisation_id: opts.assigned } : {}),
    ...opts.extra,
  };
}

/** The PostgREST error a response carries; throws (failing the test) when it carries none. */
export function errorOf(res: ApiResponse): PostgrestError {
  const body = res.body as Partial<PostgrestError> | null;
  if (!body || typeof body.code !== 'string') {
    throw new Error(`expected a PostgREST error, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  return body as PostgrestError;
}
