import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { freePort, startStack } from '../../supabase/local/stack.ts';
import { CHROME_PATH, CHROMIUM_ARGS } from '../support/browser.ts';
import { median, type BenchResult, type Benchmark } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONFIG_FILE = path.join(ROOT, 'vite.config.ts');

/** Who the signed-in pages are measured as: a Smederijen team member on a phone. */
const SIGN_IN = { email: 'smederij@demo.buurtpeil.nl', password: 'buurtpeil-demo' };

interface Target {
  /** Used in the result names: `lighthouse-<name>-…`. */
  name: string;
  path: string;
  signedIn: boolean;
  /** Skipped (with a note) while the app answers this path with its "page not found". */
  optional?: boolean;
}

/**
 * The pages measured, signed out first. Add a page here; `optional` ones are measured once the
 * route exists on the branch.
 */
const TARGETS: Target[] = [
  { name: 'login', path: '/', signedIn: false },
  { name: 'home', path: '/', signedIn: true },
  { name: 'buurt', path: '/buurten/BU01185000', signedIn: true, optional: true },
];

/** Runs per page; the median run (Lighthouse's own pick, by FCP and TTI) is reported. */
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

/** A folder for each page's median Lighthouse report (JSON; open it in the Lighthouse viewer). */
const REPORTS = process.env.LIGHTHOUSE_REPORTS;

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

/**
 * Lighthouse 12 in its default mobile mode (Moto G Power screen, simulated slow 4G and 4× CPU
 * slowdown) against the production build on a local stack, served by the real preview server
 * with the security headers: performance, accessibility and best-practices scores and LCP, TBT
 * and CLS per page. Signed-in pages use the same browser profile after a sign-in through the UI
 * (`disableStorageReset`), so they start as a returning person's phone does: service worker
 * installed, session stored, device database filled.
 */
export const lighthouseBench: Benchmark = {
  name: 'lighthouse',
  async run() {
    const cleanups: (() => Promise<unknown>)[] = [];
    try {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'buurtpeil-bench-lh-stack-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      // Postgres runs as its own OS user and must be able to enter the folder.
      await chmod(dataDir, 0o755);
      const stack = await startStack({ dataDir, port: 0, log: () => undefined });
      cleanups.push(() => stack.stop());

      const appUrl = await serveApp(stack.apiUrl, stack.anonKey, cleanups);
      const profile = await mkdtemp(path.join(tmpdir(), 'buurtpeil-bench-lh-profile-'));
      cleanups.push(() => rm(profile, { recursive: true, force: true }));
      const port = await launchChrome(profile, cleanups);

      const results: BenchResult[] = [];
      let signedIn = false;
      for (const target of [...TARGETS].sort((a, b) => Number(a.signedIn) - Number(b.signedIn))) {
        if (target.signedIn && !signedIn) {
          await signInThroughUi(port, appUrl);
          signedIn = true;
        }
        const url = `${appUrl}${target.path}`;
        if (target.optional && !(await routeExists(port, url))) {
          console.log(`  ${target.name}: ${target.path} is not built yet, skipped`);
          continue;
        }
        const runs: Result[] = [];
        const loads: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          loads.push(os.loadavg()[0]!);
          runs.push(await audit(url, port, target.signedIn));
        }
        const medianRun = computeMedianRun(runs);
        if (REPORTS) {
          await mkdir(REPORTS, { recursive: true });
          await writeFile(path.join(REPORTS, `${target.name}.json`), JSON.stringify(medianRun));
        }
        results.push(...report(target, medianRun, runs.length, median(loads)));
      }
      return results;
    } finally {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    }
  },
};

/** Builds the app against the stack and serves it as `npm start` does; returns its URL. */
async function serveApp(
  apiUrl: string,
  anonKey: string,
  cleanups: (() => Promise<unknown>)[],
): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'buurtpeil-bench-lh-app-'));
  cleanups.push(() => rm(outDir, { recursive: true, force: true }));
  const env = {
    VITE_SUPABASE_URL: apiUrl,
    VITE_SUPABASE_ANON_KEY: anonKey,
    NODE_ENV: 'production',
  };
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    await build({
      configFile: CONFIG_FILE,
      mode: 'production',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const server = await preview({
    configFile: CONFIG_FILE,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: await freePort(), strictPort: true, open: false },
  });
  cleanups.push(() => server.close());
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its URL');
  return url.replace(/\/$/, '');
}

