import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  accessibilityViolations,
  createTestUser,
  snapshot,
  useE2E,
  waitForCode,
  waitForServiceWorker,
} from '../support/e2e.ts';
import { AppShell } from './pages/AppShell.ts';
import { CodeLoginPage } from './pages/CodeLoginPage.ts';
import { HomePage } from './pages/HomePage.ts';
import { LoginPage } from './pages/LoginPage.ts';

const { stack, appUrl, appDir, openPhone } = useE2E();
/** supabase-js's session in localStorage (see src/platform/supabase.ts). */
const AUTH_KEY = 'buurtpeil.auth';

describe('PWA shell', () => {
  test('logs in with a password, then keeps working offline across reloads', async () => {
    const user = await createTestUser(stack);
    const { context, page, problems } = await openPhone();
    const shell = new AppShell(page);
    const login = new LoginPage(page);
    const home = new HomePage(page);

    // Signed out, the app sends you to the login screen.
    await page.goto(appUrl);
    await login.heading.waitFor();
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    expect(await page.title()).toBe('Inloggen – Buurtpeil');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await accessibilityViolations(page)).toEqual([]);
    await snapshot(page, 'login');

    await login.logIn(user.email, user.password);
    await home.waitUntilShown();
    await home.signedInAs(user.email).waitFor();
    expect(await home.tiles.allTextContents()).toEqual([
      expect.stringContaining('Waarnemingen'),
      expect.stringContaining('Groene tuinen'),
      expect.stringContaining('Wijkschouw'),
      expect.stringContaining('Toegankelijkheid'),
      expect.stringContaining('Buurten'),
    ]);
    expect(await shell.connectionText()).toBe('Online');
    expect(await accessibilityViolations(page)).toEqual([]);
    await snapshot(page, 'home');

    // The menu folds open on a phone, and its links are real links.
    await shell.menuButton.click();
    expect(await shell.menuButton.getAttribute('aria-expanded')).toBe('true');
    await shell.signOutButton.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snapshot(page, 'home-menu');
    await page.keyboard.press('Escape');
    expect(await shell.menuButton.getAttribute('aria-expanded')).toBe('false');

    // A tile leads to its feature; focus lands on the new page's heading.
    await home.tiles.filter({ hasText: 'Groene tuinen' }).click();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Groene tuinen');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.title()).toBe('Groene tuinen – Buurtpeil');
    await shell.brand.click();
    await home.waitUntilShown();

    // Offline: the precached shell and the stored session still give the home screen.
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await shell.offlineNotice.waitFor();
    await page.reload();
    await home.waitUntilShown();
    await home.signedInAs(user.email).waitFor();
    await shell.brand.waitFor();
    await shell.offlineNotice.waitFor();
    expect(await shell.connectionText()).toBe('Offline');
    expect(await accessibilityViolations(page)).toEqual([]);
    await snapshot(page, 'home-offline');

    // Signing out needs the server (and, later, unsent work to go out first): explained, not done.
    await shell.signOut();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Uitloggen kan weer als je internet hebt' })
      .waitFor();
    await home.signedInAs(user.email).waitFor();

    // Even with the access token expired (a long day outdoors), an offline reload must not sign
    // the person out: supabase-js keeps the session for a refresh once online.
    await page.evaluate((key) => {
      const session = JSON.parse(localStorage.getItem(key) ?? 'null') as { expires_at: number };
      session.expires_at = Math.floor(Date.now() / 1000) - 60;
      localStorage.setItem(key, JSON.stringify(session));
    }, AUTH_KEY);
    const failedRefreshes: string[] = [];
    page.on('requestfailed', (r) => {
      if (r.url().includes('grant_type=refresh_token')) failedRefreshes.push(r.url());
    });
    await page.clock.install();
    await page.reload();
    await home.waitUntilShown();
    // supabase-js retries the refresh with back-off for ~25 s, then reports "no session" while
    // keeping it stored. Run that out on a fake clock; the app must stay signed in throughout.
    for (let i = 0; i < 8; i++) {
      await page.clock.runFor(5_000);
      await page.waitForTimeout(50);
    }
    expect(failedRefreshes.length).toBeGreaterThan(3);
    await home.signedInAs(user.email).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.evaluate((key) => localStorage.getItem(key), AUTH_KEY)).not.toBeNull();

    // Back online: the notice goes, and the next start renews the token.
    await context.setOffline(false);
    await shell.offlineNotice.waitFor({ state: 'detached' });
    expect(await shell.connectionText()).toBe('Online');
    await page.reload();
    await home.waitUntilShown();
    await page.waitForFunction(
      (key) =>
        ((JSON.parse(localStorage.getItem(key) ?? '{}') as { expires_at?: number }).expires_at ??
          0) >
        Date.now() / 1000,
      AUTH_KEY,
    );

    // Signing out ends up on the login screen, with a word that it worked.
    await shell.signOut();
    await login.heading.waitFor();
    await page.getByText('Je bent uitgelogd.').waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), AUTH_KEY)).toBeNull();

    expect(problems).toEqual([]);
    await context.close();
  });

  test('the login screen works with the keyboard, explains errors, and has dark mode', async () => {
    const { context, page, problems } = await openPhone({ colorScheme: 'dark' });
    const shell = new AppShell(page);
    const login = new LoginPage(page);
    await login.open(appUrl);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Tab order from the top of the page: skip link first, then on to the form.
    const focusOrder: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      focusOrder.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el?.id || el?.textContent?.trim() || el?.tagName || '';
        }),
      );
    }
    expect(focusOrder[0]).toBe('Direct naar de inhoud');
    const email = focusOrder.indexOf('login-email');
    const password = focusOrder.indexOf('login-password');
    const submit = focusOrder.indexOf('Inloggen');
    expect(email).toBeGreaterThan(0);
    expect(password).toBeGreaterThan(email);
    expect(submit).toBeGreaterThan(password);

    // Submitting empty: Dutch errors, tied to the fields, and focus on the first one.
    await login.submit.focus();
    await page.keyboard.press('Enter');
    expect(await login.alert.textContent()).toBe('Er is iets niet goed ingevuld.');
    expect(await login.fieldError(login.email)).toBe('Vul je e-mailadres in.');
    expect(await login.email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-email');
    expect(await accessibilityViolations(page)).toEqual([]);
    await snapshot(page, 'login-errors-dark');

    // A wrong password, typed and sent with the keyboard only.
    await page.keyboard.type('niemand@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type('fout-wachtwoord');
    await page.keyboard.press('Enter');
    await page.getByText('Het e-mailadres of het wachtwoord klopt niet.').waitFor();
    expect(await login.alert.textContent()).toBe('Het e-mailadres of het wachtwoord klopt niet.');

    // English on request; <html lang> follows, and the choice survives a reload.
    await shell.languageSwitch('English').click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // A screen with texts of its own (a lazy area dictionary) opens in English too, and switches
    // back on the spot: whole, never a raw key.
    await page.getByRole('link', { name: 'Privacy and accessibility of Buurtpeil' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy and accessibility' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Accessibility statement' }).waitFor();
    await shell.languageSwitch('Nederlands').click();
    await page.getByRole('heading', { level: 2, name: 'Toegankelijkheidsverklaring' }).waitFor();
    expect(await page.getByRole('main').textContent()).not.toMatch(/\b(privacy|a11y)\.\w+/);
    await shell.languageSwitch('English').click();
    await page.getByRole('heading', { level: 2, name: 'Accessibility statement' }).waitFor();
    await shell.languageSwitch('Nederlands').click();
    await page.getByRole('link', { name: 'Terug naar inloggen' }).click();
    await login.heading.waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });

  test('logs in with a code sent by email', async () => {
    const user = await createTestUser(stack);
    const { context, page, problems } = await openPhone();
    const login = await new LoginPage(page).open(appUrl);
    const codeLogin = new CodeLoginPage(page);

    await login.useCodeLink.click();
    await codeLogin.requestCode(user.email);
    // Focus moves to the code field, so nobody has to look for it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('code-code');
    expect(await accessibilityViolations(page)).toEqual([]);
    await snapshot(page, 'login-code');

    const code = await waitForCode(stack.mailboxUrl, user.email);
    expect(code).toMatch(/^\d{6}$/);
    await codeLogin.enterCode(code);
    const home = await new HomePage(page).waitUntilShown();
    await home.signedInAs(user.email).waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });

  // Last, because it changes the served files (and puts them back).
  test('offers a new version, and reloads only when the person asks', async () => {
    const { context, page, problems } = await openPhone();
    const shell = new AppShell(page);
    const login = await new LoginPage(page).open(appUrl);
    await waitForServiceWorker(page);

    const sw = path.join(appDir, 'sw.js');
    const original = await readFile(sw, 'utf8');
    try {
      // A new release: any byte change to sw.js makes the browser install it as a new version.
      await writeFile(sw, `${original}\n// e2e: a new release\n`);
      await markPage(page);
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      await shell.updatePrompt.waitFor();
      expect(await isMarked(page)).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      await snapshot(page, 'update-prompt');

      // "Later" hides the offer without reloading; the next start offers it again.
      await shell.updateLater.click();
      await shell.updatePrompt.waitFor({ state: 'detached' });
      expect(await isMarked(page)).toBe(true);
      await page.reload();
      await shell.updatePrompt.waitFor();

      // "Herladen" activates the new version and reloads into it.
      await markPage(page);
      await shell.updateReload.click();
      await page.waitForFunction(() => !document.body.hasAttribute('data-e2e-marked'));
      await login.heading.waitFor();
      expect(
        await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return {
            waiting: Boolean(registration?.waiting),
            controlled: Boolean(navigator.serviceWorker.controller),
          };
        }),
      ).toEqual({ waiting: false, controlled: true });
      expect(await shell.updatePrompt.count()).toBe(0);
    } finally {
      await writeFile(sw, original);
    }

    expect(problems).toEqual([]);
    await context.close();
  });

  test('high contrast for bright sunlight: switched by a toggle, remembered, and still accessible', async () => {
    const { context, page, problems } = await openPhone();
    await page.goto(appUrl);
    const toggle = page.getByRole('button', { name: 'Hoog contrast' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('html').getAttribute('data-contrast')).toBe('high');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.reload();
    await page.getByRole('button', { name: 'Hoog contrast', pressed: true }).waitFor();
    expect(await page.locator('html').getAttribute('data-contrast')).toBe('high');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('is served with a strict Content-Security-Policy and security headers', async () => {
    const res = await fetch(appUrl);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${new URL(stack.apiUrl).origin}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('permissions-policy')).toContain('geolocation=(self)');
  });
});

/** Marks the document; a reload gives a fresh document without the mark. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => document.body.setAttribute('data-e2e-marked', ''));
}

function isMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => document.body.hasAttribute('data-e2e-marked'));
}
