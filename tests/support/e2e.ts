import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { LoginPage } from '../e2e/pages/LoginPage.ts';
import { launchChromium } from './browser.ts';
import { nodeClient, useSuperuser, type DEMO } from './clients.ts';
import type { TestStack } from './stack-setup.ts';

/** A demo account from supabase/seed.sql: `<who>@demo.buurtpeil.nl`. */
export type DemoUser = keyof typeof DEMO;

/** What an e2e test file works with; see `useE2E`. */
export interface E2E {
  stack: TestStack;
  /** Where the production build of the app is served, without a trailing slash. */
  appUrl: string;
  /** The folder it is served from. */
  appDir: string;
  /** A superuser connection to the stack's database: to arrange data and to see what arrived. */
  db: pg.Client;
  /** A new phone-shaped browser profile in the file's Chromium; the test closes its context. */
  openPhone(options?: PhoneOptions): Promise<Phone>;
  /** Signs a demo user in from the start page and waits until the first sync is done. */
  signIn(page: Page, who: DemoUser): Promise<void>;
}

/**
 * The shared set-up of an e2e test file, called once at its top: Chromium is launched and the
 * database connected before the file's tests and both closed after them; the stack and the
 * served app come from the global set-up (stack-setup.ts, app-setup.ts).
 */
export function useE2E(): E2E {
  const stack = inject('stack');
  const appUrl = inject('appUrl');
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    stack,
    appUrl,
    appDir: inject('appDir'),
    db: useSuperuser(stack),
    openPhone(options) {
      if (!browser) throw new Error('useE2E: open phones inside a test, after the browser started');
      return openPhoneIn(browser, options);
    },
    async signIn(page, who) {
      await page.goto(appUrl);
      await new LoginPage(page).logIn(`${who}@demo.buurtpeil.nl`, 'buurtpeil-demo');
      await waitUntilAllSent(page);
    },
  };
}

/**
 * Waits (up to 30 s) until the sync badge says everything is sent: after signing in (the first
 * sync) or after coming back online.
 */
export async function waitUntilAllSent(page: Page): Promise<void> {
  await page.locator('.sync-badge', { hasText: 'Alles verstuurd' }).waitFor({ timeout: 30_000 });
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

/** A fresh, confirmed user made through the Auth admin API, so tests need no seed data. */
export async function createTestUser(stack: TestStack): Promise<TestUser> {
  const admin = nodeClient(stack.apiUrl, stack.serviceRoleKey);
  const email = `e2e-${randomUUID().slice(0, 8)}@example.com`;
  const password = `Wachtwoord-${randomUUID()}`;
  const { data, error } = await admin.auth.admin.createUser({
    email,
    password,
    email_confirm: true,
  });
  if (error) throw error;
  return { id: data.user.id, email, password };
}

export interface Phone {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions, CSP violations and texts shown too early: a healthy app has none. */
  problems: string[];
}

export interface PhoneOptions {
  colorScheme?: 'light' | 'dark';
}

/** A new browser profile shaped like a small Android phone (360×740), in Dutch. */
async function openPhoneIn(browser: Browser, options: PhoneOptions = {}): Promise<Phone> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'nl-NL',
    colorScheme: options.colorScheme ?? 'light',
    serviceWorkers: 'allow',
  });
  // Fail a missing element quickly and by name, well inside the test's own timeout.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) {
      problems.push(`CSP: ${m.text()}`);
    }
    // A text asked for before its dictionary loaded (src/lib/i18n): a screen missed an area.
    if (m.type() === 'error' && m.text().startsWith('Buurtpeil i18n:')) {
      problems.push(`texts: ${m.text()}`);
    }
  });
  return { context, page, problems };
}

/** Tests have no internet: PDOK's map tiles fail at once instead of waiting for DNS. */
export async function blockMapTiles(context: BrowserContext): Promise<void> {
  await context.route('https://service.pdok.nl/**', (r) => r.abort());
}

/** What `browserJpeg` draws: a background, and optionally a block so two photos differ. */
export interface Drawing {
  width: number;
  height: number;
  background: string;
  block?: { x: number; y: number; width: number; height: number; colour: string };
}

/** A real JPEG encoded by the browser itself, so the app's own decoding can read it again. */
export async function browserJpeg(page: Page, drawing: Drawing): Promise<Buffer> {
  const bytes = await page.evaluate(async ({ width, height, background, block }) => {
    const c = new OffscreenCanvas(width, height);
    const g = c.getContext('2d')!;
    g.fillStyle = background;
    g.fillRect(0, 0, width, height);
    if (block) {
      g.fillStyle = block.colour;
      g.fillRect(block.x, block.y, block.width, block.height);
    }
    const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return [...new Uint8Array(await blob.arrayBuffer())];
  }, drawing);
  return Buffer.from(bytes);
}

/** How many rows of `table` match `where`: "nothing has reached the server yet" is 0. */
export async function countRows(
  db: pg.Client,
  table: string,
  where: string,
  params: unknown[],
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from ${table} where ${where}`,
    params,
  );
  return rows[0]!.n;
}

/**
 * Runs `sql` until it returns at least `count` rows or `timeout` ms have passed: the app sends
 * on its own, a moment after the screen says it saved. Returns the last rows either way, so the
 * caller's assertion shows what did not arrive.
 */
export async function waitForRows<R extends pg.QueryResultRow = pg.QueryResultRow>(
  db: pg.Client,
  sql: string,
  params: unknown[],
  { count = 1, timeout = 15_000 }: { count?: number; timeout?: number } = {},
): Promise<R[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const { rows } = await db.query<R>(sql, params);
    if (rows.length >= count || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** WCAG 2.1 A/AA violations on the page as it is now, one readable line each. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

interface MailboxMessage {
  id: number;
  to: string;
  subject: string;
  code: string;
  sent_at: string;
}

/** Waits for the newest sign-in code mailed to `email` by the local stack. */
export async function waitForCode(mailboxUrl: string, email: string): Promise<string> {
  const url = `${mailboxUrl}?format=json&to=${encodeURIComponent(email)}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`mailbox answered ${res.status}`);
    const { messages } = (await res.json()) as { messages: MailboxMessage[] };
    const code = messages[0]?.code;
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`no code mailed to ${email}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Waits until a service worker controls the page. With `clientsClaim` that happens on the first
 * visit; a reload is the fallback browsers without claim need.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!(await controlled())) {
    try {
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
        timeout: 3_000,
      });
    } catch {
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    }
  }
}

const SCREENSHOTS = fileURLToPath(new URL('../e2e/screenshots/', import.meta.url));

/** With `E2E_SCREENSHOTS=1`, saves a full-page screenshot for a human to look at (git-ignored). */
export async function snapshot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}