/** The machine's Chromium with a profile on disk and a DevTools port for Lighthouse. */
async function launchChrome(
  profile: string,
  cleanups: (() => Promise<unknown>)[],
): Promise<number> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    CHROME_PATH,
    [
      '--headless=new',
      ...CHROMIUM_ARGS,
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  cleanups.push(async () => {
    child.kill();
    await exited;
  });
  const t0 = Date.now();
  for (;;) {
    const up = await fetch(`http://127.0.0.1:${port}/json/version`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) return port;
    if (child.exitCode !== null) throw new Error(`Chromium exited with ${child.exitCode}`);
    if (Date.now() - t0 > 30_000) throw new Error('Chromium did not open its DevTools port');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Signs in through the login screen in the browser's own profile and waits until the service
 * worker controls the page and the first sync has brought the device data.
 */
async function signInThroughUi(port: number, appUrl: string): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error('no default browser context');
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${appUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(SIGN_IN.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(SIGN_IN.password);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom bij Buurtpeil' }).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // Wait for the first sync round (push, pull until caught up, photos) to be stored, so the
    // measured starts pull only what changed, as on a phone in daily use.
    for (const t0 = Date.now(); !(await page.evaluate(syncRoundStored));) {
      if (Date.now() - t0 > 120_000) throw new Error('the first sync did not finish in 120 s');
      await page.waitForTimeout(500);
    }
    await page.close();
  } finally {
    // Disconnects; the profile's default context (and its session) stays.
    await browser.close();
  }
}

/** In the page: whether the signed-in user's device database has finished a sync round. */
async function syncRoundStored(): Promise<boolean> {
  const raw = localStorage.getItem('buurtpeil.auth');
  const userId = raw ? (JSON.parse(raw) as { user: { id: string } }).user.id : '';
  const name = `buurtpeil-${userId}`;
  if (!(await indexedDB.databases()).some((d) => d.name === name)) return false;
  return new Promise<boolean>((resolve) => {
    const open = indexedDB.open(name);
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('sync_state').objectStore('sync_state').get('last_sync_at');
      get.onsuccess = () => resolve(get.result !== undefined);
      get.onerror = () => resolve(false);
      db.close();
    };
  });
}

/** False when the app shows its "page not found" screen for `url`. */
async function routeExists(port: number, url: string): Promise<boolean> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const page = await browser.contexts()[0]!.newPage();
    await page.goto(url);
    await page.locator('main h1').waitFor({ timeout: 30_000 });
    const missing = await page.getByText('Pagina niet gevonden').isVisible();
    await page.close();
    return !missing;
  } finally {
    await browser.close();
  }
}

/** One Lighthouse run in mobile mode. */
async function audit(url: string, port: number, signedIn: boolean): Promise<Result> {
  const flags: Flags = {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
    // Signed out: a first visit on a clean profile. Signed in: keep the session and the app.
    disableStorageReset: signedIn,
  };
  const result = await lighthouse(url, flags);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (result.lhr.runtimeError) {
    throw new Error(
      `Lighthouse: ${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`,
    );
  }
  return result.lhr;
}

/** The median run's scores and metrics as results, naming what cost points. */
function report(target: Target, lhr: Result, runs: number, load: number): BenchResult[] {
  // Lighthouse's simulated throttling scales the CPU time it observes: on a busy machine the
  // performance figures come out worse than on an idle one, so the load is part of the note.
  const where = `${target.path} ${target.signedIn ? 'signed in' : 'signed out'}, median of ${runs} mobile runs, load average ${load.toFixed(1)} on ${os.cpus().length} CPUs`;
  const rows: BenchResult[] = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    const score = Math.round((category?.score ?? 0) * 100);
    const failing = (category?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1)
      .map((a) => `${a!.id} ${Math.round(a!.score! * 100)}`);
    rows.push({
      name: `lighthouse-${target.name}-${id}`,
      unit: 'score',
      value: score,
      note: `${where}${failing.length ? `; below 100: ${failing.join(', ')}` : ''}`,
    });
  }
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  rows.push(
    {
      name: `lighthouse-${target.name}-lcp`,
      unit: 'ms',
      value: Math.round(metric('largest-contentful-paint')),
      note: where,
    },
    {
      name: `lighthouse-${target.name}-tbt`,
      unit: 'ms',
      value: Math.round(metric('total-blocking-time')),
      note: where,
    },
    {
      name: `lighthouse-${target.name}-cls`,
      unit: 'unitless',
      value: Number(metric('cumulative-layout-shift').toFixed(3)),
      note: where,
    },
  );
  return rows;
}
