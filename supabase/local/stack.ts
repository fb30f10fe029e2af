import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { createAuthService } from './auth/index.ts';
import type { AuthRateLimits } from './auth/ratelimit.ts';
import type { StackContext } from './context.ts';
import { createGateway, listen } from './gateway.ts';
import { LOCAL_JWT_SECRET, apiKeys } from './keys.ts';
import { prepareDatabase, startDatabase } from './postgres.ts';
import { startPostgrest } from './postgrest.ts';
import { createStorageService } from './storage/index.ts';

export interface StackOptions {
  /** Folder for the database and stored files; kept across restarts. */
  dataDir: string;
  /** Gateway port (54321 like `supabase start`); 0 picks a free one. */
  port?: number;
  /** Embedded Postgres port; 0 picks a free one. */
  dbPort?: number;
  /** Use this server instead of an embedded one. */
  databaseUrl?: string | undefined;
  /** Run supabase/seed.sql on a fresh database (default true). */
  seed?: boolean;
  log?: (message: string) => void;
  now?: () => number;
  /** Supabase's auth rate limits; off when left out (test stacks sign in very often). */
  authRateLimits?: AuthRateLimits | false;
}

export interface Stack {
  apiUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  dbUrl: string;
  mailboxUrl: string;
  /** Superuser pool, for tests and tools. */
  pool: pg.Pool;
  stop: () => Promise<void>;
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the local Supabase stack: Postgres (bootstrapped, migrated, seeded), PostgREST, and the
 * gateway with Auth and Storage. Everything started is stopped again if a later step fails.
 */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => log(String(e)));
    stops.length = 0;
  };
  try {
    await mkdir(opts.dataDir, { recursive: true });
    const db = await startDatabase({
      dir: path.join(opts.dataDir, 'db'),
      port: opts.dbPort || (await freePort()),
      externalUrl: opts.databaseUrl,
      log,
    });
    stops.push(db.stop);

    const setup = new pg.Client({ connectionString: db.url });
    await setup.connect();
    try {
      const { applied, seeded } = await prepareDatabase(setup, log, { seed: opts.seed ?? true });
      if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
      if (seeded) log('Seeded the database from supabase/seed.sql');
    } finally {
      await setup.end();
    }

    const pool = new pg.Pool({ connectionString: db.url, max: 10 });
    pool.on('error', (e) => log(`[pool] ${e.message}`));
    stops.push(() => pool.end());

    const authenticatorUrl = db.url.replace(
      /^postgres:\/\/[^@]+@/,
      'postgres://authenticator:postgres@',
    );
    const rest = await startPostgrest({
      dbUrl: opts.databaseUrl
        ? db.url.replace(/\/\/[^@]+@/, '//authenticator:postgres@')
        : authenticatorUrl,
      port: await freePort(),
      jwtSecret: LOCAL_JWT_SECRET,
      log,
    });
    stops.push(rest.stop);

    const keys = apiKeys(LOCAL_JWT_SECRET);
    const ctx: StackContext = {
      pool,
      jwtSecret: LOCAL_JWT_SECRET,
      ...keys,
      apiUrl: 'http://127.0.0.1',
      dataDir: opts.dataDir,
      log,
      now: opts.now ?? (() => Math.floor(Date.now() / 1000)),
    };
    const auth = createAuthService(ctx, { limits: opts.authRateLimits });
    const storage = createStorageService(ctx);
    const gateway = createGateway(ctx, {
      restUrl: rest.url,
      auth: auth.handle,
      storage: storage.handle,
      pages: { '/mailbox': auth.mailbox },
    });
    let port: number;
    try {
      port = await listen(gateway, opts.port ?? 54321);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new Error(
          `Port ${opts.port} is already in use. Is another Buurtpeil or Supabase stack running? ` +
            'Stop it first (Ctrl-C in its terminal, or `supabase stop`).',
          { cause: e },
        );
      }
      throw e;
    }
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          gateway.close(() => resolve());
          gateway.closeAllConnections();
        }),
    );
    ctx.apiUrl = `http://127.0.0.1:${port}`;
    return {
      apiUrl: ctx.apiUrl,
      ...keys,
      jwtSecret: LOCAL_JWT_SECRET,
      dbUrl: db.url,
      mailboxUrl: `${ctx.apiUrl}/mailbox`,
      pool,
      stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
