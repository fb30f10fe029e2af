import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../supabase/local/stack.ts';
import { median, type Benchmark } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts the stack CLI as `npm run stack` does and returns ms until the REST API answers. */
async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const dbPort = await freePort();
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      'supabase/local/cli.ts',
      'stack',
      '--port',
      String(port),
      '--db-port',
      String(dbPort),
      '--data-dir',
      dataDir,
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/rest/v1/`, {
        headers: { apikey: 'x' },
        signal: AbortSignal.timeout(500),
      })
        .then((r) => r.status === 401) // the gateway answers; PostgREST behind it is up before it listens
        .catch(() => false);
      if (ok) return performance.now() - t0;
      if (child.exitCode !== null) throw new Error(`stack exited early: ${stderr}`);
      if (performance.now() - t0 > 120_000) throw new Error('stack did not answer in 120 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGINT');
    await exited;
  }
}

/**
 * Time from starting the stack to its API answering: first start on an empty data folder (init,
 * bootstrap, migrations, seed) as the baseline for later starts on the same folder.
 */
export const stackStart: Benchmark = {
  name: 'stack-start',
  async run() {
    const dir = await mkdtemp(path.join(tmpdir(), 'buurtpeil-bench-stack-'));
    await chmod(dir, 0o755);
    try {
      const cold = await timeStart(dir);
      const warm: number[] = [];
      for (let i = 0; i < 3; i++) warm.push(await timeStart(dir));
      return [
        {
          name: 'stack-start-to-answer',
          unit: 'ms',
          value: Math.round(median(warm)),
          baseline: Math.round(cold),
          note: 'median of 3 starts on an existing data folder; baseline: the first start on an empty folder',
        },
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
