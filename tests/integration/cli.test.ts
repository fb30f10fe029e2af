import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../supabase/local/stack.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs `npm run stack` in its own process group, as a terminal would. */
function runStack(dataDir: string, port: number, dbPort: number): Run {
  const child = spawn(
    'npm',
    [
      'run',
      '-s',
      'stack',
      '--',
      '--port',
      String(port),
      '--db-port',
      String(dbPort),
      '--data-dir',
      dataDir,
    ],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => out, exited };
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Pids of every process in a process group (npm, tsx, node, PostgREST, Postgres…). */
function groupPids(pgid: number): number[] {
  return execFileSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([, g]) => g === pgid)
    .map(([pid]) => pid!);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm run stack', () => {
  let dataDir: string;
  let port: number;
  let dbPort: number;
  let first: Run;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'buurtpeil-cli-'));
    await chmod(dataDir, 0o755);
    port = await freePort();
    dbPort = await freePort();
    first = runStack(dataDir, port, dbPort);
    await waitFor(() => first.output().includes('Press Ctrl-C to stop'), 60_000);
  }, 90_000);

  afterAll(async () => {
    if (first.child.exitCode === null && first.child.signalCode === null) {
      process.kill(-first.child.pid!, 'SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the API URL, both keys, the mailbox and the demo logins', () => {
    const out = first.output();
    expect(out).toContain(`API URL: http://127.0.0.1:${port}`);
    expect(out).toMatch(/anon key: eyJ/);
    expect(out).toMatch(/service_role key: eyJ/);
    expect(out).toContain(`Mailbox URL: http://127.0.0.1:${port}/mailbox`);
    expect(out).toContain('gemeente@demo.buurtpeil.nl');
  });

  it('says clearly that a stack already runs on a second start', async () => {
    const second = runStack(dataDir, port, dbPort);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('already running');
    // the first stack is unharmed
    const res = await fetch(`http://127.0.0.1:${port}/rest/v1/`, { headers: { apikey: 'x' } });
    expect(res.status).toBe(401);
  }, 60_000);

  it('stops Postgres and PostgREST on Ctrl-C and leaves no process behind', async () => {
    const pidFile = path.join(dataDir, 'db', 'postmaster.pid');
    const pgPid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    expect(alive(pgPid)).toBe(true);
    const group = groupPids(first.child.pid!);
    expect(group).toContain(pgPid);
    expect(group.length).toBeGreaterThanOrEqual(4); // npm, sh, tsx, node, postgrest, postgres…
    process.kill(-first.child.pid!, 'SIGINT');
    // npm itself dies of the signal; what matters is that the stack cleans up after itself.
    await first.exited;
    await waitFor(() => !alive(pgPid), 10_000);
    await waitFor(() => !existsSync(path.join(dataDir, 'stack.lock')), 10_000);
    expect(existsSync(pidFile)).toBe(false);
    await waitFor(() => group.every((pid) => !alive(pid)), 10_000);
    const gone = await fetch(`http://127.0.0.1:${port}/rest/v1/`).then(
      () => false,
      () => true,
    );
    expect(gone).toBe(true);
  }, 30_000);
});
