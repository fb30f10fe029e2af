import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { nodeClient } from './clients.ts';
import type { TestStack } from './stack-setup.ts';

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
  /** Uncaught exceptions and CSP violations seen so far: a healthy app has none. */
  problems: string[];
}

/** A new browser profile shaped like a small Android phone (360×740), in Dutch. */
export async function openPhone(
  browser: Browser,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<Phone> {
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
  });
  return { context, page, problems };
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
