/**
 * The developer's entry point to the local stack:
 *   stack   start the local Supabase stack (Postgres, PostgREST, Auth, Storage on one port)
 *   start   the stack, plus a production build of the app served against it
 *   dev     the stack, plus Vite's dev server
 *   reset   delete the local database and files (the next start migrates and seeds afresh)
 * Options: --port N (gateway, default 54321), --db-port N (default 54322), --app-port N,
 * --data-dir DIR (default .local), --reset (reset before starting).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SUPABASE_RATE_LIMITS } from './auth/ratelimit.ts';
import { DEMO_USERS } from './demo-users.ts';
import { removeDatabaseDir, SUPABASE_DIR } from './postgres.ts';
import { startStack, type Stack } from './stack.ts';

const PROJECT_DIR = path.resolve(SUPABASE_DIR, '..');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: process.env.STACK_PORT ?? '54321' },
    'db-port': { type: 'string', default: process.env.STACK_DB_PORT ?? '54322' },
    'app-port': { type: 'string' },
    'data-dir': { type: 'string', default: process.env.STACK_DATA_DIR ?? '.local' },
    reset: { type: 'boolean', default: false },
  },
});
const command = positionals[0] ?? 'stack';
const dataDir = path.resolve(PROJECT_DIR, values['data-dir']);
const lockFile = path.join(dataDir, 'stack.lock');

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

/** Refuses to start when another stack holds this data folder, naming it. */
function takeLock(): void {
  if (existsSync(lockFile)) {
    const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; apiUrl?: string };
    let alive = false;
    try {
      process.kill(lock.pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (alive && lock.pid !== process.pid) {
      fail(
        `The local stack is already running (pid ${lock.pid}${lock.apiUrl ? `, ${lock.apiUrl}` : ''}).\n` +
          '  Use that one, or stop it with Ctrl-C in its terminal (or `kill ' +
          lock.pid +
          '`) before starting again.',
      );
    }
  }
  writeFileSync(lockFile, JSON.stringify({ pid: process.pid }));
}

function releaseLock(): void {
  try {
    const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number };
    if (lock.pid === process.pid) rmSync(lockFile);
  } catch {
    // already gone
  }
}

async function reset(): Promise<void> {
  if (process.env.DATABASE_URL) {
    fail(
      'DATABASE_URL is set: reset only deletes the embedded database. Reset your own server yourself.',
    );
  }
  rmSync(path.join(dataDir, 'storage'), { recursive: true, force: true });
  await removeDatabaseDir(path.join(dataDir, 'db'));
}

function banner(stack: Stack, appUrl?: string): string {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  const lines = [
    '',
    'Buurtpeil local stack is running.',
    '',
    `         API URL: ${stack.apiUrl}`,
    `        REST URL: ${stack.apiUrl}/rest/v1`,
    `          DB URL: ${stack.dbUrl}`,
    `     Mailbox URL: ${stack.mailboxUrl}   (sign-in codes sent by email)`,
    `        anon key: ${stack.anonKey}`,
    `service_role key: ${stack.serviceRoleKey}`,
    `      JWT secret: ${stack.jwtSecret}`,
  ];
  if (appUrl) lines.push('', `         The app: ${appUrl}`);
  lines.push('', 'Demo logins (password for all: see below):');
  for (const u of DEMO_USERS)
    lines.push(`  ${u.email.padEnd(width)}  ${u.role.padEnd(10)} ${u.organisation}`);
  lines.push(`  password: ${DEMO_USERS[0]?.password ?? ''}`, '', 'Press Ctrl-C to stop.', '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  if (!['stack', 'start', 'dev', 'reset'].includes(command)) {
    fail(`Unknown command "${command}". Use one of: stack, start, dev, reset.`);
  }
  mkdirSync(dataDir, { recursive: true });
  takeLock();
  if (command === 'reset' || values.reset) {
    await reset();
    console.log(`Deleted the local database and files in ${dataDir}.`);
    if (command === 'reset') {
      releaseLock();
      console.log('The next `npm start` migrates and seeds a fresh database.');
      return;
    }
  }

  const cleanups: (() => Promise<void>)[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    for (const c of cleanups.reverse()) await c().catch((e: unknown) => console.error(e));
    releaseLock();
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(sig, () => void shutdown(0));
  process.on('uncaughtException', (e) => {
    console.error(e);
    void shutdown(1);
  });

  const started = Date.now();
  let stack: Stack;
  try {
    stack = await startStack({
      dataDir,
      port: Number(values.port),
      dbPort: Number(values['db-port']),
      databaseUrl: process.env.DATABASE_URL,
      // Like a Supabase project; AUTH_RATE_LIMITS=off turns them off (load tests, scripts).
      authRateLimits: process.env.AUTH_RATE_LIMITS === 'off' ? false : SUPABASE_RATE_LIMITS,
    });
  } catch (e) {
    releaseLock();
    fail(e instanceof Error ? e.message : String(e));
  }
  cleanups.push(stack.stop);
  writeFileSync(lockFile, JSON.stringify({ pid: process.pid, apiUrl: stack.apiUrl }));
  console.log(`Stack answered after ${((Date.now() - started) / 1000).toFixed(1)} s.`);

  let appUrl: string | undefined;
  if (command === 'start' || command === 'dev') {
    process.env.VITE_SUPABASE_URL = stack.apiUrl;
    process.env.VITE_SUPABASE_ANON_KEY = stack.anonKey;
    const vite = await import('vite');
    const configFile = path.join(PROJECT_DIR, 'vite.config.ts');
    if (command === 'start') {
      console.log('Building the app…');
      await vite.build({ configFile, logLevel: 'warn' });
      const server = await vite.preview({
        configFile,
        preview: values['app-port'] ? { port: Number(values['app-port']) } : {},
      });
      cleanups.push(() => server.close());
      appUrl = server.resolvedUrls?.local[0];
    } else {
      const server = await vite.createServer({
        configFile,
        server: values['app-port'] ? { port: Number(values['app-port']) } : {},
      });
      await server.listen();
      cleanups.push(() => server.close());
      appUrl = server.resolvedUrls?.local[0];
    }
  }
  console.log(banner(stack, appUrl));
}

void main();
