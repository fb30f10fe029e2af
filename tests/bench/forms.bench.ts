import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { freePort, startStack, type Stack } from '../../supabase/local/stack.ts';
import { CHROME_PATH, CHROMIUM_ARGS } from '../support/browser.ts';
import type { BenchResult, Benchmark } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = 50;
/** The form screens of issue 5 and the heading each shows. */
const FORM_ROUTES: [string, string][] = [
  ['/waarnemingen/nieuw', 'Nieuwe waarneming'],
  ['/groene-tuinen/nieuw', 'Nieuw tuinproject'],
  ['/toegankelijkheid/nieuw', 'Woning controleren'],
  ['/wijkschouw/nieuw', 'Wijkschouw plannen'],
  ['/buurtcijfer', 'Cijfer voor je buurt'],
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (x: number) => Number(x.toFixed(1));

/** The production build of the app against this stack, served as `npm start` serves it. */
async function serveApp(stack: Stack, outDir: string) {
  const vars = {
    VITE_SUPABASE_URL: stack.apiUrl,
    VITE_SUPABASE_ANON_KEY: stack.anonKey,
    NODE_ENV: 'production',
  };
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    await build({
      configFile: path.join(ROOT, 'vite.config.ts'),
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
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: await freePort(), strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!url) throw new Error('vite preview did not report its URL');
  return { url, close: () => server.close() };
}

async function logIn(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await page.getByLabel('E-mailadres').fill('smederij@demo.buurtpeil.nl');
  await page.getByLabel('Wachtwoord', { exact: true }).fill('buurtpeil-demo');
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.locator('.sync-badge', { hasText: 'Alles verstuurd' }).waitFor({ timeout: 60_000 });
}

/**
 * Open the observation form from the list, choose a kind and a buurt, Save, until the list is
 * back (the app navigates only after the record and its outbox entry committed). Offline, so no
 * sync round runs alongside, as in the field. A profile on disk, so IndexedDB really flushes.
 */
async function formToSave(context: BrowserContext, appUrl: string) {
  const page = context.pages()[0] ?? (await context.newPage());
  await logIn(page, appUrl);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The first pull has brought the categories and buurten to the device.
  await page.goto(`${appUrl}/waarnemingen/nieuw`);
  await page
    .locator('option[value="schoon.zwerfafval"]')
    .waitFor({ state: 'attached', timeout: 60_000 });
  await page.locator('option[value="BU01185000"]').waitFor({ state: 'attached' });
  await context.setOffline(true);
  await page.goto(`${appUrl}/waarnemingen`);
  const newLink = page.getByRole('link', { name: 'Nieuwe waarneming' });
  const heading = page.getByRole('heading', { level: 1, name: 'Nieuwe waarneming' });
  const listHeading = page.getByRole('heading', { level: 1, name: 'Waarnemingen' });
  const total: number[] = [];
  const save: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    await listHeading.waitFor();
    const t0 = performance.now();
    await newLink.click();
    await heading.waitFor();
    // The options come from the device a moment after the form shows.
    await page.getByLabel('Wat zie je?').selectOption('schoon.zwerfafval');
    await page.getByLabel('Of kies de buurt').selectOption('BU01185000');
    const t1 = performance.now();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL((u) => u.pathname === '/waarnemingen');
    const t2 = performance.now();
    // The first few warm up the lazy chunks and IndexedDB.
    if (i >= 3) {
      total.push(t2 - t0);
      save.push(t2 - t1);
    }
  }
  const saved = await page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    return dbs.map((d) => d.name).filter(Boolean);
  });
  if (!saved.some((n) => n?.startsWith('buurtpeil-'))) throw new Error('no device database');
  return { total, save };
}

/** Gzip bytes of the JavaScript a full load of each route fetches (entry and lazy chunks). */
async function routeJs(browser: Browser, appUrl: string, outDir: string) {
  // No service worker: every chunk is a request the page makes itself.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await logIn(page, appUrl);
  const gz = async (url: string) =>
    gzipSync(await readFile(path.join(outDir, new URL(url).pathname))).length;
  const sizes: { route: string; bytes: number; files: number }[] = [];
  const measure = async (route: string, heading: string) => {
    const p = await context.newPage();
    const js = new Set<string>();
    p.on('request', (r) => {
      if (r.url().startsWith(appUrl) && r.url().endsWith('.js') && !r.url().includes('sw.js'))
        js.add(r.url());
    });
    await p.goto(`${appUrl}${route}`);
    await p.getByRole('heading', { level: 1, name: heading }).waitFor();
    await p.waitForLoadState('networkidle');
    let bytes = 0;
    for (const u of js) bytes += await gz(u);
    sizes.push({ route, bytes, files: js.size });
    await p.close();
  };
  await measure('/', 'Welkom bij Buurtpeil');
  for (const [route, heading] of FORM_ROUTES) await measure(route, heading);
  await context.close();
  return sizes;
}

/** Issue 5: open the observation form → committed save, and the JS each form route loads. */
export const forms: Benchmark = {
  name: 'forms',
  async run() {
    const dir = await mkdtemp(path.join(tmpdir(), 'buurtpeil-bench-forms-'));
    await chmod(dir, 0o755);
    let stack: Stack | undefined;
    let served: Awaited<ReturnType<typeof serveApp>> | undefined;
    let persistent: BrowserContext | undefined;
    let browser: Browser | undefined;
    try {
      stack = await startStack({ dataDir: path.join(dir, 'stack'), port: 0, log: () => {} });
      const outDir = path.join(dir, 'app');
      served = await serveApp(stack, outDir);
      persistent = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
        executablePath: CHROME_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 390, height: 844 },
        locale: 'nl-NL',
        // Playwright scrolls Save into view before tapping it; with smooth scrolling that
        // animation (~350 ms) would be measured instead of the app. A person scrolls themselves.
        reducedMotion: 'reduce',
      });
      const { total, save } = await formToSave(persistent, served.url);
      await persistent.close();
      persistent = undefined;
      browser = await chromium.launch({
        executablePath: CHROME_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
      });
      const sizes = await routeJs(browser, served.url, outDir);
      const home = sizes.find((s) => s.route === '/')!;
      const note = (p: string) =>
        `${p} of ${RUNS} runs driven by Playwright in Chromium (390×844, profile on disk, offline): tap "Nieuwe waarneming" on the list → form shown → choose a kind and a buurt → tap Opslaan → the list is back after the record and its outbox entry committed; baseline: the part from tapping Opslaan`;
      const results: BenchResult[] = [
        {
          name: 'observation-form-to-save-p50',
          unit: 'ms',
          value: round(percentile(total, 50)),
          baseline: round(percentile(save, 50)),
          note: note('p50'),
        },
        {
          name: 'observation-form-to-save-p95',
          unit: 'ms',
          value: round(percentile(total, 95)),
          baseline: round(percentile(save, 95)),
          note: note('p95'),
        },
      ];
      for (const s of sizes.filter((x) => x.route !== '/')) {
        results.push({
          name: `route-js-gzip ${s.route}`,
          unit: 'bytes',
          value: s.bytes,
          baseline: home.bytes,
          note: `gzip of the ${s.files} JS files a fresh load of ${s.route} fetches (signed in, no service worker cache); baseline: the same for the home screen (${home.files} files)`,
        });
      }
      return results;
    } finally {
      await persistent?.close();
      await browser?.close();
      await served?.close();
      await stack?.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
